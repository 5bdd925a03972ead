using System.Text;

namespace Cptc.Tests;

/// <summary>Logs as they come out of broken exports (issue 11): each problem a one-line
/// diagnostic at the offending place, never a wrong number or an internal error.</summary>
public partial class FitLogErrorTests
{
    [Theory]
    [InlineData("step,loss,loss\n100,3.5,3.6\n")]
    [InlineData("step,loss,,\n100,3.5\n")]
    public void A_header_naming_a_column_twice_is_CPT4113_at_line_1(string log)
    {
        var result = Fit(new TempDirectory(), log);
        AssertError(result, "log.csv", 1, 1, "CPT4113");
        HostileInputTests.AssertNoCrash(result, log);
    }

    [Fact]
    public void A_row_with_more_cells_than_the_header_is_an_error_not_a_loss_of_3() =>
        // a decimal comma: 3,7755 is two cells
        AssertError(Fit(new TempDirectory(), "step,loss\n100,3.9\n2160,3,7755\n"), "log.csv", 3, 8, "CPT4114");

    [Fact]
    public void Weights_and_biases_exports_with_empty_cells_are_read()
    {
        using var dir = new TempDirectory();
        // the loss logged every 500 steps, the train loss every step: empty eval cells in between
        var rows = new StringBuilder("step,train/loss,loss,lr\n");
        for (int step = 100; step <= 2000; step += 100) rows.Append($"{step},4.0,{(step % 500 == 0 ? "3.5" : "")},\n");
        var result = Fit(dir, rows.ToString(), "log.csv", "--form", "eq1", "--fix", "alpha=0.5");
        Assert.True(result.ExitCode == 0, result.Error);
    }

    [Fact]
    public void A_nul_in_a_cell_is_CPT4116_and_printed_escaped()
    {
        var result = Fit(new TempDirectory(), "step,loss\n100,3.5\0\n");
        AssertError(result, "log.csv", 2, 8, "CPT4116");
        Assert.DoesNotContain("\0", result.Error);
    }

    [Fact]
    public void Binary_logs_print_no_raw_bytes()
    {
        var result = Fit(new TempDirectory(), "\0\0\u0001PNG\0step\n");
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("\0", result.Error);
        Assert.DoesNotContain("\u0001", result.Error);
    }

    [Fact]
    public void A_column_name_with_control_characters_is_printed_escaped()
    {
        var result = Fit(new TempDirectory(), "step,\u0007val\n100,3.5\n");
        AssertError(result, "log.csv", 1, 1, "CPT4101");
        Assert.Contains("\\u0007val", result.Error);
    }

    [Fact]
    public void An_unterminated_quote_is_one_line()
    {
        var result = Fit(new TempDirectory(), "step,loss\n100,\"3.5\n200,3.4\n");
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        HostileInputTests.AssertNoCrash(result, "unterminated quote");
    }

    [Fact]
    public void A_json_record_with_a_key_twice_is_CPT4117() =>
        AssertError(Fit(new TempDirectory(), "{\"step\": 100, \"loss\": 3.5, \"loss\": 9}\n", "log.jsonl"), "log.jsonl", 1, 28, "CPT4117");

    [Fact]
    public void A_log_with_too_many_rows_is_refused_with_the_limit_and_how_to_thin_it()
    {
        using var dir = new TempDirectory();
        var rows = new StringBuilder("step,loss\n");
        for (int step = 1; step <= CptLang.Fitting.LogReader.MaxRows + 1; step++) rows.Append(step).Append(",3.5\n");
        var result = Fit(dir, rows.ToString());
        AssertError(result, "log.csv", 1, 1, "CPT4115");
        Assert.Contains("200,001 rows", result.Error);
        Assert.Contains("awk 'NR == 1 || NR % 2 == 0'", result.Error);
    }

    [Fact]
    public void A_bad_last_line_of_a_huge_log_is_found()
    {
        using var dir = new TempDirectory();
        var rows = new StringBuilder("step,loss\n");
        int last = CptLang.Fitting.LogReader.MaxRows + 10;
        for (int step = 1; step < last; step++) rows.Append(step).Append(",3.5\n");
        rows.Append(last).Append(",oops\n");
        AssertError(Fit(dir, rows.ToString()), "log.csv", last + 1, 8, "CPT4102");
    }

    [Fact]
    public void A_device_as_a_log_is_read_with_a_bound()
    {
        if (!File.Exists("/dev/zero")) return;
        using var dir = new TempDirectory();
        var result = CliRunner.Run("fit", dir.File("r.cpt", Cpt), "--law", "web", "--data", "short=/dev/zero");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CPT4001", result.Error);
        Assert.Contains("more than 512 MB", result.Error);
    }
}
