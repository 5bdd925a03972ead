using System.Globalization;
using System.Text;
using CptLang;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;

namespace CptExample;

/// <summary>
/// The training logs of examples/cpt-from-logs, computed from a known CPT law (docs/laws.md §3,
/// form eq4) with seeded noise, in the form a training loop writes them: <c>step,lr,loss_general,loss_domain</c>,
/// a validation row every 50 steps plus a few right after the switch, and every CPT log
/// starting with the pre-training rows up to its checkpoint. Deterministic: the same runs.cpt
/// gives the same bytes (tests/Cptc.Tests/CptFromLogsExampleTests.cs checks the committed logs).
/// </summary>
public static class LogGenerator
{
    /// <summary>The runs that have logs: the pre-training run first, whose rows the others share.</summary>
    public static readonly string[] LoggedRuns = ["pretrain", "cpt_a", "cpt_b", "cpt_c", "cpt_d", "cpt_e"];

    /// <summary>The "true" laws: the paper's Fig. 3 pair (examples/paper-fineweb-to-knowledge-pile.cpt),
    /// perturbed by a few percent. `cptc fit` should find them again from the logs.</summary>
    public const string TrueLaws = """
        law web {
          L0 = 2.95   A = 0.52    alpha = 0.48
          C1 = 0.31   C2 = 0.29
          B = 0.34    E = 35      beta = 0.2
        }
        law code {
          L0 = 2.88   A = 0.43    alpha = 0.64
          C1 = 0.27   C2 = 0.33
          B = -0.62   E = 4800    beta = 0.15
        }
        """;

    /// <summary>Relative noise on each logged loss: white (Gaussian on ln loss) and a slowly
    /// varying part (AR(1) over the log's rows, correlation 0.95 per row), per validation set.</summary>
    public const double WhiteNoise = 0.005, SlowNoise = 0.002;

    public const int Every = 50, Seed = 2505;

    /// <summary>Each logged run's CSV text by run name, computed from <paramref name="runsCpt"/>
    /// (the text of runs.cpt; any law blocks in it are ignored).</summary>
    public static SortedDictionary<string, string> Generate(string runsCpt)
    {
        var runs = Compilation.Create(runsCpt, "runs.cpt");
        var truth = Compilation.Create(TrueLaws, "true-laws.cpt");
        if (runs.HasErrors || truth.HasErrors) throw new InvalidOperationException("runs.cpt or the true laws have errors");
        var plans = runs.Plans.ToDictionary(p => p.Run);
        var pretrain = Rows(plans[LoggedRuns[0]], truth.Laws, [], new Random(Seed));
        var logs = new SortedDictionary<string, string>(StringComparer.Ordinal) { [LoggedRuns[0]] = Csv(pretrain) };
        for (int r = 1; r < LoggedRuns.Length; r++)
        {
            var plan = plans[LoggedRuns[r]];
            long checkpoint = plan.SwitchStep ?? throw new InvalidOperationException($"{plan.Run} has no switch");
            // the resumed run's log holds the pre-training rows up to its checkpoint, unchanged
            var shared = pretrain.Where(row => row.Step <= checkpoint).ToList();
            foreach (var row in shared)
                if (Math.Abs(plan.LearningRate(row.Step) - row.Lr) > 1e-12)
                    throw new InvalidOperationException($"{plan.Run} does not share the pre-training schedule at step {row.Step}");
            logs[plan.Run] = Csv(Rows(plan, truth.Laws, shared, new Random(Seed + r)));
        }
        return logs;
    }

    /// <summary>Writes every log to <paramref name="directory"/> as RUN.csv.</summary>
    public static void Write(string runsCpt, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var (run, csv) in Generate(runsCpt))
            File.WriteAllText(Path.Combine(directory, run + ".csv"), csv, new UTF8Encoding(false));
    }

    sealed record Row(long Step, double Lr, double General, double Domain);

    /// <summary><paramref name="shared"/>, then a row at every logged step after them.</summary>
    static List<Row> Rows(EvaluationPlan plan, IReadOnlyList<LawDefinition> laws, List<Row> shared, Random random)
    {
        var predictor = new LossPredictor(plan, laws);
        int general = predictor.IndexOf("web"), domain = predictor.IndexOf("code");
        long start = shared.Count > 0 ? shared[^1].Step : 0;
        var steps = new SortedSet<long>();
        for (long s = Every; s <= plan.TotalSteps; s += Every) steps.Add(s);
        steps.Add(plan.TotalSteps);
        if (plan.SwitchStep is { } sw)
            foreach (long after in new long[] { 1, 10, 25 }) steps.Add(sw + after); // evaluated right after resuming
        var rows = new List<Row>(shared);
        double slowGeneral = 0, slowDomain = 0;
        foreach (long step in steps.Where(s => s > start))
        {
            slowGeneral = 0.95 * slowGeneral + Math.Sqrt(1 - 0.95 * 0.95) * Gaussian(random);
            slowDomain = 0.95 * slowDomain + Math.Sqrt(1 - 0.95 * 0.95) * Gaussian(random);
            double g = predictor.LossAt(general, step).Value * Math.Exp(WhiteNoise * Gaussian(random) + SlowNoise * slowGeneral);
            double d = predictor.LossAt(domain, step).Value * Math.Exp(WhiteNoise * Gaussian(random) + SlowNoise * slowDomain);
            rows.Add(new Row(step, plan.LearningRate(step), g, d));
        }
        return rows;
    }

    static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Six decimals for the losses, six significant digits for the LR, as loggers print them.</summary>
    static string Csv(List<Row> rows)
    {
        var text = new StringBuilder("step,lr,loss_general,loss_domain\n");
        foreach (var row in rows)
            text.Append(CultureInfo.InvariantCulture, $"{row.Step},{row.Lr.ToString("G6", CultureInfo.InvariantCulture).Replace('E', 'e')},{row.General:F6},{row.Domain:F6}\n");
        return text.ToString();
    }
}
