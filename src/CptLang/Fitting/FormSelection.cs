using CptLang.Laws.Fitting;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptLang.Fitting;

/// <summary>One form's leave-one-run-out score (<c>cptc fit --form auto</c>, docs/cli.md).</summary>
/// <param name="Form">The form's keyword.</param>
/// <param name="Mae">Mean absolute error of the raw loss over every row of every left-out run;
/// NaN when the form was not scored (fewer than two fitted runs, or no finite fit).</param>
/// <param name="Runs">Fitted runs, each left out once.</param>
/// <param name="Parameters">The form's fitted parameters (not those the runs imply, such as the
/// size form's N, nor F and the gammas at one model size): fewer wins a tie.</param>
public sealed record FormScore(string Form, double Mae, int Runs, int Parameters);

/// <summary>
/// <c>--form auto</c>: every form the runs support is fitted on all fitted runs but one and
/// predicts that one; the form with the lowest mean absolute error over the left-out rows is
/// fitted as usual (docs/cli.md). Held-out runs (<c>--holdout</c>) take no part.
/// </summary>
/// <param name="Scores">The forms tried, in <see cref="LawForm"/> order.</param>
/// <param name="Chosen">The winner's keyword.</param>
/// <param name="Fallback">True when nothing could be scored and <paramref name="Chosen"/> is the default form.</param>
public sealed record FormSelection(IReadOnlyList<FormScore> Scores, string Chosen, bool Fallback)
{
    /// <summary>Scores within this fraction of the best are a tie, won by the form with fewer
    /// parameters: a difference that small is noise of the data, not evidence for more terms.</summary>
    public const double Tie = 0.01;

    /// <summary>What the score measures, for reports.</summary>
    public const string Metric = "leave-one-run-out MAE of the loss";

    /// <summary>
    /// The forms the runs support: no mismatch of <see cref="RunLawRules"/> with any run (so Eq. 1
    /// and the Multi-Power Law only without a switch, the open form only for unknown
    /// pre-training); Eq. 4 and replay only when a fitted run switches (else their shift terms
    /// are unobserved), replay only when a run replays, the size form only with model sizes.
    /// </summary>
    internal static List<LawForm> Candidates(string law, IReadOnlyList<EvaluationPlan> plans, IReadOnlyList<string> heldOut, bool sizes)
    {
        bool switches = plans.Any(p => !heldOut.Contains(p.Run) && p.SwitchStep is not null);
        bool replays = plans.Any(p => p.Continual?.ReplayRatio > 0);
        return [.. Enum.GetValues<LawForm>().Where(form => FitForm.CanFit(form)
            && (form != LawForm.ModelSize || sizes)
            && (form is not (LawForm.Cpt or LawForm.Replay) || switches)
            && (form != LawForm.Replay || replays)
            && plans.All(p => !RunLawRules.Mismatches(form, law, RunFacts.Of(p)).Any()))];
    }

    /// <summary>The form a fit without <c>--form</c> would use (docs/cli.md), if the runs support
    /// it; else the first supported one.</summary>
    internal static LawForm Default(List<LawForm> candidates, LawForm? existing, IReadOnlyList<EvaluationPlan> plans)
    {
        var rule = FitFormChoice.DefaultFor(plans);
        return existing is { } form && candidates.Contains(form) ? form
            : candidates.Contains(rule) ? rule : candidates[0];
    }

    /// <summary>Scores every candidate on <paramref name="fitted"/> (the fitted runs' rows) and
    /// picks the winner; with fewer than two runs nothing is scored and <paramref name="fallback"/> wins.
    /// Every form is scored on the same folds: those whose remaining runs determine every fitted
    /// parameter of every form (a fold that leaves one undetermined, e.g. Eq. 1's C fitted on a
    /// constant-LR run alone, measures the missing run, not the law, and would favour a form
    /// whose prior fills the gap); all folds when no fold qualifies.</summary>
    internal static FormSelection Select(List<LawForm> candidates, LawForm fallback, IReadOnlyList<FitRun> fitted)
    {
        var forms = candidates.Select(FitForm.For).ToList();
        var folds = fitted.Count < 2 ? [] : forms.Select(form => Folds(form, fitted)).ToList();
        var all = Enumerable.Range(0, fitted.Count).ToList();
        var undetermined = all.Where(i => folds.Any(f => !f[i].Determined)).ToList();
        // the folds that determine every parameter of every form; all of them when none does
        var used = undetermined.Count < fitted.Count ? all.Except(undetermined).ToList() : all;
        var scores = forms.Select((form, k) => new FormScore(LawForms.Keyword(form.Form),
            fitted.Count < 2 ? double.NaN : Mae(folds[k], used), fitted.Count,
            // the size form's N is each run's size, not fitted
            form.Count - form.Implied(fitted).Count)).ToList();
        List<string> Names(IEnumerable<int> runs) => [.. runs.Select(i => fitted[i].Name)];
        var shared = folds.Count == 0 ? [] : Names(all.Where(i => folds[0][i].Rows == 0));
        var scored = scores.Where(s => double.IsFinite(s.Mae)).ToList();
        // nothing scored: every fold was tried, so name each that left a parameter undetermined
        if (scored.Count == 0) return new(scores, LawForms.Keyword(fallback), true) { Unscored = Names(undetermined), Shared = shared };
        double best = scored.Min(s => s.Mae);
        // OrderBy is stable: among as many parameters, the earlier form in LawForm order
        var chosen = scored.Where(s => s.Mae <= best * (1 + Tie) + 1e-12).OrderBy(s => s.Parameters).First();
        return new(scores, chosen.Form, false) { Unscored = Names(all.Except(used)), Shared = shared };
    }

    /// <summary>Fitted runs with nothing to predict: every row of theirs is also in another fitted
    /// run's log (a pre-training run whose rows the CPT logs repeat), so leaving them out keeps
    /// those rows in the fit.</summary>
    public IReadOnlyList<string> Shared { get; init; } = [];

    /// <summary>The fitted runs not predicted, each group with why: the other runs leave a
    /// parameter undetermined (<see cref="Unscored"/>), or every row of the run is also in
    /// another fitted run's log (<see cref="Shared"/>). Empty when every run was predicted.</summary>
    public IReadOnlyList<string> NotPredicted()
    {
        var why = new List<string>();
        if (Unscored.Count > 0) why.Add($"{string.Join(", ", Unscored)}: the other runs leave a parameter undetermined");
        if (Shared.Count > 0)
            why.Add($"{string.Join(", ", Shared)}: every row {(Shared.Count == 1 ? "is" : "of each is")} also in another fitted run's log, " +
                $"so leaving {(Shared.Count == 1 ? "it" : "one")} out keeps its rows in the fit");
        return why;
    }

    /// <summary>Fitted runs left out of the score because the other runs leave a parameter of
    /// some form undetermined (empty when every fold counts). When nothing could be scored
    /// (<see cref="Fallback"/>), every such run.</summary>
    public IReadOnlyList<string> Unscored { get; init; } = [];

    /// <summary>Each fold of <paramref name="form"/>: fitted on all runs but one, its absolute
    /// error summed over the rows of the run left out that no other fitted run logs
    /// (<see cref="LeaveOneRunOut"/>), how many, and whether the others determined every fitted
    /// parameter.</summary>
    static (double Sum, int Rows, bool Determined)[] Folds(FitForm form, IReadOnlyList<FitRun> fitted) =>
        [.. Enumerable.Range(0, fitted.Count).Select(i =>
        {
            // a run whose every row another fitted run also logs has nothing to predict
            var (others, predicted) = LeaveOneRunOut.Fold(fitted, i);
            if (predicted is null) return (0.0, 0, true);
            var result = LawFitter.Fit(form, others);
            var values = form.Names.Select(n => result.Parameters[n]).ToArray();
            return (form.AbsoluteError(values, predicted), predicted.Count,
                result.Unobserved.IsEmpty && !FitDiagnostics.Confounded(form, others, [.. Enumerable.Repeat(double.NaN, form.Count)], []).Any());
        })];

    /// <summary>Mean absolute error over the predicted rows of the runs left out in
    /// <paramref name="used"/> folds; NaN when a fit has no finite prediction.</summary>
    static double Mae((double Sum, int Rows, bool Determined)[] folds, List<int> used)
    {
        double mae = used.Sum(i => folds[i].Sum) / used.Sum(i => folds[i].Rows);
        return double.IsFinite(mae) ? mae : double.NaN;
    }
}
