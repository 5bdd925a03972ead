using System.Collections.Immutable;
using CptLang.Laws.Laws;
using static CptLang.Laws.Laws.LawParameterNames;

namespace CptLang.Laws.Fitting;

/// <summary>
/// A law form as the fitter sees it: its parameters with their bounds, the predicted losses of a
/// run together with their <b>analytic</b> derivatives, and the multi-start grid. One subclass
/// per family of equations. Losses and derivatives are computed a run at a time, column by
/// column, with vectorised <c>exp</c>/<c>log</c>.
/// </summary>
public abstract class FitForm
{
    protected FitForm(LawForm form)
    {
        Form = form;
        Names = LawParameterNames.Of(form);
        Bounds = [.. Names.Select(n => form == LawForm.MultiPower ? MultiPowerBound(n) : BoundOf(n))];
    }

    public LawForm Form { get; }

    /// <summary>The parameters, in <see cref="LawParameterNames"/>' canonical order.</summary>
    public ImmutableArray<string> Names { get; }

    public ImmutableArray<FitBound> Bounds { get; }

    public int Count => Names.Length;

    /// <summary>The loss predicted at every row of <paramref name="run"/> into
    /// <paramref name="loss"/>, and its derivative with respect to parameter <c>k</c> at row
    /// <c>i</c> into <c>jacobian[k·run.Count + i]</c>.</summary>
    public abstract void Evaluate(ReadOnlySpan<double> parameters, FitRun run, Span<double> loss, Span<double> jacobian);

    /// <summary><c>d ln L / d(search coordinate of parameter p)</c> at row <paramref name="i"/> of an
    /// <see cref="Evaluate"/> of <paramref name="rows"/> rows, where the loss is
    /// <paramref name="loss"/> and the parameter <paramref name="value"/>: the row of the
    /// linearisations of the refit, the bootstrap's inflation and the prediction bands.</summary>
    internal double LogGradient(ReadOnlySpan<double> jacobian, int p, int i, int rows, double loss, double value) =>
        jacobian[p * rows + i] / loss * Bounds[p].ValuePerSearchUnit(value);

    /// <summary>The loss predicted at every row of <paramref name="run"/> (derivatives discarded).</summary>
    public double[] Losses(ReadOnlySpan<double> parameters, FitRun run)
    {
        var loss = new double[run.Count];
        Evaluate(parameters, run, loss, new double[Count * run.Count]);
        return loss;
    }

    /// <summary><c>Σ |L_pred − L_obs|</c> over the rows of <paramref name="run"/>: a left-out
    /// run's share of a leave-one-run-out MAE.</summary>
    public double AbsoluteError(ReadOnlySpan<double> parameters, FitRun run)
    {
        var loss = Losses(parameters, run);
        double sum = 0;
        for (int r = 0; r < loss.Length; r++) sum += Math.Abs(loss[r] - run.Losses[r]);
        return sum;
    }

    /// <summary>The loss at one row and its gradient (for checks; the fitter uses
    /// <see cref="Evaluate"/>).</summary>
    public double Value(ReadOnlySpan<double> parameters, FitRun run, int row, Span<double> gradient)
    {
        int n = run.Count;
        var loss = new double[n];
        var jacobian = new double[Count * n];
        Evaluate(parameters, run, loss, jacobian);
        for (int k = 0; k < Count; k++) gradient[k] = jacobian[k * n + row];
        return loss[row];
    }

    /// <summary>The starting points of the multi-start search (all parameters, natural units).</summary>
    public abstract IReadOnlyList<double[]> Starts(IReadOnlyList<FitRun> runs);

    /// <summary>How many of the best coarse searches of the multi-start are polished to full
    /// precision (docs/cli.md, bounds and starts).</summary>
    public virtual int Polished => 8;

    /// <summary>A weak prior that regularises a fit of <paramref name="runs"/> (docs/laws.md §9);
    /// none for most forms.</summary>
    public virtual FitPrior? PriorFor(IReadOnlyList<FitRun> runs) => null;

    /// <summary>Parameters the runs themselves determine, held at these values by the fitter
    /// (the model-size form's <c>N</c>); none for most forms.</summary>
    public virtual IReadOnlyDictionary<string, double> Implied(IReadOnlyList<FitRun> runs) => new Dictionary<string, double>();

    /// <summary>The fit form of <paramref name="form"/>.</summary>
    public static FitForm For(LawForm form) => form switch
    {
        LawForm.Annealing => new AnnealingFitForm(),
        LawForm.Cpt or LawForm.Replay or LawForm.OpenModel => new ContinualFitForm(form),
        LawForm.ModelSize => new SizeFitForm(),
        LawForm.MultiPower => new MultiPowerFitForm(),
        _ => throw new NotSupportedException($"cptc cannot fit the {LawForms.Keyword(form)} form"),
    };

    /// <summary>True when cptc can fit <paramref name="form"/>.</summary>
    public static bool CanFit(LawForm form) => form is LawForm.Annealing or LawForm.Cpt or LawForm.Replay or LawForm.OpenModel or LawForm.ModelSize or LawForm.MultiPower;

    /// <summary>docs/laws.md §9's bounds. LRA bounds Eq. 1 by [0, ∞); cptc uses the finite Eq. 4
    /// bounds for it too, far outside any published value.</summary>
    static FitBound BoundOf(string name) => name switch
    {
        L0 => new(0, 10),
        // A's unit depends on the LR's: every LR ×s turns A into A·s^alpha, a straight line in
        // (ln A, alpha) but a curve in (A, alpha), so only on the log scale do the fit's spread and
        // its linearisation not depend on the LR unit (docs/laws.md §9.1)
        A => new(1e-6, 50, LogScaled: true),
        C or C1 or C2 => new(0, 50),
        Alpha => new(0, 10),
        // the CPT law's B has either sign and spans orders of magnitude (0.37 to 29 in the paper's
        // fits), and it trades off multiplicatively: with beta (B·beta·ln(1 + E·x) for small beta)
        // and in the replay form with e^(±a2·r), where only ln|B| ± a2·r is determined. Straight
        // lines in ln|B|, hyperbolas in B: on the signed log scale the fitter steps along them and
        // the bootstrap's spread around them stays Gaussian (docs/laws.md §9.1)
        B => new(-50, 50, SignedLogScale: 1e-12),
        E => new(1e-3, 1e5, LogScaled: true),
        Beta => new(1e-4, 50, LogScaled: true),
        A1 or A2 => new(-20, 20),
        S1pt => new(1e-3, 1e4, LogScaled: true),
        // Eq. 7 (cptc's choice; the paper gives none): F·N^(−γ3) is a loss level like A's term, and
        // |γ| ≤ 2 spans N^γ over 10^±4 between 100M and 10B; Fig. 15 fits F ≈ 3, |γ| < 0.24
        F => new(0, 50),
        Gamma1 or Gamma2 or Gamma3 => new(-2, 2),
        // N is never searched (each run's size is data); the bound only makes it a valid value
        N => new(1e-6, 1e9, LogScaled: true),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no fitting bound for this parameter"),
    };

    /// <summary>The Multi-Power Law's bounds (cptc's choice, docs/cli.md): its B, C, beta are not
    /// Eq. 4's. The authors fit B ≈ 360–520, C ≈ 2, beta ≈ 0.6, gamma ≈ 0.64; B and C span decades
    /// and are searched in log space.</summary>
    static FitBound MultiPowerBound(string name) => name switch
    {
        B => new(1e-2, 1e5, LogScaled: true),
        C => new(1e-3, 1e4, LogScaled: true),
        Gamma => new(0, 2),
        _ => BoundOf(name),
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
