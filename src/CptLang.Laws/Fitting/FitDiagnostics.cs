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

    /// <summary>True when <c>B</c> and <c>β</c> trade off (docs/laws.md §9): for small β the shift is
    /// about <c>B·β·ln(1 + E·x)</c>, so only their product is determined.</summary>
    public static bool ShiftTradesOff(FitResult fit) =>
        // the Multi-Power Law's beta shapes its loss drop, not a distribution shift
        fit.Parameters.Form != Laws.LawForm.MultiPower && fit.Parameters.TryGet(Laws.LawParameterNames.Beta, out double beta) && beta < 0.01;
}
