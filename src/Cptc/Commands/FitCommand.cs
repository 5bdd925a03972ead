using System.CommandLine;
using Cptc.Fit;
using Cptc.Predict;
using CptLang;
using CptLang.Diagnostics;
using CptLang.Laws.Areas;
using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Text;

namespace Cptc.Commands;

/// <summary>
/// <c>cptc fit FILE --law NAME --data RUN=LOG[:COLUMN] … [--holdout RUN …] [--fix PARAM=VALUE …]
/// [--form eq1|eq4|replay|size|open] [--model-size RUN=SIZE …] [--format text|json] [-o OUT] [--plot PNG] [--write]</c>: fits one validation
/// set's law to training logs of the file's runs (Huber on log loss, L-BFGS-B; docs/laws.md §9) and reports how well it fits and
/// predicts held-out runs.
/// </summary>
public static class FitCommand
{
    public static Command Create(Terminal terminal)
    {
        var file = Arguments.Files<string>("file", "the .cpt file with the runs the logs belong to", ArgumentArity.ExactlyOne);
        var law = new Option<string>("--law") { Description = "the law (validation set) to fit; the block need not exist yet", Required = true };
        var data = new Option<string[]>("--data") { Description = "RUN=LOG[:COLUMN]: the log of a run of the file (CSV, TSV or JSON Lines), and its loss column", Required = true, Arity = ArgumentArity.OneOrMore };
        var holdout = new Option<string[]>("--holdout") { Description = "a run whose log is predicted, not fitted (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var fix = new Option<string[]>("--fix") { Description = "PARAM=VALUE: hold a parameter at a value (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var form = new Option<string?>("--form") { Description = "the law form to fit: eq1, eq4, replay, size or open (default: the existing block's, else eq4 when a run switches domain, else eq1)" };
        form.AcceptOnlyFromAmong(FitOptions.Forms);
        var modelSize = new Option<string[]>("--model-size") { Description = "RUN=SIZE: the model size of a run (106M, 1.72B, or millions), for --form size; one per run given with --data", Arity = ArgumentArity.ZeroOrMore };
        var format = OutputFormats.Text("text or json");
        var output = new Option<string?>("--output", "-o") { Description = "write the report here instead of stdout" };
        var plot = new Option<string?>("--plot") { Description = "also draw logged and fitted curves per run, with residuals, into this PNG file" };
        var write = new Option<bool>("--write") { Description = "write the fitted law block into FILE (the rest of the file is kept byte for byte)" };
        var stepColumn = new Option<string>("--step-column") { Description = "the logs' step column", DefaultValueFactory = _ => "step" };
        var lossColumn = new Option<string>("--loss-column") { Description = "the logs' loss column, unless --data names one", DefaultValueFactory = _ => "loss" };
        var lrColumn = new Option<string>("--lr-column") { Description = "the logs' learning-rate column, checked against the schedule when present", DefaultValueFactory = _ => "lr" };

        var command = new Command("fit", "Fit a law to training logs of the file's runs (Huber on log loss, L-BFGS-B; docs/laws.md §9) and report fit and held-out metrics.")
        {
            file, law, data, holdout, fix, form, modelSize, format.Option, output, plot, write, stepColumn, lossColumn, lrColumn,
        };
        command.SetAction(parse => Run(terminal, new Request(
            parse.GetValue(file)!, parse.GetValue(law)!, parse.GetValue(data) ?? [], parse.GetValue(holdout) ?? [],
            parse.GetValue(fix) ?? [], parse.GetValue(form), format.ValueOf(parse), parse.GetValue(output), parse.GetValue(plot), parse.GetValue(write),
            parse.GetValue(stepColumn)!, parse.GetValue(lossColumn)!, parse.GetValue(lrColumn)!, parse.GetValue(modelSize) ?? [])));
        return command;
    }

    sealed record Request(string File, string Law, string[] Data, string[] Holdout, string[] Fix, string? Form, TextFormat Format,
        string? Output, string? Plot, bool Write, string StepColumn, string LossColumn, string LrColumn, string[] ModelSize);

    static int Run(Terminal terminal, Request request)
    {
        var compilation = Compilation.Create(SourceFiles.Read(request.File));
        if (terminal.Report(compilation)) return ExitCodes.InputErrors;
        if (!LawBlockText.IsLawName(request.Law))
            throw DataSpec.Invalid($"--law '{request.Law}' is not a law name", "names start with a letter or _ and hold letters, digits, _ and inner hyphens; keywords are not names");
        var existing = compilation.Bound.Laws.FirstOrDefault(l => l.Name == request.Law);
        var lawAt = DiagnosticBuilder.At(existing?.Syntax.Name.Span ?? default);

        // which runs, which logs
        var specs = request.Data.Select(DataSpec.Parse).ToList();
        var plans = new List<EvaluationPlan>();
        foreach (var spec in specs)
        {
            plans.Add(RunSelector.Select(compilation, spec.Run));
            if (specs.Count(s => s.Run == spec.Run) > 1)
                throw DataSpec.Invalid($"--data gives run '{spec.Run}' twice", "give one log per run; fit another validation set with another --law");
        }
        foreach (var run in request.Holdout)
            if (!specs.Any(s => s.Run == run))
                throw DataSpec.Invalid($"--holdout '{run}' is not a run given with --data", "held-out runs need a log too: --data RUN=LOG --holdout RUN");
        if (specs.All(s => request.Holdout.Contains(s.Run)))
            throw DataSpec.Invalid("every run is held out; nothing is left to fit", "fit on at least one run");

        var sizes = ModelSizes.Parse(request.ModelSize, [.. specs.Select(s => s.Run)]);

        // which form; an existing weighted sum (Eq. 6) has its weights fitted unless --form says otherwise
        var sum = request.Form is null ? existing?.Definition as WeightedSumLaw : null;
        FitForm? fitForm = null;
        Dictionary<string, double> fixedValues = [];
        if (sum is not null)
        {
            if (request.Fix.Length > 0) throw DataSpec.Invalid("--fix does not apply to a weighted sum (Eq. 6)", "its weights are fitted by least squares, all of them");
            if (sizes.Count > 0) throw DataSpec.Invalid("--model-size does not apply to a weighted sum (Eq. 6)", "its weights do not depend on model size; drop --model-size");
        }
        else
        {
            LawForm lawForm;
            if (request.Form is { } keyword) lawForm = FitOptions.FormOf(keyword);
            else if (existing?.Definition is ParametricLaw p) lawForm = p.Parameters.Form;
            else lawForm = plans.Any(p => p.SwitchStep is not null) ? LawForm.Cpt : LawForm.Annealing;
            if (lawForm == LawForm.ModelSize)
            {
                if (specs.FirstOrDefault(s => !sizes.ContainsKey(s.Run)) is { } unsized)
                    throw DataSpec.Invalid($"the model-size form (Eq. 7) needs the model size of run '{unsized.Run}'", $"give one per run: --model-size {unsized.Run}=106M");
                if (request.Fix.Any(f => f.Split('=')[0].Trim() == LawParameterNames.N))
                    throw DataSpec.Invalid("--fix N does not apply: N is each run's model size", "give it with --model-size RUN=SIZE; the block's N is the first fitted run's size");
            }
            else if (sizes.Count > 0)
                throw DataSpec.Invalid($"--model-size applies to the model-size form (Eq. 7) only, not to {LawParameterNames.Keyword(lawForm)}", "pass --form size to fit across model sizes, or drop --model-size");
            fitForm = FitForm.For(lawForm);
            fixedValues = FitOptions.Fixed(request.Fix, fitForm);
            if (FormProblems(lawForm, request.Law, plans, lawAt) is { Count: > 0 } formProblems)
            {
                terminal.Report(formProblems, compilation.Text);
                return ExitCodes.InputErrors;
            }
        }

        // the logs, each checked on its own and against its run
        var fitRuns = new List<(EvaluationPlan Plan, FitRun Run, bool HeldOut)>();
        bool logErrors = false;
        for (int i = 0; i < specs.Count; i++)
        {
            var text = ReadLog(specs[i].Path);
            var (log, error) = LogReader.Read(text, new LogColumns(request.StepColumn, specs[i].Column ?? request.LossColumn, request.LrColumn));
            error ??= RunLogs.Check(log!, plans[i]);
            if (error is not null)
            {
                terminal.Report([error], text);
                logErrors = true;
                continue;
            }
            double? size = fitForm?.Form == LawForm.ModelSize ? sizes[specs[i].Run] : null;
            fitRuns.Add((plans[i], RunLogs.Observations(log!, new ScheduleAreas(plans[i]), request.Law, size), request.Holdout.Contains(specs[i].Run)));
        }
        if (logErrors) return ExitCodes.InputErrors;

        FitOutcome? outcome;
        double[][]? predicted;
        if (sum is not null)
        {
            (outcome, predicted, var problems) = SumFit.Fit(request.Law, sum, compilation, fitRuns);
            terminal.Report(problems, compilation.Text);
        }
        else (outcome, predicted) = Parametric(terminal, request, compilation, fitForm!, fixedValues, fitRuns, lawAt);
        if (outcome is null) return ExitCodes.InputErrors;
        string block = outcome.Block;

        string report = request.Format switch
        {
            TextFormat.Json => FitReport.Json(outcome),
            TextFormat.Text => FitReport.Text(outcome),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Format, null),
        };
        string? rewritten = null;
        if (request.Write)
        {
            rewritten = LawBlockText.Rewrite(compilation.SyntaxTree, request.Law, block);
            var check = Compilation.Create(rewritten, compilation.Text.Path);
            if (check.HasErrors)
                throw new InvalidOperationException($"the rewritten file does not compile: {DiagnosticFormatter.Format(check.Diagnostics.First(d => d.IsError), check.Text)}");
        }
        byte[]? png = request.Plot is null ? null
            : FitPlot.Render(request.Law, [.. fitRuns.Select((r, i) => (r.Run, r.HeldOut, predicted![i]))]);
        // files are written only once everything is computed
        if (request.Output is null) terminal.Out.Write(report);
        else SourceFiles.WriteAtomically(request.Output, report);
        if (png is not null) SourceFiles.WriteAtomically(request.Plot!, png);
        if (rewritten is not null) SourceFiles.WriteAtomically(request.File, rewritten);
        return ExitCodes.Ok;
    }

    /// <summary>Fits a parametric law (Huber on log loss, L-BFGS-B; docs/laws.md §9) and reports it as written: parameters rounded to
    /// the digits of the block, objective and metrics computed from those. Null on failure (reported).</summary>
    static (FitOutcome? Outcome, double[][]? Predicted) Parametric(Terminal terminal, Request request, Compilation compilation,
        FitForm fitForm, Dictionary<string, double> fixedValues, List<(EvaluationPlan Plan, FitRun Run, bool HeldOut)> fitRuns, DiagnosticBuilder lawAt)
    {
        var fitted = fitRuns.Where(r => !r.HeldOut).Select(r => r.Run).ToList();
        var result = LawFitter.Fit(fitForm, fitted, fixedValues);
        var parameters = new LawParameters(fitForm.Form, result.Parameters.Names.ToDictionary(n => n, n => LawBlockText.Rounded(result.Parameters[n])));
        var values = parameters.Values.ToArray();
        double objective = new HuberObjective(fitForm, fitted, Enumerable.Repeat(double.NaN, fitForm.Count).ToList()).ValueAt(values);
        if (!double.IsFinite(objective))
        {
            terminal.Report([lawAt.FitFailed(request.Law)], compilation.Text);
            return (null, null);
        }
        terminal.Report(Warnings(request.Law, result, fitForm, fitted, lawAt), compilation.Text);

        var heldOut = fitRuns.Where(r => r.HeldOut).Select(r => r.Run).ToList();
        var predicted = fitRuns.Select(r =>
        {
            var loss = new double[r.Run.Count];
            fitForm.Evaluate(values, r.Run, loss, new double[fitForm.Count * r.Run.Count]);
            return loss;
        }).ToArray();
        var outcome = new FitOutcome(request.Law, LawParameterNames.Keyword(fitForm.Form),
            [.. parameters.Names.Select(n => KeyValuePair.Create(n, parameters[n]))], LawBlockText.Block(request.Law, parameters),
            objective, "Huber, delta 1e-3, on ln loss", result.Points, result.FreeParameters, result.Starts,
            [.. fitRuns.Select(r => new RunFit(r.Run.Name, r.HeldOut, FitMetrics.Of(fitForm, values, [r.Run])))],
            FitMetrics.Of(fitForm, values, fitted), heldOut.Count > 0 ? FitMetrics.Of(fitForm, values, heldOut) : null,
            fitForm.Form == LawForm.ModelSize ? SizeNote(parameters, fitted[0].Name) : null);
        return (outcome, predicted);
    }

    /// <summary>Forms that do not suit the runs: the open-model form needs unknown pre-training
    /// and the others a known one; the replay form needs a role on runs that switch.</summary>
    static List<Diagnostic> FormProblems(LawForm form, string law, List<EvaluationPlan> plans, DiagnosticBuilder at)
    {
        var problems = new List<Diagnostic>();
        foreach (var plan in plans.DistinctBy(p => p.Run))
        {
            bool unknownPretraining = plan.Pretraining?.Kind == StageKind.UnknownPretraining;
            if (form == LawForm.OpenModel && !unknownPretraining) problems.Add(at.OpenLawWithKnownPretraining(law, plan.Run));
            else if (form != LawForm.OpenModel && unknownPretraining) problems.Add(at.UnknownPretrainingNeedsOpenLaw(plan.Run, law));
            else if (form == LawForm.Replay && plan.SwitchStep is not null && ValidationRoles.Of(law, plan) == ValidationRole.Unspecified)
                problems.Add(at.ReplayLawWithoutRole(law, plan.Run));
        }
        return problems;
    }

    /// <summary>The block predicts for one size; say which, so the user knows to change N.</summary>
    static string SizeNote(LawParameters parameters, string run) =>
        $"N = {DisplayFormat.Number(parameters[LawParameterNames.N])}M is the size of run '{run}', the first fitted run; change N in the block to predict another model size";

    static IEnumerable<Diagnostic> Warnings(string law, FitResult result, FitForm form, List<FitRun> fitted, DiagnosticBuilder at)
    {
        if (form.Form == LawForm.ModelSize && SizeFitForm.SingleSize(fitted))
            yield return at.FitSingleModelSize(law, DisplayFormat.Number(fitted[0].ModelSize!.Value));
        if (result.Points < result.FreeParameters) yield return at.FitFewPoints(law, result.Points, result.FreeParameters);
        if (result.Unobserved.Length > 0) yield return at.FitUnobserved(law, string.Join(", ", result.Unobserved));
        foreach (var name in result.OnBound.Except(result.Unobserved))
        {
            var bound = form.Bounds[form.Names.IndexOf(name)];
            yield return at.FitOnBound(law, name, result.Parameters[name], bound.Lower, bound.Upper);
        }
        if (FitDiagnostics.ShiftTradesOff(result) && !result.Unobserved.Contains(LawParameterNames.Beta))
            yield return at.FitShiftTradesOff(law, result.Parameters[LawParameterNames.B], result.Parameters[LawParameterNames.Beta]);
    }

    static SourceText ReadLog(string path)
    {
        try
        {
            if (Directory.Exists(path)) throw CliException.From(DiagnosticBuilder.At(default).CannotReadFile(path, "it is a directory"));
            if (!File.Exists(path)) throw CliException.From(DiagnosticBuilder.At(default).CannotReadFile(path, "no such file"));
            return SourceText.From(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.From(DiagnosticBuilder.At(default).CannotReadFile(path, e.Message));
        }
    }
}
