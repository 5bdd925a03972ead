using CptLang.Export.Frameworks;

namespace Cptc.Tests.Export;

/// <summary>A framework schedule with a type the framework does not have fails loudly; it never
/// runs as some other shape.</summary>
public class FrameworkScheduleTypeTests
{
    static HfWsdSchedule Hf(string warmup, string decay) => new(1e-4, 10, 10, 10, warmup, decay, 0.1, 30);

    [Fact]
    public void Hf_types_are_the_ones_hf_has()
    {
        foreach (string warmup in HfWsdSchedule.WarmupTypes)
            foreach (string decay in HfWsdSchedule.DecayTypes)
                Assert.True(double.IsFinite(Hf(warmup, decay).LearningRateAt(25)));
        Assert.Contains("decay_type 'sqrt'", Assert.Throws<ArgumentException>(() => Hf("linear", "sqrt")).Message);
        Assert.Contains("warmup_type 'Cosine'", Assert.Throws<ArgumentException>(() => Hf("Cosine", "linear")).Message);
        Assert.Throws<ArgumentException>(() => Hf("linear", "linear") with { DecayType = "" });
    }

    [Fact]
    public void Hf_one_minus_sqrt_is_still_one_minus_sqrt()
    {
        var hf = Hf("linear", "1-sqrt"); // decay: updates 21..30 are s = 20..29, progress (s - 20)/10
        Assert.Equal(1e-4 * (0.1 + 0.9 * (1 - Math.Sqrt(0.5))), hf.LearningRateAt(26), 15);
    }

    [Fact]
    public void Torchtitan_types_are_the_ones_torchtitan_has()
    {
        foreach (string decay in TorchtitanSchedule.DecayTypes)
            Assert.True(double.IsFinite(new TorchtitanSchedule(1e-4, 30, null, 5, 0.5, decay, 0.1).LearningRateAt(25)));
        Assert.Throws<ArgumentException>(() => new TorchtitanSchedule(1e-4, 30, null, 5, 0.5, "1-sqrt", 0.1));
        Assert.Throws<ArgumentException>(() => new TorchtitanSchedule(1e-4, 30, null, 5, 0.5, "cosine", 0.1) with { DecayType = "exp" });
    }
}
