using System.CommandLine;
using Cptc.Fit;
using CptLang;
using CptLang.Diagnostics;
using CptLang.Fitting;
using CptLang.Text;

namespace Cptc.Commands;

/// <summary>
/// <c>cptc fit FILE --law NAME --data RUN=LOG[:COLUMN] … [--holdout RUN …] [--fix PARAM=VALUE …]
/// [--form eq1|eq4|replay|size|open|mpl|auto] [--model-size RUN=SIZE …] [--format text|json] [-o OUT] [--plot PNG] [--write]</c>: fits one validation
/// set's law to training logs of the file's runs (Huber on log loss, L-BFGS-B; docs/laws.md §9) and reports how well it fits and
/// predicts held-out runs.
/// </summary>
internal static class FitCommand
{
    public static Command Create(Terminal terminal)
    {
        var file = Arguments.Files<string>("file", "the .cpt file with the runs the logs belong to", ArgumentArity.ExactlyOne);
        var law = new Option<string>("--law") { Description = "the law (validation set) to fit; the block need not exist yet", Required = true };
        var data = new Option<string[]>("--data") { Description = "RUN=LOG[:COLUMN]: the log of a run of the file (CSV, TSV or JSON Lines), and its loss column", Required = true, Arity = ArgumentArity.OneOrMore };
        var holdout = new Option<string[]>("--holdout") { Description = "a run whose log is predicted, not fitted (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var fix = new Option<string[]>("--fix") { Description = "PARAM=VALUE: hold a parameter at a value (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var form = new Option<string?>("--form") { Description = "the law form to fit: eq1, eq4, replay, size, open or mpl, or auto: each form the runs support, scored by leave-one-run-out MAE, the best written (default: the existing block's, else replay when a run replays, eq4 when a run switches domain, else eq1)" };
        form.AcceptOnlyFromAmong(FitOptions.Forms);
        var modelSize = new Option<string[]>("--model-size") { Description = "RUN=SIZE: the model size of a run (106M, 1.72B, or millions), for --form size (with --form auto, the size form is tried); one per run given with --data", Arity = ArgumentArity.ZeroOrMore };
        var format = OutputFormats.Text("text or json");
        var output = new Option<string?>("--output", "-o") { Description = "write the report here instead of stdout" };
        var plot = new Option<string?>("--plot") { Description = "also draw logged and fitted curves per run, with residuals, into this PNG file" };
        var fitLambda = new Option<bool>("--fit-lambda") { Description = "also choose the lambda (momentum of the annealing area) the logs prefer for this law, searched from 0.9 to 0.9999; the block states it (lambda = …)" };
        var afterSwitch = new Option<bool>("--after-switch") { Description = "fit only the rows after each run's domain switch (for a set whose loss the law cannot follow during pre-training)" };
        var fitWarmup = new Option<bool>("--fit-warmup") { Description = "also fit the rows logged during a run's initial warmup, left out by default: the laws describe the loss after it" };
        var replicates = new Option<int>("--replicates") { Description = "bootstrap replicates for the parameters' uncertainty, stored in the block for predict --interval (docs/laws.md §9.1); 0 skips it", DefaultValueFactory = _ => CptLang.Laws.Fitting.Uncertainty.UncertaintyEstimator.DefaultReplicates };
        var write = new Option<bool>("--write") { Description = "write the fitted law block into FILE (the rest of the file is kept byte for byte)" };
        var stepColumn = new Option<string>("--step-column") { Description = "the logs' step column", DefaultValueFactory = _ => "step" };
        var lossColumn = new Option<string>("--loss-column") { Description = "the logs' loss column, unless --data names one", DefaultValueFactory = _ => "loss" };
        var lrColumn = new Option<string>("--lr-column") { Description = "the logs' learning-rate column, checked against the schedule when present", DefaultValueFactory = _ => "lr" };

        var command = new Command("fit", "Fit a law to training logs of the file's runs (Huber on log loss, L-BFGS-B; docs/laws.md §9) and report fit and held-out metrics.")
        {
            file, law, data, holdout, fix, form, modelSize, format.Option, output, plot, write, fitLambda, afterSwitch, fitWarmup, replicates, stepColumn, lossColumn, lrColumn,
        };
        command.SetAction(parse => Run(terminal, new Request(
            parse.GetValue(file)!, parse.GetValue(law)!, parse.GetValue(data) ?? [], parse.GetValue(holdout) ?? [],
            parse.GetValue(fix) ?? [], parse.GetValue(form), format.ValueOf(parse), parse.GetValue(output), parse.GetValue(plot), parse.GetValue(write),
            parse.GetValue(stepColumn)!, parse.GetValue(lossColumn)!, parse.GetValue(lrColumn)!, parse.GetValue(modelSize) ?? []) { FitLambda = parse.GetValue(fitLambda), AfterSwitch = parse.GetValue(afterSwitch), FitWarmup = parse.GetValue(fitWarmup), Replicates = parse.GetValue(replicates) }));
        return command;
    }

    sealed record Request(string File, string Law, string[] Data, string[] Holdout, string[] Fix, string? Form, TextFormat Format,
        string? Output, string? Plot, bool Write, string StepColumn, string LossColumn, string LrColumn, string[] ModelSize)
    {
        public bool FitLambda { get; init; }
        public bool AfterSwitch { get; init; }
        public bool FitWarmup { get; init; }
        public int Replicates { get; init; }
    }

    /// <summary>Fewer replicates cannot estimate a correlation matrix; more only cost time.</summary>
    const int MinReplicates = 20, MaxReplicates = 10_000;

    static int Run(Terminal terminal, Request request)
    {
        if (request.Write && request.File == SourceFiles.Standard)
            throw CliException.From(DiagnosticBuilder.At(default).CannotWriteFile("stdin", "--write rewrites a file; give the .cpt file's path"));
        if (request.Replicates is not (0 or (>= MinReplicates and <= MaxReplicates)))
            throw DataSpec.Invalid($"--replicates needs 0 or a number from {MinReplicates} to {MaxReplicates}, not {request.Replicates}",
                "the default is 100; 0 fits without uncertainty");
        Outputs.Check((request.Output, false), (request.Plot, true), (request.Write ? request.File : null, false));
        var compilation = Compilation.Create(SourceFiles.Read(terminal, request.File));
        if (compilation.HasErrors && terminal.Report(compilation)) return ExitCodes.InputErrors;
        // the file's diagnostics that concern the runs whose logs are given
        terminal.Report(compilation, [.. request.Data.Select(d => d.Split('=')[0])]);
        var fit = new FitRequest(request.Law,
            [.. request.Data.Select(DataSpec.Parse).Select(d => new RunLog(d.Run, d.Path, d.Column))],
            request.Form is { } keyword && keyword != FitOptions.Auto ? FitOptions.FormOf(keyword) : null)
        {
            AutoForm = request.Form == FitOptions.Auto,
            HeldOut = request.Holdout,
            Fixed = FitOptions.Fixed(request.Fix),
            ModelSizes = ModelSizes.Parse(request.ModelSize),
            Columns = new LogColumns(request.StepColumn, request.LossColumn, request.LrColumn),
            Write = request.Write,
            FitLambda = request.FitLambda,
            AfterSwitch = request.AfterSwitch,
            FitWarmup = request.FitWarmup,
            Replicates = request.Replicates,
        };
        var response = LawFitting.Fit(compilation, fit, path => SourceFiles.ReadLog(terminal, path));
        foreach (var diagnostic in response.Diagnostics) terminal.Report([diagnostic.Diagnostic], diagnostic.Text);
        if (response.RequestError is { } requestError) throw CliException.From(requestError);
        if (response.Outcome is not { } outcome) return ExitCodes.InputErrors;

        string report = request.Format switch
        {
            TextFormat.Json => FitReport.Json(outcome),
            TextFormat.Text => FitReport.Text(outcome),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Format, null),
        };
        byte[]? png = request.Plot is null ? null
            : FitPlot.Render(request.Law, [.. response.Runs.Select(r => (r.Run, r.HeldOut, r.Predicted))]);
        // files are written only once everything is computed
        var outputs = new Outputs(terminal);
        outputs.Text(request.Output, report);
        if (png is not null) outputs.Bytes(request.Plot!, png);
        if (response.Rewritten is { } rewritten) outputs.Rewrite(request.File, compilation.Text, rewritten);
        outputs.Commit();
        return ExitCodes.Ok;
    }
}
