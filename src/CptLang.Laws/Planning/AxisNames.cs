namespace CptLang.Laws.Planning;

/// <summary>The words a .cpt sweep uses for each axis (also in reports and errors).</summary>
public static class AxisNames
{
    public static string Of(AxisKind kind) => kind switch
    {
        AxisKind.CptPeakLr => "cpt_peak_lr",
        AxisKind.CptSteps => "cpt_steps",
        AxisKind.ReplayRatio => "replay",
        AxisKind.DecayShape => "decay_shape",
        AxisKind.DecayFraction => "decay_fraction",
        AxisKind.LossPotential => "loss_potential",
        _ => kind.ToString(),
    };
}
