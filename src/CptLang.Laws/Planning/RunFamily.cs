using System.Collections.Immutable;
using CptLang.Laws.Schedules;

namespace CptLang.Laws.Planning;

/// <summary>
/// The runs a sweep may build from one base run: only its own schedule family, reshaped along
/// the declared axes (docs/laws.md §5: the law rewards appending zero-LR steps or scaling the whole
/// schedule up, so the optimiser never leaves the family). Pre-training keeps its length and
/// shape; only the end of its final decay moves with the loss potential. The CPT stage keeps
/// its phases: stretched to the CPT length, its final decay resized and reshaped, scaled to the
/// CPT peak LR.
/// </summary>
public sealed class RunFamily
{
    readonly Segment[] pretraining;
    readonly Segment[] continual;
    readonly Stage ptStage, cptStage;
    readonly int cptStageIndex;
    readonly double ptPeak;
    readonly bool cptContinuesFromPt;

    public RunFamily(EvaluationPlan basePlan)
    {
        ArgumentNullException.ThrowIfNull(basePlan);
        if (Problem(basePlan, []) is { } problem) throw new ArgumentException(problem, nameof(basePlan));
        Base = basePlan;
        long tpt = basePlan.SwitchStep!.Value;
        pretraining = [.. basePlan.Segments.Where(s => s.LastStep <= tpt)];
        continual = [.. basePlan.Segments.Where(s => s.FirstStep > tpt)];
        ptStage = basePlan.Pretraining!;
        cptStage = basePlan.Continual!;
        cptStageIndex = basePlan.Stages.IndexOf(cptStage);
        ptPeak = pretraining.Length == 0 ? 0 : pretraining.Max(s => Math.Max(s.Kernel.From, s.Kernel.To));
        cptContinuesFromPt = pretraining.Length > 0 && continual[0].Phase != PhaseKind.Warmup
            && continual[0].Kernel.From == pretraining[^1].Kernel.To;
    }

    public EvaluationPlan Base { get; }

    /// <summary>Why <paramref name="plan"/> cannot be the base of a sweep over
    /// <paramref name="axes"/>, in words; null when it can.</summary>
    public static string? Problem(EvaluationPlan plan, IEnumerable<AxisKind> axes)
    {
        if (plan.SwitchStep is not long tpt || plan.Continual is null)
            return $"run '{plan.Run}' has no domain switch; a sweep varies a continual pre-training run";
        var cpt = plan.Segments.Where(s => s.FirstStep > tpt).ToArray();
        var pt = plan.Segments.Where(s => s.LastStep <= tpt).ToArray();
        if (cpt.Length == 0) return $"run '{plan.Run}' has no steps after the switch";
        foreach (var axis in axes.Distinct())
        {
            string? problem = axis switch
            {
                AxisKind.CptPeakLr when cpt.All(s => s.Kernel.From == 0 && s.Kernel.To == 0) =>
                    "its CPT stage has no positive learning rate to scale",
                AxisKind.DecayShape or AxisKind.DecayFraction when cpt[^1].Phase != PhaseKind.Decay =>
                    "its CPT stage does not end with a decay",
                AxisKind.LossPotential when pt.Length == 0 =>
                    "its pre-training is unknown (no schedule whose final LR could move)",
                AxisKind.LossPotential when pt[^1].Phase != PhaseKind.Decay =>
                    "its pre-training does not end with a decay (write e.g. `decay 4k steps to 0`)",
                _ => null,
            };
            if (problem is not null) return $"run '{plan.Run}' cannot vary {AxisNames.Of(axis)}: {problem}";
        }
        return null;
    }

    /// <summary>The candidate run; null (with the reason) when the choice leaves the family
    /// (e.g. a decay fraction that leaves no room for the warmup, or an exponential decay to 0).</summary>
    public EvaluationPlan? Build(Choice choice, out string? invalid)
    {
        invalid = null;
        var segments = new List<Segment>(pretraining.Length + continual.Length + 1);
        segments.AddRange(pretraining);
        double ptFinal = pretraining.Length > 0 ? pretraining[^1].Kernel.To : 0;
        if (choice.LossPotential is double lp)
        {
            var last = pretraining[^1];
            ptFinal = lp * ptPeak;
            if (ptFinal > last.Kernel.From)
            {
                invalid = $"a loss potential of {lp:0.###} would make pre-training's final decay rise";
                return null;
            }
            segments[^1] = last with { Kernel = last.Kernel with { To = ptFinal } };
            if (last.Kernel.Shape is Shape.Exponential or Shape.InverseSqrt && !(ptFinal > 0))
            {
                invalid = "pre-training's final decay is geometric and cannot end at 0";
                return null;
            }
        }

        long tpt = ptStage.Kind == StageKind.UnknownPretraining ? 0 : ptStage.LastStep;
        var pieces = CptPieces(choice, out invalid);
        if (pieces is null) return null;

        // scale the stage's LRs so that its highest one is the chosen peak
        if (cptContinuesFromPt) pieces[0] = pieces[0] with { Kernel = pieces[0].Kernel with { From = ptFinal } };
        if (choice.CptPeakLr is double peak)
        {
            double max = pieces.Max(p => Math.Max(p.Kernel.From, p.Kernel.To));
            double factor = peak / max;
            for (int i = 0; i < pieces.Count; i++)
                pieces[i] = pieces[i] with { Kernel = pieces[i].Kernel with { From = pieces[i].Kernel.From * factor, To = pieces[i].Kernel.To * factor } };
        }

        long step = tpt + 1;
        foreach (var (phase, length, kernel) in pieces)
        {
            if ((kernel.Shape is Shape.Exponential or Shape.InverseSqrt) && !(kernel.From > 0 && kernel.To > 0))
            {
                invalid = "a geometric or inverse-sqrt phase needs both ends above 0";
                return null;
            }
            segments.Add(new Segment(step, step + length - 1, cptStageIndex, phase, kernel));
            step += length;
        }
        var cpt = cptStage with { LastStep = step - 1, ReplayRatio = choice.ReplayRatio ?? cptStage.ReplayRatio };
        return Base with { Segments = [.. segments], Stages = Base.Stages.SetItem(cptStageIndex, cpt) };
    }

    readonly record struct Piece(PhaseKind Phase, long Length, Kernel Kernel);

    /// <summary>The CPT phases with their new lengths and the chosen final shape.</summary>
    List<Piece> CptPieces(Choice choice, out string? invalid)
    {
        invalid = null;
        var pieces = continual.Select(s => new Piece(s.Phase, s.Length, s.Kernel)).ToList();
        long baseLength = pieces.Sum(p => p.Length);
        long total = choice.CptSteps ?? baseLength;
        if (total < 1) { invalid = "the CPT stage needs at least one step"; return null!; }

        if (choice.DecayFraction is double fraction)
        {
            long decay = Math.Max(1, (long)Math.Round(fraction * total));
            long warmups = pieces.Take(pieces.Count - 1).Where(p => p.Phase == PhaseKind.Warmup).Sum(p => p.Length);
            long rest = total - warmups - decay;
            if (rest < 0)
            {
                invalid = $"a final decay of {decay} steps and warmups of {warmups} steps do not fit in {total} CPT steps";
                return null!;
            }
            var middle = Enumerable.Range(0, pieces.Count - 1).Where(i => pieces[i].Phase != PhaseKind.Warmup).ToList();
            var last = pieces[^1] with { Length = decay };
            if (middle.Count == 0 && rest > 0)
                pieces.Insert(pieces.Count - 1, new Piece(PhaseKind.Stable, rest, Kernel.Constant(last.Kernel.From)));
            else
                Stretch(pieces, middle, rest);
            pieces[^1] = last;
            pieces.RemoveAll(p => p.Length == 0);
        }
        else if (total != baseLength)
        {
            Stretch(pieces, [.. Enumerable.Range(0, pieces.Count)], total);
            pieces.RemoveAll(p => p.Length == 0);
            if (pieces.Count == 0) { invalid = "the CPT stage needs at least one step"; return null!; }
        }

        if (choice.DecayShape is { } shape)
        {
            var last = pieces[^1];
            pieces[^1] = last with { Kernel = last.Kernel with { Shape = shape.Shape, Exponent = shape.Exponent } };
        }
        return pieces;
    }

    /// <summary>Gives the pieces at <paramref name="indices"/> <paramref name="total"/> steps in
    /// proportion to their lengths, rounding the cumulative boundaries so the sum is exact.</summary>
    static void Stretch(List<Piece> pieces, List<int> indices, long total)
    {
        long before = indices.Sum(i => pieces[i].Length);
        if (before == 0) return;
        long cumulative = 0, placed = 0;
        foreach (int i in indices)
        {
            cumulative += pieces[i].Length;
            long boundary = (long)Math.Round((double)cumulative * total / before);
            pieces[i] = pieces[i] with { Length = boundary - placed };
            placed = boundary;
        }
    }
}
