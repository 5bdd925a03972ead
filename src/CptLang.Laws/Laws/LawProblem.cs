namespace CptLang.Laws.Laws;

/// <summary>Why a law gives no prediction. Stable names: the CLI maps each to a diagnostic.</summary>
public enum LawProblemKind
{
    /// <summary>A replay-form law (Eq. 8) whose name matches neither the pre-training nor the
    /// continual domain, so neither of the two replay equations can be chosen.</summary>
    MissingRole,
    /// <summary>The law's form cannot predict this run (<see cref="RunLawRules"/>): replay without
    /// the replay form, an open checkpoint without the open-model form, or the reverse.
    /// <see cref="LawProblem.Mismatch"/> says which.</summary>
    FormDoesNotFitRun,
    /// <summary>A weighted sum names a law that the file does not declare.</summary>
    UnknownLaw,
    /// <summary>A weighted sum names another weighted sum (Eq. 6 sums parametric laws only).</summary>
    NotParametric,
    /// <summary>A weighted sum names a law that has a problem itself.</summary>
    DependsOnInvalidLaw,
    /// <summary>Two laws share a name.</summary>
    DuplicateName,
    /// <summary>A weighted sum names laws that see the annealing area under different λ
    /// (<see cref="LawParameters.Lambda"/>): its terms cannot share one set of areas.</summary>
    MixedLambda,
    /// <summary>A parameter, or a constant computed from parameters (e.g. <c>N^gamma</c> with
    /// <c>N ≤ 0</c>), is not a finite number.</summary>
    InvalidParameter,
    /// <summary>The law's value is not a finite number at some step (e.g. <c>S1 = 0</c> with
    /// <c>alpha &gt; 0</c>). <see cref="LawProblem.Step"/> is the first such step.</summary>
    Undefined,
}

/// <summary>
/// A law that cannot be evaluated, structurally or at some steps. The law engine never returns
/// NaN or infinity as a loss: it returns one of these instead (in <see cref="LossPredictor.Problems"/>,
/// <see cref="LossTable.Problems"/>, <see cref="LossResult.Problem"/> or from a search's
/// <c>TryFind</c>), never as an exception.
/// </summary>
/// <param name="Law">The law's name as declared.</param>
/// <param name="Step">For <see cref="LawProblemKind.Undefined"/>: the first step at which the
/// law is undefined.</param>
/// <param name="UndefinedSteps">For <see cref="LawProblemKind.Undefined"/>: how many of the
/// evaluated steps were undefined.</param>
public sealed record LawProblem(string Law, LawProblemKind Kind, string Message, long? Step = null, long UndefinedSteps = 0)
{
    /// <summary>For <see cref="LawProblemKind.FormDoesNotFitRun"/>: why.</summary>
    public RunLawMismatch? Mismatch { get; init; }

    public override string ToString() => Step is long s ? $"law '{Law}' at step {s}: {Message}" : $"law '{Law}': {Message}";
}
