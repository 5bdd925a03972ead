using CptLang.Laws.Areas;

namespace CptLang.Laws.Tests.Support;

/// <summary>
/// "Relative" agreement of areas, against the magnitude each quantity naturally has:
/// <c>S1</c> against itself, <c>S2</c> against the annealing area of the absolute drops
/// (<see cref="ReferenceAreas.S2Scale"/>), both floored at the largest LR of the run (the size
/// of one step's contribution), so that a quantity that is zero or cancels to nearly zero is
/// still held to the same digits as its parts.
/// </summary>
internal static class AreaAssert
{
    public static void Close(AreaPoint expected, AreaPoint actual, double s2Scale, double maxLr, double tolerance, string context)
    {
        Assert.True(expected.Step == actual.Step, $"{context}: step {actual.Step}, expected {expected.Step}");
        Check("S1pt", expected.S1pt, actual.S1pt, Math.Abs(expected.S1pt) + maxLr);
        Check("S1cpt", expected.S1cpt, actual.S1cpt, Math.Abs(expected.S1cpt) + maxLr);
        Check("S2pt", expected.S2pt, actual.S2pt, s2Scale + maxLr);
        Check("S2cpt", expected.S2cpt, actual.S2cpt, s2Scale + maxLr);

        void Check(string name, double e, double a, double scale)
        {
            double error = Math.Abs(e - a) / scale;
            if (!(Math.Abs(e - a) <= tolerance * scale))
                Assert.Fail($"{context}: {name} at step {expected.Step} is {a:R}, expected {e:R} (relative error {error:E2} > {tolerance:E0}, scale {scale:E3})");
        }
    }
}
