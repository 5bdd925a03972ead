using System.Collections.Immutable;
using CptLang.Laws.Schedules;
using CsCheck;

namespace CptLang.Laws.Tests.Support;

/// <summary>Random schedules covering every shape, jumps and drops at boundaries, warmups before
/// and after the switch, both settings, λ from 0.9 to 0.99999, with and without a switch.</summary>
internal static class RandomPlans
{
    /// <summary>One segment before the LRs are chained: <paramref name="Continuous"/> makes its
    /// start equal the previous end (no jump).</summary>
    public sealed record PieceSpec(Shape Shape, long Length, double FromUnit, double ToUnit, bool Continuous, PhaseKind Phase, double Exponent)
    {
        public override string ToString() =>
            $"{Shape}({Length}, {FromUnit:R}→{ToUnit:R}{(Continuous ? ", continuous" : "")}, {Phase}{(Shape == Shape.Polynomial ? $", p={Exponent:R}" : "")})";
    }

    /// <summary><paramref name="SwitchKind"/>: 0 no switch, 1 after piece <paramref name="SwitchAfter"/>, 2 unknown pre-training.</summary>
    public sealed record PlanSpec(double Lambda, WarmupArea Warmup, S2Split Split, int SwitchKind, int SwitchAfter, ImmutableArray<PieceSpec> Pieces)
    {
        public override string ToString() =>
            $"λ={Lambda:R} {Warmup} {Split} switch={SwitchKind}/{SwitchAfter} [{string.Join(", ", Pieces)}]";

        public EvaluationPlan ToPlan() => Build(this);
    }

    static readonly Gen<double> Unit = Gen.Frequency(
        (1, Gen.Const(0.0)),
        (1, Gen.Const(1.0)),
        (8, Gen.Double[0, 1]));

    static readonly Gen<double> Lambda = Gen.Double[Math.Log(1e-5), Math.Log(0.1)].Select(x => 1 - Math.Exp(x));

    static Gen<PieceSpec> Piece(Gen<long> length) =>
        Gen.Select(Gen.Enum<Shape>(), length, Unit, Unit, Gen.Int[0, 2], Gen.Enum<PhaseKind>(), Exponent,
            (shape, n, from, to, continuous, phase, p) => new PieceSpec(shape, n, from, to, continuous == 0, phase, p));

    static readonly Gen<double> Exponent = Gen.Frequency(
        (1, Gen.OneOf(1.0, 2.0, 3.0)),
        (3, Gen.Double[0.2, 4]));

    static Gen<PlanSpec> Plan(Gen<long> length, int maxPieces) =>
        Gen.Select(Lambda, Gen.Enum<WarmupArea>(), Gen.Enum<S2Split>(), Gen.Int[0, 2], Gen.Int[0, maxPieces], Piece(length).Array[1, maxPieces],
            (lambda, warmup, split, switchKind, after, pieces) =>
                new PlanSpec(lambda, warmup, split, switchKind, pieces.Length == 1 && switchKind == 1 ? 0 : Math.Min(after, pieces.Length - 2), [.. pieces]));

    /// <summary>Short runs (up to ~40k steps) that a per-step walk covers completely.</summary>
    public static Gen<PlanSpec> Short { get; } = Plan(
        Gen.Frequency((3, Gen.Long[1, 8]), (4, Gen.Long[9, 400]), (3, Gen.Long[400, 5000])), 8);

    /// <summary>Runs with segments of up to 10⁹ steps.</summary>
    public static Gen<PlanSpec> Long { get; } = Plan(
        Gen.Frequency((1, Gen.Long[1, 100]), (2, Gen.Long[1000, 1_000_000]), (2, Gen.Long[1_000_000, 1_000_000_000])), 5);

    const double PeakUnit = 1e-3;

    static EvaluationPlan Build(PlanSpec spec)
    {
        var settings = new PlanSettings(spec.Lambda, spec.Warmup, spec.Split);
        var segments = ImmutableArray.CreateBuilder<Segment>();
        long first = 1, switchStep = -1;
        double previousTo = spec.Pieces[0].FromUnit * PeakUnit;
        for (int i = 0; i < spec.Pieces.Length; i++)
        {
            var p = spec.Pieces[i];
            double from = p.Continuous ? previousTo : p.FromUnit * PeakUnit;
            double to = p.Shape == Shape.Constant ? from : p.ToUnit * PeakUnit;
            if (p.Shape is Shape.Exponential or Shape.InverseSqrt)
            {
                // Both ends strictly positive; keep the ratio wide but finite.
                from = Math.Max(from, 1e-7);
                to = Math.Max(to, 1e-7);
            }
            bool continual = spec.SwitchKind == 2 || (spec.SwitchKind == 1 && i > spec.SwitchAfter);
            int stage = continual ? 1 : 0;
            var kernel = new Kernel(p.Shape, from, to, p.Shape == Shape.Polynomial ? p.Exponent : 0);
            segments.Add(new Segment(first, first + p.Length - 1, stage, p.Phase, kernel));
            if (spec.SwitchKind == 1 && i == spec.SwitchAfter) switchStep = first + p.Length - 1;
            first += p.Length;
            previousTo = to;
        }
        long total = first - 1;
        var stages = spec.SwitchKind switch
        {
            0 => ImmutableArray.Create(new Stage(StageKind.Pretraining, Plans.General, 1, total)),
            1 when switchStep < total => ImmutableArray.Create(
                new Stage(StageKind.Pretraining, Plans.General, 1, switchStep),
                new Stage(StageKind.Continual, Plans.Domain, switchStep + 1, total)),
            1 => ImmutableArray.Create(new Stage(StageKind.Pretraining, Plans.General, 1, total)),
            _ => ImmutableArray.Create(
                new Stage(StageKind.UnknownPretraining, Plans.General, 1, 0),
                new Stage(StageKind.Continual, Plans.Domain, 1, total)),
        };
        return new EvaluationPlan("random", PeakUnit, null, settings, stages, segments.ToImmutable());
    }
}
