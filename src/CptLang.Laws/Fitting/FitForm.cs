using System.Collections.Immutable;
using CptLang.Laws.Laws;
using static CptLang.Laws.Laws.LawParameterNames;

namespace CptLang.Laws.Fitting;

/// <summary>
/// A law form as the fitter sees it: its parameters with their bounds, the predicted loss at an
/// observed point together with its <b>analytic</b> gradient, and the multi-start grid. One
/// subclass per family of equations.
/// </summary>
public abstract class FitForm
{
    protected FitForm(LawForm form)
    {
        Form = form;
        Names = LawParameterNames.Of(form);
        Bounds = [.. Names.Select(BoundOf)];
    }

    public LawForm Form { get; }

    /// <summary>The parameters, in <see cref="LawParameterNames"/>' canonical order.</summary>
    public ImmutableArray<string> Names { get; }

    public ImmutableArray<FitBound> Bounds { get; }

    public int Count => Names.Length;

    /// <summary>The loss predicted at row <paramref name="row"/> of <paramref name="run"/>, and
    /// its derivative with respect to each parameter into <paramref name="gradient"/>.</summary>
    public abstract double Value(ReadOnlySpan<double> parameters, FitRun run, int row, Span<double> gradient);

    /// <summary>The starting points of the multi-start search (all parameters, natural units).</summary>
    public abstract IReadOnlyList<double[]> Starts(IReadOnlyList<FitRun> runs);

    /// <summary>The fit form of <paramref name="form"/>. The model-size form (Eq. 7) needs runs of
    /// several model sizes and is not fitted by cptc.</summary>
    public static FitForm For(LawForm form) => form switch
    {
        LawForm.Annealing => new AnnealingFitForm(),
        LawForm.Cpt or LawForm.Replay or LawForm.OpenModel => new ContinualFitForm(form),
        _ => throw new NotSupportedException($"cptc cannot fit the {Keyword(form)} form"),
    };

    /// <summary>True when cptc can fit <paramref name="form"/>.</summary>
    public static bool CanFit(LawForm form) => form is LawForm.Annealing or LawForm.Cpt or LawForm.Replay or LawForm.OpenModel;

    /// <summary>LAW.md §5's bounds. LRA bounds Eq. 1 by [0, ∞); cptc uses the finite Eq. 4
    /// bounds for it too, far outside any published value.</summary>
    static FitBound BoundOf(string name) => name switch
    {
        L0 => new(0, 10),
        A or C or C1 or C2 => new(0, 50),
        Alpha => new(0, 10),
        B => new(-50, 50),
        E => new(1e-3, 1e5, LogScaled: true),
        Beta => new(1e-4, 50, LogScaled: true),
        A1 or A2 => new(-20, 20),
        S1pt => new(1e-3, 1e4, LogScaled: true),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no fitting bound for this parameter"),
    };

    /// <summary>Every combination of the given values, one list per parameter.</summary>
    protected static List<double[]> Grid(params double[][] values)
    {
        var starts = new List<double[]> { Array.Empty<double>() };
        foreach (var choices in values)
            starts = [.. starts.SelectMany(s => choices.Select(c => (double[])[.. s, c]))];
        return starts;
    }
}
