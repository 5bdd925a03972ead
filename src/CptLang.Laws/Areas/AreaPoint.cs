namespace CptLang.Laws.Areas;

/// <summary>
/// The learning rate and the areas of a schedule at one step (docs/laws.md §1, §3).
/// </summary>
/// <param name="Step">Absolute step, counting from 1.</param>
/// <param name="LearningRate">The real LR of the step (not the peak that a warmup may count as).</param>
/// <param name="S1pt">Forward area of the pre-training steps (frozen after the switch; the whole
/// run when there is no switch; 0 for unknown pre-training).</param>
/// <param name="S1cpt">Forward area of the continual steps up to <paramref name="Step"/>.</param>
/// <param name="S2pt">Annealing area credited to pre-training (see <c>s2_split</c>).</param>
/// <param name="S2cpt">Annealing area credited to continual pre-training.</param>
public readonly record struct AreaPoint(long Step, double LearningRate, double S1pt, double S1cpt, double S2pt, double S2cpt)
{
    /// <summary>Forward area of the whole run so far.</summary>
    public double S1 => S1pt + S1cpt;

    /// <summary>Annealing area of the whole run so far.</summary>
    public double S2 => S2pt + S2cpt;
}
