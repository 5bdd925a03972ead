using System.CommandLine;
using System.Globalization;
using CptLang;
using CptLang.Diagnostics;
using CptLang.Laws.Laws;
using CptLang.Laws.Planning;
using CptLang.Plan;
using Cptc.Optimize;
using Spectre.Console;

namespace Cptc.Commands;

/// <summary>
/// <c>cptc optimize FILE [--run NAME] [--weights W1,W2] [--top K] [--format table|csv|json]
/// [-o PATH] [--plot PNG] [--emit PATH] [--turning] [--force]</c>: evaluates every candidate of
/// a file's sweep, refines the best between grid points, and recommends a run.
/// </summary>
internal static class OptimizeCommand
{
    /// <summary>Candidates evaluated without --force (about 10 minutes on two cores).</summary>
    public const long MaxCandidates = 10_000_000;

    const int MaxTop = 1000;

    /// <summary>Sweeps at least this large show progress on an interactive terminal.</summary>
    const long ProgressThreshold = 50_000;

    public static Command Create(Terminal terminal)
    {
        var file = Arguments.Files<string>("file", "the .cpt file with a run, its laws and a `sweep RUN { … }` block", ArgumentArity.ExactlyOne);
        var run = new Option<string?>("--run") { Description = "the run whose sweep to optimise (needed when the file has several sweeps)" };
        var weights = new Option<string?>("--weights") { Description = "λ1,λ2: minimise λ1·general + λ2·domain loss at the end instead of the sweep's own objective (sum 1)" };
        var top = new Option<string>("--top") { Description = "how many of the best candidates to list", DefaultValueFactory = _ => "10" };
        var format = OutputFormats.Report("table (a summary), csv or json");
        var output = new Option<string?>("--output", "-o") { Description = "write the report here instead of stdout" };
        var plot = new Option<string?>("--plot") { Description = "draw the Pareto front and the best candidates' curves into this PNG file" };
        var emit = new Option<string?>("--emit") { Description = "write the recommended run as a plain `run` block (.cpt) to this file" };
        var turning = new Option<bool>("--turning") { Description = "add the turning length as a function of CPT peak LR and replay (CPT §4.4)" };
        var interval = new Option<string?>("--interval") { Description = "LEVEL of the recommendation's loss intervals (default 0.9; given only when every objective law has an uncertainty part from cptc fit --write)" };
        var force = new Option<bool>("--force") { Description = $"evaluate sweeps of more than {MaxCandidates:N0} candidates" };

        var command = new Command("optimize", "Find the best run of a sweep: weighted final losses, requirements, Pareto front (CPT law).")
        {
            file, run, weights, top, format.Option, output, plot, emit, turning, force, interval,
        };
        command.SetAction(parse => Run(terminal, new Request(
            parse.GetValue(file)!, parse.GetValue(run), parse.GetValue(weights), parse.GetValue(top)!, format.ValueOf(parse),
            parse.GetValue(output), parse.GetValue(plot), parse.GetValue(emit), parse.GetValue(turning), parse.GetValue(force)) { Interval = parse.GetValue(interval) }));
        return command;
    }

    sealed record Request(string File, string? Run, string? Weights, string Top, ReportFormat Format, string? Output, string? Plot, string? Emit, bool Turning, bool Force)
    {
        public string? Interval { get; init; }
    }

    static int Run(Terminal terminal, Request request)
    {
        if (!int.TryParse(request.Top, NumberStyles.None, CultureInfo.InvariantCulture, out int top))
            throw CliException.From(DiagnosticBuilder.At(default).InvalidOptionValue("--top", request.Top, $"give a whole number from 1 to {MaxTop}"));
        if (top is < 1 or > MaxTop) throw CliException.From(DiagnosticBuilder.At(default).TopOutOfRange(top, MaxTop));
        double level = 0.9;
        if (request.Interval is { } levelText)
        {
            var (parsed, invalid) = CptLang.Predicting.PredictionIntervals.ParseLevel("--interval", levelText);
            level = invalid is null ? parsed : throw CliException.From(invalid);
        }
        Outputs.Check((request.Output, false), (request.Plot, true), (request.Emit, false));
        var compilation = Compilation.Create(SourceFiles.Read(terminal, request.File));
        if (compilation.HasErrors && terminal.Report(compilation)) return ExitCodes.InputErrors;
        var sweep = SweepSelector.Select(compilation, request.Run, terminal);
        var problem = sweep.Problem;
        if (request.Weights is { } w) problem = problem with { Objective = WeightedObjective(problem, w) };

        var at = DiagnosticBuilder.At(sweep.Syntax.Run.Span);
        if (problem.Count > MaxCandidates && !request.Force)
        {
            terminal.Report([at.TooManyCandidates(problem.Count, MaxCandidates)], compilation.Text);
            return ExitCodes.InputErrors;
        }

        var result = Evaluate(terminal, problem, top);
        if (result.Evaluated == 0)
        {
            terminal.Report([at.NoValidCandidate(sweep.Run, result.InvalidReason ?? "every candidate leaves the run's family")], compilation.Text);
            return ExitCodes.InputErrors;
        }
        var turning = request.Turning && result.Recommended is { } best ? TurningAnalysis.Table(problem, best.Values.AsSpan()) : (System.Collections.Immutable.ImmutableArray<TurningCell>?)null;
        var outcome = new OptimizeOutcome(sweep, problem, result, turning);
        outcome = outcome with { Comparison = RecommendationUncertainty.Compare(terminal, compilation, outcome, level, explicitLevel: request.Interval is not null) };

        string text = request.Format switch
        {
            ReportFormat.Table => OptimizeTableReport.Write(outcome),
            ReportFormat.Csv => OptimizeCsvReport.Write(outcome),
            ReportFormat.Json => OptimizeJsonReport.Write(outcome),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Format, null),
        };
        byte[]? png = request.Plot is not null ? OptimizePlot.Render(outcome) : null;
        string? emitted = request.Emit is not null && result.Recommended is { } rec
            ? RunBlockWriter.Write(outcome.PlanOf(rec), $"{sweep.Run}_optimized",
                $"recommended by `cptc optimize` from the sweep of run {sweep.Run}: minimises {problem.Objective}")
            : null;

        // write files only once everything is computed, so a failure leaves none half-made
        var outputs = new Outputs(terminal);
        outputs.Text(request.Output, text);
        if (png is not null) outputs.Bytes(request.Plot!, png);
        if (emitted is not null) outputs.Text(request.Emit!, emitted);
        outputs.Commit();

        if (result.Feasible == 0)
        {
            terminal.Report([at.NoFeasibleCandidate(result.Evaluated, sweep.Run)], compilation.Text);
            return ExitCodes.InputErrors;
        }
        return ExitCodes.Ok;
    }

    /// <summary>--weights λ1,λ2 over the run's general and domain laws.</summary>
    static Objective WeightedObjective(SweepProblem problem, string text)
    {
        var parts = text.Split(',');
        var values = parts.Select(p => double.TryParse(p.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN).ToArray();
        if (values.Length != 2 || values.Any(double.IsNaN))
            throw CliException.From(DiagnosticBuilder.At(default).WeightsNotTwoNumbers(text));
        if (Objective.WeightProblem(values) is { } problemText)
            throw CliException.From(DiagnosticBuilder.At(default).WeightsNotConvex(text, problemText));
        var plan = problem.Family.Base;
        if (ValidationRoles.LawsOf(problem.Laws.Select(l => l.Name), plan) is not (string general, string domain))
            throw CliException.From(DiagnosticBuilder.At(default).WeightsWithoutDomainLaws(plan.Run, plan.Pretraining?.Domain, plan.Continual?.Domain));
        return Objective.Balance(general, values[0], domain, values[1]);
    }

    /// <summary>Runs the sweep; on an interactive terminal a long one shows a progress bar on stderr.</summary>
    static SweepResult Evaluate(Terminal terminal, SweepProblem problem, int top)
    {
        bool interactive = terminal.ErrorIsConsole && !Console.IsErrorRedirected && problem.Count >= ProgressThreshold;
        if (!interactive) return SweepOptimizer.Run(problem, top);
        var progress = new SweepProgress();
        var work = Task.Run(() => SweepOptimizer.Run(problem, top, progress: progress));
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("evaluating candidates", maxValue: problem.Count);
            while (!work.Wait(100)) task.Value = progress.Done;
            task.Value = problem.Count;
        });
        return work.GetAwaiter().GetResult();
    }
}
