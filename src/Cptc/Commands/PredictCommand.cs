using System.CommandLine;
using Cptc.Predict;
using CptLang;
using CptLang.Diagnostics;
using CptLang.Predicting;

namespace Cptc.Commands;

/// <summary>
/// <c>cptc predict FILE [--run NAME] [--at STEPS | --every N] [--format table|csv|json] [-o PATH] [--plot PNG]</c>:
/// the predicted validation loss of every law of the file along one run, and the derived quantities.
/// </summary>
internal static class PredictCommand
{
    public static Command Create(Terminal terminal)
    {
        var file = Arguments.Files<string>("file", "the .cpt file with the run and its laws", ArgumentArity.ExactlyOne);
        var run = new Option<string?>("--run") { Description = "the run to predict (needed when the file has several)" };
        var at = new Option<string?>("--at") { Description = "comma-separated steps, e.g. 1000,40k,50000 (default: ~200 steps plus every phase boundary)" };
        var every = new Option<string?>("--every") { Description = "every N-th step (N, 2N, …) and the last one; k/M/B suffixes allowed" };
        var format = OutputFormats.Report("table (a summary), csv or json");
        var output = new Option<string?>("--output", "-o") { Description = "write the output here instead of stdout" };
        var plot = new Option<string?>("--plot") { Description = "also draw the LR and the predicted losses into this PNG file" };
        var interval = new Option<string?>("--interval") { Description = "LEVEL (e.g. 0.9): also the band a logged loss falls in with this probability, for every law whose block has an uncertainty part (cptc fit --write); columns <law>_lo and <law>_hi" };

        var command = new Command("predict", "Predict the validation loss of each law along a run (CPT scaling law).")
        {
            file, run, at, every, format.Option, output, plot, interval,
        };
        command.SetAction(parse => Run(terminal, new Request(
            parse.GetValue(file)!, parse.GetValue(run), parse.GetValue(at), parse.GetValue(every),
            format.ValueOf(parse), parse.GetValue(output), parse.GetValue(plot), parse.GetValue(interval))));
        return command;
    }

    sealed record Request(string File, string? Run, string? At, string? Every, ReportFormat Format, string? Output, string? Plot, string? Interval);

    static int Run(Terminal terminal, Request request)
    {
        // options are read here, not in a validator: a bad value is a usage error, never a crash
        if (request.At is not null && request.Every is not null)
            throw CliException.From(DiagnosticBuilder.At(default).OptionsCannotBeCombined("--at", "--every"));
        var selection = request.At is { } list ? CliException.Require(StepSelection.ParseAt(list))
            : request.Every is { } n ? CliException.Require(StepSelection.ParseEvery(n))
            : StepSelection.Default(keySteps: request.Format == ReportFormat.Table);
        double? level = null;
        if (request.Interval is { } levelText)
        {
            var (parsed, invalid) = PredictionIntervals.ParseLevel("--interval", levelText);
            level = invalid is null ? parsed : throw CliException.From(invalid);
        }
        Outputs.Check((request.Output, false), (request.Plot, true));
        var compilation = Compilation.Create(SourceFiles.Read(terminal, request.File));
        if (compilation.HasErrors && terminal.Report(compilation)) return ExitCodes.InputErrors;
        var plan = Selected(terminal, compilation, request.Run);

        var result = Prediction.Compute(compilation, plan, selection);
        if (result.RequestError is { } requestError) throw CliException.From(requestError);
        terminal.Report(result.Diagnostics, compilation.Text);
        if (result.Prediction is not { } prediction) return ExitCodes.InputErrors;
        PredictionIntervals? intervals = null;
        if (level is { } l)
        {
            (intervals, var intervalWarnings) = PredictionIntervals.Compute(compilation, prediction, l);
            terminal.Report(intervalWarnings, compilation.Text);
        }

        byte[]? png = null;
        if (request.Plot is not null)
        {
            var (curve, problems) = prediction.At(compilation, PlotReport.Steps(plan));
            if (curve is null)
            {
                terminal.Report(problems, compilation.Text);
                return ExitCodes.InputErrors;
            }
            png = PlotReport.Render(plan, curve, level is { } l2 ? PredictionIntervals.Compute(compilation, prediction, l2, curve).Intervals : null);
        }

        string text = request.Format switch
        {
            ReportFormat.Table => TableReport.Write(prediction, intervals),
            ReportFormat.Csv => CsvReport.Write(prediction, intervals),
            ReportFormat.Json => JsonReport.Write(prediction, intervals),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Format, null),
        };
        // write files only once everything is computed, so a failure leaves none half-made
        var outputs = new Outputs(terminal);
        outputs.Text(request.Output, text);
        if (png is not null) outputs.Bytes(request.Plot!, png);
        outputs.Commit();
        return ExitCodes.Ok;
    }

    /// <summary>The run to evaluate; the file's diagnostics are reported for it.</summary>
    internal static CptLang.Laws.Schedules.EvaluationPlan Selected(Terminal terminal, Compilation compilation, string? run)
    {
        var (plan, unknown) = RunSelector.Select(compilation, run);
        terminal.Report(compilation, plan is null ? null : [plan.Run]);
        return plan ?? throw CliException.From(unknown!);
    }
}
