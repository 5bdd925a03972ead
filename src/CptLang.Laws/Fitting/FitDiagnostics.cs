using System.Collections.Immutable;

namespace CptLang.Laws.Fitting;

/// <summary>Checks on a fit that the numbers alone do not show.</summary>
public static class FitDiagnostics
{
    /// <summary>The fitted parameters whose derivative is zero at every observation: the data
    /// say nothing about them.</summary>
    public static ImmutableArray<string> Unobserved(FitForm form, IReadOnlyList<FitRun> runs, ReadOnlySpan<double> parameters, ReadOnlySpan<double> fixedValues)
    {
        var seen = new bool[form.Count];
        foreach (var run in runs)
        {
            int n = run.Count;
            var jacobian = new double[form.Count * n];
            form.Evaluate(parameters, run, new double[n], jacobian);
            for (int k = 0; k < form.Count; k++)
                for (int i = 0; i < n; i++) seen[k] |= jacobian[k * n + i] != 0 && double.IsFinite(jacobian[k * n + i]);
        }
        var names = ImmutableArray.CreateBuilder<string>();
        for (int i = 0; i < form.Count; i++)
            if (double.IsNaN(fixedValues[i]) && !seen[i]) names.Add(form.Names[i]);
        return names.ToImmutable();
    }

    /// <summary>
    /// The replay form's parameters that the runs confound with another (docs/laws.md §3): its
    /// factors are <c>e^(a1·r)</c> on <c>C2</c> and a function of <c>a2·r</c> on <c>B</c>, with
    /// <c>r</c> the run's replay ratio (general set) or its complement (domain set). When every
    /// run that switches has the same ratio each factor is one constant, so only
    /// <c>C2·e^(a1·r)</c> and <c>B·g(a2·r)</c> are determined, whatever the fitted values say.
    /// Fixed and <paramref name="unobserved"/> parameters are not listed.
    /// </summary>
    public static IEnumerable<(string Parameter, string With, double Ratio)> Confounded(FitForm form, IReadOnlyList<FitRun> runs,
        IReadOnlyList<double> fixedValues, IReadOnlyCollection<string> unobserved)
    {
        if (form.Form != Laws.LawForm.Replay) return [];
        var ratios = runs.Where(r => r.FirstContinualRow < r.Count).Select(r => r.ReplayRatio).Distinct().ToList();
        if (ratios.Count != 1) return [];
        bool Free(string name) => double.IsNaN(fixedValues[form.Names.IndexOf(name)]) && !unobserved.Contains(name);
        var confounded = new List<(string, string, double)>();
        if (Free(Laws.LawParameterNames.A1) && runs.Any(r => r.Role == Laws.ValidationRole.Domain || ratios[0] > 0))
            confounded.Add((Laws.LawParameterNames.A1, Laws.LawParameterNames.C2, ratios[0]));
        if (Free(Laws.LawParameterNames.A2)) confounded.Add((Laws.LawParameterNames.A2, Laws.LawParameterNames.B, ratios[0]));
        return confounded;
    }

    /// <summary>True when the runs determine every parameter that is not fixed: none is
    /// unobserved or confounded with another. A leave-one-run-out fold whose runs do not would
    /// predict the run left out with an arbitrary value.</summary>
    public static bool Determines(FitForm form, IReadOnlyList<FitRun> runs, ReadOnlySpan<double> parameters, ReadOnlySpan<double> fixedValues)
    {
        var unobserved = Unobserved(form, runs, parameters, fixedValues);
        return unobserved.IsEmpty && !Confounded(form, runs, fixedValues.ToArray(), unobserved).Any();
    }

    /// <summary>True when <c>B</c> and <c>β</c> trade off (docs/laws.md §9): for small β,
    /// <c>1 − (1 + y)^(−β) ≈ β·ln(1 + y)</c>, so the CPT law's shift is about <c>B·β·ln(1 + E·x)</c>
    /// and the Multi-Power Law's loss drop about <c>B·β·Σ Δη·ln(1 + C·η^(−γ)·S_k)</c>: only their
    /// product is determined.</summary>
    public static bool BetaTradesOff(FitResult fit) =>
        fit.Parameters.TryGet(Laws.LawParameterNames.B, out _) && fit.Parameters.TryGet(Laws.LawParameterNames.Beta, out double beta) && beta < 0.01;
}
