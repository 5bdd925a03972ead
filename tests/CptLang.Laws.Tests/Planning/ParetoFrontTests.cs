using CptLang.Laws.Planning;
using CptLang.Laws.Tests.Support;
using CsCheck;

namespace CptLang.Laws.Tests.Planning;

/// <summary>The ordered front against the definition: every point that no other point dominates,
/// equal points keeping the lowest index, whatever the arrival order and however the workers
/// split the candidates.</summary>
public class ParetoFrontTests
{
    static CandidateResult Candidate(long index, double g, double d) =>
        new(index, [], 0, [], g, d, null, null, 0, 0, []);

    static bool Dominates(CandidateResult a, CandidateResult b) =>
        a.GeneralLoss <= b.GeneralLoss && a.DomainLoss <= b.DomainLoss
        && (a.GeneralLoss < b.GeneralLoss || a.DomainLoss < b.DomainLoss || a.Index < b.Index);

    static List<long> Definition(List<CandidateResult> all) =>
        [.. all.Where(c => !all.Any(o => !ReferenceEquals(o, c) && Dominates(o, c)))
            .OrderBy(c => c.GeneralLoss).Select(c => c.Index)];

    [Fact]
    public void The_front_is_every_undominated_point_in_order_whatever_the_arrival_order_and_split()
    {
        // few distinct values, so that ties on either loss and equal points are common
        var points = Gen.Select(Gen.Int[0, 12], Gen.Int[0, 12]).List[0, 80];
        Gen.Select(points, Gen.Int[1, 4], Gen.Int).Sample((pairs, workers, seed) =>
        {
            var all = pairs.Select((p, i) => Candidate(i, 3 + p.Item1 / 8.0, 2 + p.Item2 / 8.0)).ToList();
            var shuffled = all.OrderBy(c => HashCode.Combine(seed, c.Index)).ToList();
            var fronts = Enumerable.Range(0, workers).Select(_ => new ParetoFront()).ToArray();
            for (int i = 0; i < shuffled.Count; i++) fronts[i % workers].Offer(shuffled[i]);
            for (int w = 1; w < workers; w++) fronts[0].Merge(fronts[w]);
            var actual = fronts[0].Sorted();
            Assert.Equal(Definition(all), actual.Select(c => c.Index).ToList());
            Assert.Equal(actual.Count, fronts[0].Count);
        }, iter: PropertyRuns.Iterations(2000));
    }

    [Fact]
    public void A_long_front_is_built_without_a_scan_per_offer()
    {
        // 200,000 points all on the front (domain loss falls as general loss rises), offered in
        // a scattered order, then each dominated by a later wave: quadratic insertion would take minutes
        var front = new ParetoFront();
        const int n = 200_000;
        for (long k = 0; k < n; k++)
        {
            long i = k * 7919 % n;
            front.Offer(Candidate(i, 3 + i * 1e-6, 3 - i * 1e-6));
        }
        Assert.Equal(n, front.Count);
        for (long i = 0; i < n; i += 2) front.Offer(Candidate(n + i, 3 + i * 1e-6, 3 - (i + 1) * 1e-6 - 1e-7)); // dominates i and i + 1
        Assert.Equal(n / 2, front.Count);
        var sorted = front.Sorted();
        Assert.True(sorted.Zip(sorted.Skip(1)).All(p => p.First.GeneralLoss < p.Second.GeneralLoss && p.First.DomainLoss > p.Second.DomainLoss));
    }
}
