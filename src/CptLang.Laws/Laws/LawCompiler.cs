using System.Collections.Immutable;
using CptLang.Laws.Schedules;
using static CptLang.Laws.Laws.LawParameterNames;

namespace CptLang.Laws.Laws;

/// <summary>
/// Turns a file's law definitions into <see cref="CompiledLaw"/>s for one plan: picks the replay
/// equation by role, folds replay ratio and model size into coefficients, expands weighted sums,
/// and reports what cannot be compiled.
/// </summary>
internal static class LawCompiler
{
    public sealed record Result(ImmutableArray<PredictedLaw> Laws, ImmutableArray<CompiledLaw?> Compiled, ImmutableArray<LawProblem> Problems);

    public static Result Compile(EvaluationPlan plan, IReadOnlyList<LawDefinition> definitions, Areas.ScheduleAreas? areas = null)
    {
        MultiPowerDrops? drops = null;
        MultiPowerDrops Drops() => drops ??= new MultiPowerDrops(areas ?? new Areas.ScheduleAreas(plan));
        var problems = new List<LawProblem>();
        var compiled = new CompiledLaw?[definitions.Count];
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < definitions.Count; i++)
        {
            if (!byName.TryAdd(definitions[i].Name, i))
                problems.Add(new LawProblem(definitions[i].Name, LawProblemKind.DuplicateName, "another law of the same name comes first; this one is ignored"));
        }

        for (int i = 0; i < definitions.Count; i++)
            if (definitions[i] is ParametricLaw p && byName[p.Name] == i)
                compiled[i] = Parametric(p, ValidationRoles.Of(p.Name, plan), plan, problems, Drops);

        for (int i = 0; i < definitions.Count; i++)
            if (definitions[i] is WeightedSumLaw w && byName[w.Name] == i)
                compiled[i] = WeightedSum(w, definitions, byName, compiled, problems, plan.Settings.Lambda);

        var laws = definitions.Select((d, i) => new PredictedLaw(
            d.Name,
            (d as ParametricLaw)?.Parameters.Form,
            ValidationRoles.Of(d.Name, plan),
            compiled[i] is not null)).ToImmutableArray();
        return new Result(laws, [.. compiled], [.. problems]);
    }

    static string MismatchText(RunLawMismatch mismatch, EvaluationPlan plan) => mismatch switch
    {
        RunLawMismatch.ReplayNeedsReplayForm => $"run '{plan.Run}' replays pre-training data, which only the replay form (Eq. 8) models",
        RunLawMismatch.OpenFormWithKnownPretraining => $"the open-model form needs a run whose pre-training is unknown, and run '{plan.Run}' gives it",
        _ => $"run '{plan.Run}' continues an open checkpoint, which only the open-model form models",
    };

    static CompiledLaw? Parametric(ParametricLaw law, ValidationRole role, EvaluationPlan plan, List<LawProblem> problems, Func<MultiPowerDrops> drops)
    {
        var p = law.Parameters;
        // a form that cannot predict this run gives no prediction rather than a wrong one; the
        // annealing law across a switch predicts (ignoring the shift, CPT3011), and the missing
        // role of a replay law is reported below with the domains to choose from
        foreach (var mismatch in RunLawRules.Mismatches(p.Form, law.Name, RunFacts.Of(plan)))
            if (mismatch is not (RunLawMismatch.AnnealingAcrossSwitch or RunLawMismatch.ReplayFormWithoutRole))
            {
                problems.Add(new LawProblem(law.Name, LawProblemKind.FormDoesNotFitRun, MismatchText(mismatch, plan)) { Mismatch = mismatch });
                return null;
            }
        foreach (var name in p.Names)
            if (!double.IsFinite(p[name]))
            {
                problems.Add(new LawProblem(law.Name, LawProblemKind.InvalidParameter, $"parameter {name} is {p[name]}, not a finite number"));
                return null;
            }

        double rpt = plan.Continual?.ReplayRatio ?? 0, rcpt = 1 - rpt;
        double l0 = p[L0];
        var terms = new List<LawTerm>();
        // A·S1^(−α) with α = 0 is the constant A, also at S1 = 0.
        void Forward(double? lawS1pt)
        {
            if (p[Alpha] == 0) l0 += p[A];
            else terms.Add(new ForwardAreaTerm(p[A], p[Alpha], lawS1pt));
        }
        switch (p.Form)
        {
            case LawForm.Annealing:
                Forward(null);
                terms.AddRange([new AnnealingAreaTerm(-p[C], false), new AnnealingAreaTerm(-p[C], true)]);
                break;
            case LawForm.Cpt:
                Forward(null);
                terms.AddRange([new AnnealingAreaTerm(-p[C1], false), new AnnealingAreaTerm(-p[C2], true), new DistributionShiftTerm(p[B], p[E], p[Beta])]);
                break;
            case LawForm.Replay when role == ValidationRole.Unspecified:
                problems.Add(new LawProblem(law.Name, LawProblemKind.MissingRole,
                    $"a replay law must be named after the pre-training domain ('{plan.Pretraining?.Domain}') or the continual domain ('{plan.Continual?.Domain}') to choose between the two equations of Eq. 8"));
                return null;
            case LawForm.Replay:
                // Eq. 8 as docs/laws.md §3 writes it: r_pt in the general set's S2cpt factor, r_cpt in the domain set's.
                bool general = role == ValidationRole.General;
                double s2Factor = Math.Exp(p[A1] * (general ? rpt : rcpt));
                double shiftFactor = general ? -Numerics.StableMath.Expm1(-p[A2] * rcpt) : Numerics.StableMath.Expm1(p[A2] * rcpt);
                Forward(null);
                terms.AddRange([new AnnealingAreaTerm(-p[C1], false), new AnnealingAreaTerm(-p[C2] * s2Factor, true), new DistributionShiftTerm(p[B] * shiftFactor, p[E], p[Beta])]);
                break;
            case LawForm.ModelSize:
                double n = p[N];
                if (!(n > 0))
                {
                    problems.Add(new LawProblem(law.Name, LawProblemKind.InvalidParameter, $"the model size N = {n} (millions of non-embedding parameters) must be positive"));
                    return null;
                }
                l0 += p[F] * Math.Pow(n, -p[Gamma3]);
                Forward(null);
                terms.AddRange([new AnnealingAreaTerm(-p[C1] * Math.Pow(n, p[Gamma1]), false),
                    new AnnealingAreaTerm(-p[C2] * Math.Pow(n, p[Gamma2]), true), new DistributionShiftTerm(p[B], p[E], p[Beta])]);
                break;
            case LawForm.OpenModel:
                Forward(p[S1pt]);
                terms.AddRange([new AnnealingAreaTerm(-p[C2], true), new DistributionShiftTerm(p[B], p[E], p[Beta])]);
                break;
            case LawForm.MultiPower:
                Forward(null);
                if (p[B] != 0) terms.Add(new MultiPowerDropTerm(p[B], p[C], p[Beta], p[Gamma], drops()));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(law), p.Form, "unknown law form");
        }
        if (!double.IsFinite(l0))
        {
            problems.Add(new LawProblem(law.Name, LawProblemKind.InvalidParameter, $"the constant part of the law is {l0}"));
            return null;
        }
        return new CompiledLaw(l0, [.. terms]);
    }

    static CompiledLaw? WeightedSum(WeightedSumLaw law, IReadOnlyList<LawDefinition> definitions, Dictionary<string, int> byName, CompiledLaw?[] compiled, List<LawProblem> problems,
        double planLambda)
    {
        var parts = new List<(double, CompiledLaw)>();
        foreach (var term in law.Terms)
        {
            if (!byName.TryGetValue(term.Law, out int index))
            {
                problems.Add(new LawProblem(law.Name, LawProblemKind.UnknownLaw, $"the sum names '{term.Law}', which is not a law of this file"));
                return null;
            }
            if (definitions[index] is not ParametricLaw)
            {
                problems.Add(new LawProblem(law.Name, LawProblemKind.NotParametric, $"the sum names '{term.Law}', another weighted sum; Eq. 6 sums laws with parameters"));
                return null;
            }
            if (compiled[index] is not { } part)
            {
                problems.Add(new LawProblem(law.Name, LawProblemKind.DependsOnInvalidLaw, $"the sum names '{term.Law}', which cannot be evaluated"));
                return null;
            }
            if (!double.IsFinite(term.Weight))
            {
                problems.Add(new LawProblem(law.Name, LawProblemKind.InvalidParameter, $"the weight of '{term.Law}' is {term.Weight}"));
                return null;
            }
            parts.Add((term.Weight, part));
        }
        var lambdas = law.Terms.Select(t => (t.Law, Lambda: LambdaOf(definitions[byName[t.Law]], definitions, planLambda))).ToList();
        if (lambdas.Select(l => l.Lambda).Distinct().Count() > 1)
        {
            problems.Add(new LawProblem(law.Name, LawProblemKind.MixedLambda,
                $"its laws see the annealing area under different lambda ({string.Join(", ", lambdas.Select(l => $"{l.Law} {l.Lambda.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}"))}); give them one"));
            return null;
        }
        return CompiledLaw.WeightedSum(parts);
    }

    /// <summary>The λ a law's areas use: its own (<see cref="LawParameters.Lambda"/>), else the plan's.
    /// A weighted sum's is its first law's (all its laws share one, or it does not compile).</summary>
    internal static double LambdaOf(LawDefinition law, IReadOnlyList<LawDefinition> definitions, double planLambda) => law switch
    {
        ParametricLaw p => p.Parameters.Lambda ?? planLambda,
        WeightedSumLaw { Terms: [var first, ..] } when definitions.FirstOrDefault(d => d.Name == first.Law) is ParametricLaw part => LambdaOf(part, definitions, planLambda),
        _ => planLambda,
    };
}
