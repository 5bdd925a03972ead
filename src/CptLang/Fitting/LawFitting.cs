using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Laws.Areas;
using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Text;

namespace CptLang.Fitting;

/// <summary>
/// Fits one validation set's law to training logs of a compilation's runs (Huber on log loss,
/// L-BFGS-B; docs/laws.md §9): checks the request against the file, reads and checks each log
/// against its run's schedule, fits, and reports the law as written (parameters rounded to the
/// digits of its block, metrics computed from those). Logs are read through
/// <paramref name="readLog"/>, so the caller owns all I/O.
/// </summary>
public static class LawFitting
{
    /// <param name="readLog">Reads a log file: its text, or the diagnostic why it cannot be read.</param>
    public static FitResponse Fit(Compilation compilation, FitRequest request, Func<string, (SourceText? Text, Diagnostic? Error)> readLog) =>
        new Session(compilation, request).Run(readLog);

    /// <summary>A run's rows to fit or predict, and its model size for the size form.</summary>
    /// <param name="Shared">Per row, the other fitted runs whose logs hold it too (docs/cli.md).</param>
    sealed record Observed(EvaluationPlan Plan, long[] Steps, double[] Losses, IReadOnlyList<string>[] Shared, double? Size, bool HeldOut)
    {
        public FitRun Run(EvaluationPlan plan, string law) => FitRun.Create(new ScheduleAreas(plan), law, Steps, Losses, Size).WithSharedRows(Shared);
    }

    sealed class Session(Compilation compilation, FitRequest request)
    {
        readonly ImmutableArray<SourceDiagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<SourceDiagnostic>();

        FitResponse Stop(Diagnostic? requestError = null) => new(null, [], null, _diagnostics.ToImmutable(), requestError);

        void Report(IEnumerable<Diagnostic> diagnostics, SourceText text)
        {
            foreach (var d in diagnostics) _diagnostics.Add(new SourceDiagnostic(d, text));
        }

        static Diagnostic Invalid(string message, string hint) => DiagnosticBuilder.At(default).FitInvalidOption(message, hint);

        public FitResponse Run(Func<string, (SourceText? Text, Diagnostic? Error)> readLog)
        {
            string law = request.Law;
            if (!LawBlockText.IsLawName(law))
                return Stop(Invalid($"--law '{law}' is not a law name", "names start with a letter or _ and hold letters, digits, _ and inner hyphens; keywords are not names"));
            var existing = compilation.Bound.Laws.FirstOrDefault(l => l.Name == law);
            var lawAt = DiagnosticBuilder.At(existing?.Syntax.Name.Span ?? default);

            // which runs
            var logs = request.Logs;
            var plans = new List<EvaluationPlan>();
            foreach (var log in logs)
            {
                var (plan, unknown) = RunSelector.Select(compilation, log.Run);
                if (unknown is not null) return Stop(unknown);
                plans.Add(plan!);
                if (logs.Count(s => s.Run == log.Run) > 1)
                    return Stop(Invalid($"--data gives run '{log.Run}' twice", "give one log per run; fit another validation set with another --law"));
            }
            // a law that states its own λ is refitted under it (docs/laws.md §1)
            double? blockLambda = (existing?.Definition as ParametricLaw)?.Parameters.Lambda;
            var scheduleLambdas = plans.Select(p => p.Settings.Lambda).Distinct().ToList();
            if (blockLambda is { } ownLambda) plans = [.. plans.Select(p => p.WithLambda(ownLambda))];
            foreach (var run in request.HeldOut)
                if (!logs.Any(s => s.Run == run))
                    return Stop(Invalid($"--holdout '{run}' is not a run given with --data", "held-out runs need a log too: --data RUN=LOG --holdout RUN"));
            if (logs.All(s => request.HeldOut.Contains(s.Run)))
                return Stop(Invalid("every run is held out; nothing is left to fit", "fit on at least one run"));
            var (sizes, sizeError) = ModelSizes();
            if (sizeError is not null) return Stop(sizeError);

            // --form auto reads the logs first: the form is the one that predicts them best
            FormSelection? selection = null;
            List<Observed>? observed = null;
            int shared = 0;
            if (request.AutoForm)
            {
                if (AutoConflict() is { } conflict) return Stop(conflict);
                // sizes for some runs only would drop the size form without a word
                if (sizes!.Count > 0 && request.Logs.FirstOrDefault(l => !sizes.ContainsKey(l.Run)) is { } unsized)
                    return Stop(Invalid($"--form auto tries the model-size form (Eq. 7) only with every run's size, and run '{unsized.Run}' has none",
                        $"give one per run: --model-size {unsized.Run}=106M, or drop --model-size"));
                var candidates = FormSelection.Candidates(law, plans, request.HeldOut, sizes.Count > 0);
                if (candidates.Count == 0)
                    return Stop(Invalid("--form auto finds no form that suits every run given (docs/laws.md §3)",
                        "fit runs that all state their pre-training, or all continue an unknown one; or choose the form with --form"));
                if (AfterSwitchProblem(plans) is { } empty) return Stop(empty);
                var (autoLogs, autoUnreadable) = ReadLogs(plans, readLog);
                if (autoUnreadable is not null) return Stop(autoUnreadable);
                if (autoLogs is null) return Stop();
                observed = Observe(autoLogs, sizes, lawAt, out shared);
                if (observed.All(r => r.HeldOut)) return Stop(Invalid("every run left to fit is held out", "fit on at least one run with rows of its own"));
                var fallback = FormSelection.Default(candidates, (existing?.Definition as ParametricLaw)?.Parameters.Form, plans);
                var fittedRuns = observed.Where(r => !r.HeldOut).Select(r => r.Run(r.Plan, law)).ToList();
                selection = FormSelection.Select(candidates, fallback, fittedRuns);
                if (selection.Fallback)
                    Report([fittedRuns.Count < 2
                        ? lawAt.FitFormNotSelected(law, $"leave-one-run-out prediction needs two or more fitted runs, and there {(fittedRuns.Count == 1 ? "is one" : $"are {fittedRuns.Count}")}", selection.Chosen)
                        : selection.NotPredicted() is { Count: > 0 } notPredicted
                        ? lawAt.FitFormNotSelected(law, $"no fitted run is predicted from the others ({string.Join("; ", notPredicted)})", selection.Chosen,
                            "fit on two or more runs that the others can each predict (for the CPT laws, two or more runs with a domain switch), or choose the form with --form")
                        : lawAt.FitFormNotSelected(law, "no form's fits predicted the left-out runs with a finite loss", selection.Chosen)], compilation.Text);
                // only the size form takes the runs' sizes
                if (selection.Chosen != LawForms.Keyword(LawForm.ModelSize))
                {
                    sizes = [];
                    observed = [.. observed.Select(r => r with { Size = null })];
                }
            }

            // which form; an existing weighted sum (Eq. 6) has its weights fitted unless a form is asked for
            var choice = FitFormChoice.Choose(selection is null ? request : request with { Form = LawForms.TryParse(selection.Chosen, out var chosen) ? chosen : null },
                existing?.Definition, plans, sizes!);
            if (choice.Error is not null) return Stop(choice.Error);
            if (choice.Form is { } form && FormProblems(form.Form, law, plans, existing?.Syntax.Name.Span ?? default) is { Count: > 0 } formProblems)
            {
                Report(formProblems, compilation.Text);
                return Stop();
            }
            // --write must never leave a file that does not compile: try a block of the same
            // shape before spending the fit on it
            if (request.Write && Unwritable(choice, law, lawAt) is { } unwritable)
            {
                Report([unwritable], compilation.Text);
                return Stop();
            }

            if (observed is null)
            {
                if (AfterSwitchProblem(plans) is { } empty) return Stop(empty);

                // the logs, each checked on its own and against its run
                var (checkedLogs, unreadable) = ReadLogs(plans, readLog);
                if (unreadable is not null) return Stop(unreadable);
                if (checkedLogs is null) return Stop();
                observed = Observe(checkedLogs, choice.Form?.Form == LawForm.ModelSize ? sizes : null, lawAt, out shared);
                if (observed.All(r => r.HeldOut)) return Stop(Invalid("every run left to fit is held out", "fit on at least one run with rows of its own"));
            }

            // λ: searched for this law alone, every run's areas follow it; the block states it
            LambdaSearch.Result? lambda = null;
            if (request.FitLambda)
            {
                if (choice.Form is null) return Stop(Invalid("--fit-lambda does not apply to a weighted sum (Eq. 6)", "its laws keep the lambda they were fitted with"));
                if (choice.Form.Form == LawForm.MultiPower)
                    return Stop(Invalid("--fit-lambda does not apply to the Multi-Power Law: its loss drop has no annealing momentum", "fit without --fit-lambda"));
                if (blockLambda is null && scheduleLambdas.Count > 1)
                    return Stop(Invalid("--fit-lambda compares the fit with the runs' lambda, and the runs given set different ones",
                        "give runs of one lambda, or fit without --fit-lambda"));
                lambda = LambdaSearch.Search(choice.Form, choice.Fixed, law, [.. observed.Select(r => (r.Plan, r.Steps, r.Losses, r.Shared, r.Size, r.HeldOut))]);
            }
            // the law's own λ, written in its block: the searched one, else the block's; none when
            // it is the runs' own or the form has no annealing area
            double? lawLambda = choice.Form?.Form == LawForm.MultiPower ? null : lambda?.Lambda ?? blockLambda;
            if (lawLambda is { } chosenLambda && scheduleLambdas.Count == 1 && scheduleLambdas[0] == chosenLambda) lawLambda = null;
            var runs = observed.Select(r =>
            {
                var plan = lambda is null ? r.Plan : r.Plan.WithLambda(lambda.Lambda);
                return (Plan: plan, Run: r.Run(plan, law), r.HeldOut);
            }).ToList();

            var fit = choice.Sum is { } sum
                ? SumFit.Fit(law, sum, compilation, runs)
                : ParametricFit.Fit(law, choice.Form!, choice.Fixed, [.. runs.Select(r => (r.Run, r.HeldOut))], lawAt, request.Replicates, lawLambda);
            Report(fit.Problems, compilation.Text);
            if (fit.RequestError is not null) return Stop(fit.RequestError);
            if (fit.Outcome is null) return Stop();

            string? rewritten = null;
            if (request.Write)
            {
                // checked before the fit for the form; checked again for the values
                (rewritten, var broken) = Rewrite(fit.Outcome.Block, lawAt);
                if (broken is not null)
                {
                    Report([broken], compilation.Text);
                    return Stop();
                }
            }
            var fitted = runs.Select((r, i) => new FittedRun(r.Run, r.HeldOut, fit.Predicted![i])).ToImmutableArray();
            var outcome = fit.Outcome with { Notes = [.. fit.Outcome.Notes, .. Notes(shared, lambda, blockLambda is not null)], SharedRows = shared, WarmupRows = inWarmup.Sum(d => d.Rows), StepZeroRows = inWarmup.Count(d => d.StepZero), Lambda = lambda?.Lambda, Selection = selection };
            return new FitResponse(outcome, fitted, rewritten, _diagnostics.ToImmutable(), null);
        }

        /// <summary>Options that <c>--form auto</c> cannot take: each form has other parameters,
        /// and lambda is searched for one form.</summary>
        Diagnostic? AutoConflict() =>
            request.Form is not null ? Invalid("--form auto and a form cannot both be given", "give one of them")
            : request.Fixed.Count > 0 ? Invalid("--fix does not apply to --form auto: the forms compared have different parameters", "choose the form with --form, then fix its parameters")
            : request.FitLambda ? Invalid("--fit-lambda does not apply to --form auto: lambda is searched for one form", "choose the form with --form auto, then fit lambda with --form FORM --fit-lambda")
            : null;

        Diagnostic? AfterSwitchProblem(List<EvaluationPlan> plans) =>
            request.AfterSwitch && plans.FirstOrDefault(p => p.SwitchStep is not > 0) is { } unswitched
                ? Invalid($"--after-switch leaves nothing of run '{unswitched.Run}': it has no domain switch after step 0",
                    "give only the logs of runs that switch, or fit without --after-switch")
                : null;

        /// <summary>Each log read and checked against its run; null (with the errors reported)
        /// when one has errors, or the diagnostic of a log that cannot be read.</summary>
        (List<(EvaluationPlan Plan, TrainingLog Log, bool HeldOut)>? Logs, Diagnostic? Unreadable) ReadLogs(
            List<EvaluationPlan> plans, Func<string, (SourceText? Text, Diagnostic? Error)> readLog)
        {
            var logs = request.Logs;
            var checkedLogs = new List<(EvaluationPlan Plan, TrainingLog Log, bool HeldOut)>();
            bool errors = false;
            for (int i = 0; i < logs.Count; i++)
            {
                var (text, unreadable) = readLog(logs[i].Path);
                if (unreadable is not null) return (null, unreadable);
                var columns = request.Columns with { Loss = logs[i].LossColumn ?? request.Columns.Loss };
                var (log, error) = LogReader.Read(text!, columns);
                error ??= RunLogs.Check(log!, plans[i]);
                if (error is not null)
                {
                    Report([error], text!);
                    errors = true;
                    continue;
                }
                checkedLogs.Add((plans[i], log!, request.HeldOut.Contains(logs[i].Run)));
            }
            return (errors ? null : checkedLogs, null);
        }

        /// <summary>The rows each run contributes: from step 1 and the end of its initial warmup
        /// (<see cref="WarmupRows"/>), and with <c>--after-switch</c> from the switch on; shared rows
        /// (the pre-training rows of CPT logs) once. A run left with no rows is reported (CPT3105)
        /// and dropped.</summary>
        /// <param name="sizes">Each run's model size, for the size form; null for the others.</param>
        List<Observed> Observe(List<(EvaluationPlan Plan, TrainingLog Log, bool HeldOut)> checkedLogs,
            Dictionary<string, double>? sizes, DiagnosticBuilder lawAt, out int shared)
        {
            // rows left out go before the rows shared are counted, so that only kept rows count
            (checkedLogs, inWarmup) = WarmupRows.Drop(checkedLogs, keepWarmup: request.FitWarmup);
            if (request.AfterSwitch)
                checkedLogs = [.. checkedLogs.Select(l => (l.Plan, l.Log.From(l.Log.FirstRowAt(l.Plan.SwitchStep!.Value + 1)), l.HeldOut))];
            (var rows, shared) = SharedRows.Dedupe(checkedLogs, sizes);
            var observed = new List<Observed>();
            for (int i = 0; i < checkedLogs.Count; i++)
            {
                var (plan, _, heldOut) = checkedLogs[i];
                var (steps, losses, sharers) = (rows[i].Steps, rows[i].Losses, rows[i].AlsoLoggedBy);
                if (steps.Length == 0)
                {
                    var onlyWarmup = checkedLogs[i].Log.Count == 0 ? inWarmup.FirstOrDefault(d => d.Run == plan.Run) : null;
                    Report([onlyWarmup is null ? lawAt.FitRunWithoutOwnRows(plan.Run) : lawAt.FitRunOnlyInWarmup(plan.Run, onlyWarmup.LastWarmupStep)], compilation.Text);
                    continue;
                }
                observed.Add(new(plan, steps, losses, sharers, sizes is not null && sizes.TryGetValue(plan.Run, out double size) ? size : null, heldOut));
            }
            return observed;
        }

        /// <summary>Per run, the rows left out at step 0 or in its initial warmup (<see cref="WarmupRows"/>).</summary>
        List<WarmupRows.Dropped> inWarmup = [];

        /// <summary>The report's lines on rows left out, shared rows and the lambda search.</summary>
        IEnumerable<string> Notes(int shared, LambdaSearch.Result? lambda, bool fromBlock)
        {
            if (WarmupRows.Note(inWarmup) is { } warmupNote) yield return warmupNote;
            if (shared > 0)
                yield return $"{shared} logged {(shared == 1 ? "row repeats" : "rows repeat")} a row of another fitted run (same step, schedule and loss, such as shared pre-training) and {(shared == 1 ? "is" : "are")} counted once";
            // nothing before the switch was fitted, yet predict reports the loss there and every
            // change "since the switch" starts from it
            if (request.AfterSwitch)
                yield return $"--after-switch: law '{request.Law}' is fitted to the rows after the switch only; its losses before the switch, and the changes since the switch that cptc predict reports, are extrapolations";
            if (lambda is null) yield break;
            string baseline = fromBlock ? "the block's" : "the runs'";
            yield return lambda.Lambda == lambda.FileLambda
                ? $"lambda: {baseline} {DisplayFormat.Number(lambda.FileLambda)} fits best (searched 0.9 to 0.9999)"
                : $"lambda: {DisplayFormat.Number(lambda.Lambda)} fits best (objective {DisplayFormat.Number(lambda.Objective)}, against {DisplayFormat.Number(lambda.FileObjective)} at {baseline} {DisplayFormat.Number(lambda.FileLambda)}); " +
                  $"the block states it (`lambda = {DisplayFormat.Number(lambda.Lambda)}`), for this law alone";
        }

        /// <summary>The file with the fitted block in place, or the diagnostic that says why it
        /// would not compile (CPT4112).</summary>
        (string? Text, Diagnostic? Error) Rewrite(string block, DiagnosticBuilder lawAt)
        {
            string rewritten = LawBlockText.Rewrite(compilation.SyntaxTree, request.Law, block);
            var check = Compilation.Create(rewritten, compilation.Text.Path);
            if (check.Diagnostics.FirstOrDefault(d => d.IsError) is not { } broken) return (rewritten, null);
            int line = check.Text.GetLinePosition(broken.Span.Start).Line;
            return (null, lawAt.FitCannotBeWritten(request.Law, $"{broken.Code} at line {line}: {broken.Message}"));
        }

        /// <summary>Whether a block of the chosen form, with any values inside the fit's bounds,
        /// can be written into the file.</summary>
        Diagnostic? Unwritable(FitFormChoice choice, string law, DiagnosticBuilder lawAt)
        {
            string block = choice.Sum is { } sum
                ? LawBlockText.Sum(law, [.. sum.Terms.Select(t => t.Law).Distinct().Select(n => KeyValuePair.Create(n, 0.5))])
                : LawBlockText.Block(law, new LawParameters(choice.Form!.Form, choice.Form.Names.Select((n, i) => (n, Middle(choice.Form.Bounds[i])))
                    .ToDictionary(p => p.n, p => p.Item2)));
            return Rewrite(block, lawAt).Error;
        }

        static double Middle(FitBound bound) => bound.LogScaled
            ? Math.Sqrt(bound.Lower * bound.Upper)
            : double.IsFinite(bound.Lower + bound.Upper) ? (bound.Lower + bound.Upper) / 2 : Math.Max(bound.Lower, Math.Min(bound.Upper, 1));

        /// <summary>The model size of each run, in millions; each run given with a log, once.</summary>
        (Dictionary<string, double>? Sizes, Diagnostic? Error) ModelSizes()
        {
            var sizes = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var size in request.ModelSizes)
            {
                if (!request.Logs.Any(l => l.Run == size.Run))
                    return (null, Invalid($"--model-size '{size.Run}' is not a run given with --data", "give the size of each run whose log is fitted or held out"));
                if (!sizes.TryAdd(size.Run, size.Millions))
                    return (null, Invalid($"--model-size gives run '{size.Run}' twice", "give each run's size once"));
            }
            return (sizes, null);
        }

        /// <summary>Forms that cannot predict the runs they are fitted to (<see cref="RunLawRules"/>):
        /// the open-model form needs unknown pre-training and the others a known one; the replay
        /// form needs a role on runs that switch.</summary>
        static List<Diagnostic> FormProblems(LawForm form, string law, List<EvaluationPlan> plans, TextSpan lawSpan) =>
            [.. plans.DistinctBy(p => p.Run).SelectMany(plan => RunLawRules.Mismatches(form, law, RunFacts.Of(plan))
                // Eq. 1 across a switch predicts, ignoring the shift (CPT3011): the fit says how well
                .Where(m => m != RunLawMismatch.AnnealingAcrossSwitch)
                .Select(m => Binding.RunLawChecks.Error(m, law, plan.Run, plan.Continual?.ReplayRatio ?? 0, lawSpan)))];
    }
}
