using System.Diagnostics;
using System.Text;

namespace Cptc.Tests;

/// <summary>cptc used carelessly or in hostile environments (issue 11): junk options, devices,
/// links, modes, full disks, closed streams. No crash, no lost or damaged file.</summary>
public class HostileInputTests
{
    const string Cpt = """
        run r {
          peak_lr 2e-4
          train fineweb { stable 36k steps  decay 4k steps to 0 }
          switch to kp { warmup 1k steps to 2e-5  decay 9k steps to 0 cosine }
        }
        law fineweb = paper.fig3.general
        law kp = paper.fig3.domain
        sweep r {
          cpt_peak_lr 1e-5 to 4e-5 step 1e-5
          minimize 0.3 * fineweb + 0.7 * kp
        }

        """;

    const string Unformatted = "run x {\n      peak_lr 1e-4\n  train web { stable 10 steps }\n}\n";

    /// <summary>What must never reach a user, whatever the input.</summary>
    internal static void AssertNoCrash(CliResult result, string what)
    {
        string all = result.Out + result.Error;
        foreach (var bad in new[] { "internal error", "Unhandled", "   at ", "System.", "NaN", "Infinity", "(Parameter '" })
            Assert.False(all.Contains(bad, StringComparison.Ordinal), $"{what}: printed '{bad}':\n{result.Error}");
        Assert.True(result.ExitCode is 0 or 1 or 2, $"{what}: exit {result.ExitCode}");
        Assert.True(result.Error.Split('\n').Count(l => l.StartsWith("cptc:", StringComparison.Ordinal)) <= 1, $"{what}: more than one cptc: line\n{result.Error}");
    }

    // ── every option of every command given junk, no value, or twice ──────────────────────

    public static TheoryData<string, string> Options() => new()
    {
        { "check", "--format" },
        { "build", "--output" }, { "build", "-o" },
        { "fmt", "--check" },
        { "predict", "--run" }, { "predict", "--at" }, { "predict", "--every" }, { "predict", "--format" }, { "predict", "-o" }, { "predict", "--plot" },
        { "fit", "--law" }, { "fit", "--data" }, { "fit", "--holdout" }, { "fit", "--fix" }, { "fit", "--form" }, { "fit", "--model-size" },
        { "fit", "--format" }, { "fit", "-o" }, { "fit", "--plot" }, { "fit", "--write" }, { "fit", "--step-column" }, { "fit", "--loss-column" }, { "fit", "--lr-column" },
        { "optimize", "--run" }, { "optimize", "--weights" }, { "optimize", "--top" }, { "optimize", "--format" }, { "optimize", "-o" },
        { "optimize", "--plot" }, { "optimize", "--emit" }, { "optimize", "--turning" }, { "optimize", "--force" },
        { "export", "--run" }, { "export", "--target" }, { "export", "--stage" }, { "export", "--allow-approximate" }, { "export", "-o" },
        { "import", "--from" }, { "import", "--run" }, { "import", "--domain" }, { "import", "-o" },
    };

    [Theory]
    [MemberData(nameof(Options))]
    public void Every_option_given_junk_no_value_or_twice_is_one_line_and_never_a_crash(string command, string option)
    {
        using var dir = new TempDirectory();
        string file = dir.File("r.cpt", Cpt);
        string log = dir.File("log.csv", "step,loss\n1000,3.5\n20000,3.1\n40000,3.0\n");
        string[] Base() => command switch
        {
            "fit" => ["fit", file, "--law", "fineweb", "--data", $"r={log}"],
            "export" => ["export", file, "--target", "csv"],
            "import" => ["import", "--from", "hf"],
            _ => [command, file],
        };
        string[] tail = command == "import" ? ["--", "learning_rate=3e-4", "num_training_steps=100"] : [];
        string inside = Path.Combine(dir.Path, "nodir", "x");
        foreach (var junk in new[] { "abc", "", "1k", "1e3", "99999999999999999999", "-1", "0", "--", inside, dir.Path, "\0", "é" })
        {
            // an output option given a junk name writes into the scratch directory, never next to the tests
            string value = junk is "abc" or "1k" or "1e3" or "0" or "-1" or "é" && option is "-o" or "--output" or "--plot" or "--emit"
                ? Path.Combine(dir.Path, junk) : junk;
            Check([.. Base(), option, value, .. tail], $"{option} '{junk}'");
            Check([.. Base(), option, value, option, value, .. tail], $"{option} '{junk}' twice");
        }
        Check([.. Base(), option], $"{option} without a value");
        Check([.. Base(), option, "--", .. tail], $"{option} --");
    }

    static void Check(string[] args, string what)
    {
        CliResult result;
        try { result = CliRunner.Run(args); }
        catch (Exception e) { Assert.Fail($"{what}: {e.GetType().Name}: {e.Message}"); return; }
        AssertNoCrash(result, what);
    }

    [Theory]
    [InlineData("--every", "1k", 0)]
    [InlineData("--every", "1e3", 0)]
    [InlineData("--every", "abc", 2)]
    [InlineData("--every", "", 2)]
    [InlineData("--every", "99999999999999999999", 2)]
    public void Every_takes_the_languages_numbers(string option, string value, int exit)
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("predict", dir.File("r.cpt", Cpt), option, value, "--format", "csv");
        Assert.True(exit == result.ExitCode, result.Error);
        if (exit == 0) Assert.StartsWith("step,lr,fineweb,kp\n1000,", result.Out.ReplaceLineEndings("\n"));
        else Assert.StartsWith("cptc: error CPT4006: --every", result.Error);
    }

    [Theory]
    [InlineData("--at", "5", "--at", "6")]
    [InlineData("--at", "5", "--every", "6")]
    [InlineData("--every")]
    [InlineData("--at", "--")]
    public void At_and_every_misused_are_usage_errors(params string[] options)
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run(["predict", dir.File("r.cpt", Cpt), .. options]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("cptc: ", result.Error);
        AssertNoCrash(result, string.Join(' ', options));
    }

    [Fact]
    public void Option_errors_name_no_dotnet_types()
    {
        using var dir = new TempDirectory();
        var top = CliRunner.Run("optimize", dir.File("r.cpt", Cpt), "--top", "abc");
        Assert.Equal("cptc: error CPT4006: --top 'abc' is not valid; give a whole number from 1 to 1000\n", top.Error.ReplaceLineEndings("\n"));
        var write = CliRunner.Run("fit", dir.File("r.cpt", Cpt), "--law", "kp", "--data", "r=x.csv", "--write=maybe");
        Assert.Equal(2, write.ExitCode);
        Assert.DoesNotContain("System.", write.Error);
        var empty = CliRunner.Run("predict", dir.File("r.cpt", Cpt), "-o", "");
        Assert.Equal("cptc: error CPT4002: cannot write '': the file name is empty\n", empty.Error.ReplaceLineEndings("\n"));
    }

    // ── broken streams ─────────────────────────────────────────────────────────────────────

    sealed class FailingWriter(Exception failure) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) => throw failure;
        public override void Write(string? value) => throw failure;
    }

    [Fact]
    public void A_full_or_closed_stderr_keeps_the_exit_code()
    {
        using var dir = new TempDirectory();
        string bad = dir.File("bad.cpt", "run x {\n  peak_lr 2e-4\n  train web { stable 10 steps }\n}\nxx\n");
        foreach (var failure in new Exception[] { new IOException("No space left on device"), new UnauthorizedAccessException("closed") })
            Assert.Equal(1, Cli.Run(["check", bad], new StringWriter(), new FailingWriter(failure)));
    }

    [Fact]
    public void A_full_stdout_is_CPT4002_not_an_internal_error()
    {
        using var dir = new TempDirectory();
        var error = new StringWriter();
        int code = Cli.Run(["predict", dir.File("r.cpt", Cpt)], new FailingWriter(new IOException("No space left on device")), error);
        Assert.Equal(2, code);
        Assert.Equal("cptc: error CPT4002: cannot write 'stdout': No space left on device\n", error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Dash_reads_stdin_and_writes_stdout()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = Cli.Run(["predict", "-", "--at", "1000", "--format", "csv", "-o", "-"], output, error,
            () => new MemoryStream(Encoding.UTF8.GetBytes(Cpt)));
        Assert.True(code == 0, error.ToString());
        Assert.StartsWith("step,lr,fineweb,kp\n1000,", output.ToString().ReplaceLineEndings("\n"));

        var formatted = new StringWriter();
        Assert.Equal(0, Cli.Run(["fmt", "-"], formatted, new StringWriter(), () => new MemoryStream(Encoding.UTF8.GetBytes(Unformatted))));
        Assert.Equal("run x {\n  peak_lr 1e-4\n  train web {\n    stable 10 steps\n  }\n}\n", formatted.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Devices_are_read_with_a_bound()
    {
        if (!File.Exists("/dev/zero")) return;
        var check = CliRunner.Run("check", "/dev/zero");
        Assert.Equal(2, check.ExitCode);
        Assert.Contains("CPT4001", check.Error);
        Assert.Contains("more than 64 MB", check.Error);
    }

    // ── files: devices, pipes, links, modes, owners ──────────────────────────────────────────

    [Theory]
    [InlineData("/dev/null", 0)]
    [InlineData("/dev/full", 2)]
    public void Devices_are_written_in_place_and_their_errors_reported(string device, int exit)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(device)) return;
        using var dir = new TempDirectory();
        var result = CliRunner.Run("predict", dir.File("r.cpt", Cpt), "--format", "csv", "-o", device);
        Assert.True(exit == result.ExitCode, result.Error);
        Assert.Equal(UnixFiles.Kind.Other, UnixFiles.Stat(device).Kind);
        if (exit != 0) Assert.Equal($"cptc: error CPT4002: cannot write '{device}': No space left on device\n", result.Error.ReplaceLineEndings("\n"));
        // nothing left behind next to the device
        Assert.Empty(Directory.GetFiles("/dev", ".cptc-*"));
    }

    [Fact]
    public async Task A_named_pipe_stays_a_pipe()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/mkfifo")) return;
        using var dir = new TempDirectory();
        string fifo = Path.Combine(dir.Path, "pipe");
        using (var mkfifo = Process.Start("/usr/bin/mkfifo", [fifo])) mkfifo.WaitForExit();
        var reader = Task.Run(() => File.ReadAllText(fifo));
        var result = CliRunner.Run("predict", dir.File("r.cpt", Cpt), "--at", "1000", "--format", "csv", "-o", fifo);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.StartsWith("step,lr,fineweb,kp", await reader.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(UnixFiles.Kind.Other, UnixFiles.Stat(fifo).Kind);
    }

    [Fact]
    public void Links_are_followed_and_stay_links()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        string real = dir.File("real.cpt", Unformatted);
        string link = Path.Combine(dir.Path, "link.cpt");
        File.CreateSymbolicLink(link, "real.cpt");
        string csv = dir.File("t.csv", "old");
        string csvLink = Path.Combine(dir.Path, "link.csv");
        File.CreateSymbolicLink(csvLink, "t.csv");

        Assert.Equal(0, CliRunner.Run("fmt", link).ExitCode);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.StartsWith("run x {\n  peak_lr", File.ReadAllText(real));

        var predict = CliRunner.Run("predict", dir.File("r.cpt", Cpt), "--at", "1000", "--format", "csv", "-o", csvLink);
        Assert.True(predict.ExitCode == 0, predict.Error);
        Assert.NotNull(new FileInfo(csvLink).LinkTarget);
        Assert.StartsWith("step,lr", File.ReadAllText(csv));
    }

    [Theory]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite)]
    [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead)]
    public void A_rewritten_file_keeps_its_mode(UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        string file = dir.File("m.cpt", Unformatted);
        File.SetUnixFileMode(file, mode);
        Assert.Equal(0, CliRunner.Run("fmt", file).ExitCode);
        Assert.Equal(mode, File.GetUnixFileMode(file));
        Assert.Equal(["m.cpt"], dir.Files());
    }

    [Fact]
    public void A_read_only_file_is_refused_and_left_alone()
    {
        if (OperatingSystem.IsWindows()) return;
        using var dir = new TempDirectory();
        string file = dir.File("m.cpt", Unformatted);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var result = CliRunner.Run("fmt", file);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error CPT4009", result.Error);
        Assert.Equal("", result.Out);
        Assert.Equal(Unformatted, File.ReadAllText(file));
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void A_rewritten_file_keeps_its_owner_when_cptc_runs_as_root()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/bin/chown")) return;
        using var dir = new TempDirectory();
        string file = dir.File("m.cpt", Unformatted);
        using (var chown = Process.Start("/bin/chown", ["1234:2345", file])) chown.WaitForExit();
        Assert.Equal(0, CliRunner.Run("fmt", file).ExitCode);
        var status = UnixFiles.Stat(file);
        Assert.Equal((1234u, 2345u), (status.Uid, status.Gid));
    }

    [Fact]
    public void The_byte_order_mark_is_kept()
    {
        using var dir = new TempDirectory();
        string file = Path.Combine(dir.Path, "bom.cpt");
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Unformatted)]);
        Assert.Equal(0, CliRunner.Run("fmt", file).ExitCode);
        var bytes = File.ReadAllBytes(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("run x {\n  peak_lr", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_its_position_and_the_file_is_not_rewritten()
    {
        using var dir = new TempDirectory();
        string file = Path.Combine(dir.Path, "latin1.cpt");
        byte[] original = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("run x {\n      peak_lr 1e-4 // caf"), 0xE9, .. Encoding.UTF8.GetBytes("\n  train web { stable 10 steps }\n}\n")];
        File.WriteAllBytes(file, original);
        var check = CliRunner.Run("check", file);
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("latin1.cpt(2,26): error CPT0008: byte 0xE9 at byte offset 36 is not valid UTF-8", check.Error);
        Assert.Equal(1, CliRunner.Run("fmt", file).ExitCode);
        Assert.Equal(original, File.ReadAllBytes(file));
    }

    [Fact]
    public void A_file_that_changed_since_it_was_read_is_not_replaced()
    {
        using var dir = new TempDirectory();
        string file = dir.File("m.cpt", Unformatted);
        var terminal = new Terminal(new StringWriter(), new StringWriter());
        var text = SourceFiles.Read(terminal, file);
        File.AppendAllText(file, "// added while cptc ran\n");
        var outputs = new Outputs(terminal);
        outputs.Rewrite(file, text, "run x {}\n");
        var e = Assert.Throws<CliException>(outputs.Commit);
        Assert.StartsWith("error CPT4008", e.Message);
        Assert.EndsWith("// added while cptc ran\n", File.ReadAllText(file));
        Assert.Equal(["m.cpt"], dir.Files());
    }

    [Theory]
    [InlineData("--plot")]
    [InlineData("--emit")]
    public void No_output_is_written_when_another_cannot_be(string option)
    {
        using var dir = new TempDirectory();
        string keep = dir.File("keep.csv", "keep me");
        string file = dir.File("r.cpt", Cpt);
        var result = option == "--plot"
            ? CliRunner.Run("predict", file, "-o", keep, "--plot", Path.Combine(dir.Path, "nodir", "p.png"))
            : CliRunner.Run("optimize", file, "-o", keep, "--emit", Path.Combine(dir.Path, "nodir", "best.cpt"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CPT4002", result.Error);
        Assert.Equal("keep me", File.ReadAllText(keep));
        Assert.Equal(["keep.csv", "r.cpt"], dir.Files());
    }

    [Fact]
    public void A_254_character_file_name_can_be_written()
    {
        using var dir = new TempDirectory();
        string name = new string('a', 250) + ".csv";
        var result = CliRunner.Run("predict", dir.File("r.cpt", Cpt), "--at", "1000", "--format", "csv", "-o", Path.Combine(dir.Path, name));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(name, dir.Files());
    }
}
