using System.Collections.Immutable;

namespace CptLang.Laws.Planning;

/// <summary>The words a .cpt sweep uses for each axis (also in reports and errors): the one list.</summary>
public static class AxisNames
{
    public const string CptPeakLr = "cpt_peak_lr", CptSteps = "cpt_steps", CptTokens = "cpt_tokens", Replay = "replay",
        DecayShape = "decay_shape", DecayFraction = "decay_fraction", LossPotential = "loss_potential";

    /// <summary>The words that name an axis, in the order errors list them. <c>cpt_tokens</c> is
    /// <see cref="AxisKind.CptSteps"/> counted in tokens; the replay axis is written
    /// <c>replay DOMAIN</c>, with the keyword, so it is not among them.</summary>
    public static ImmutableArray<string> Words { get; } = [CptPeakLr, CptSteps, CptTokens, DecayShape, DecayFraction, LossPotential];

    public static string Of(AxisKind kind) => kind switch
    {
        AxisKind.CptPeakLr => CptPeakLr,
        AxisKind.CptSteps => CptSteps,
        AxisKind.ReplayRatio => Replay,
        AxisKind.DecayShape => DecayShape,
        AxisKind.DecayFraction => DecayFraction,
        AxisKind.LossPotential => LossPotential,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
