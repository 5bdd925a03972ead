namespace CptLang.Laws.Areas;

/// <summary>
/// An <see cref="AreaPoint"/> plus the momentum behind it, which the sequential path continues
/// from and the derived-quantity searches use to find where an area stops being monotone.
/// </summary>
/// <param name="EffectiveLearningRate">The LR the areas count (a warmup's peak under
/// <c>warmup_area = peak</c>).</param>
/// <param name="Momentum">The momentum <c>m</c> of the single recurrence.</param>
/// <param name="PtMomentum">What this step added to <c>S2pt</c>.</param>
/// <param name="CptMomentum">What this step added to <c>S2cpt</c>.</param>
internal readonly record struct AreaState(
    AreaPoint Point,
    double EffectiveLearningRate,
    double Momentum,
    double PtMomentum,
    double CptMomentum);

/// <summary>The areas just before a segment's first step (after step <c>FirstStep − 1</c>).
/// <c>S2pt</c>/<c>S2cpt</c> are the sums of <c>m</c> over pre-training and continual steps (the
/// <c>step</c> split); the <c>source</c> split is derived from them at query time.</summary>
internal readonly record struct SegmentStart(
    double S1pt, double S1cpt, double S2pt, double S2cpt, double Momentum, double EffectiveLearningRate);

/// <summary>The areas at the switch step <c>T_pt</c> (all zero for unknown pre-training).</summary>
internal readonly record struct SwitchState(long Step, double S1, double S2, double Momentum);
