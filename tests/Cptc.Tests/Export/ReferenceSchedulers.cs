using System.Globalization;
using System.Text.Json;

namespace Cptc.Tests.Export;

/// <summary>
/// The three frameworks' schedulers, re-implemented here from their published Python source and
/// independently of src/CptLang/Export, driven the way the frameworks drive them: a
/// <c>torch.optim.lr_scheduler.LambdaLR</c> computes the LR for <c>last_epoch = 0</c> on
/// construction and after each <c>scheduler.step()</c>; Megatron's <c>OptimizerParamScheduler</c>
/// calls <c>step(0)</c> on construction and <c>step(increment)</c> after each update. Each reads the
/// exported text (JSON, command-line flags, TOML), so the tests check what a user would paste.
/// The result is the LR each optimizer update uses, update 1 first.
/// </summary>
internal static class ReferenceSchedulers
{
    static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);
    static long L(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>LambdaLR: update k (1-based) runs with base_lr·λ(k − 1).</summary>
    static double[] LambdaLr(double baseLr, long updates, Func<long, double> lambda)
    {
        var used = new double[updates];
        long lastEpoch = 0;                          // set by the constructor's initial step()
        for (long k = 0; k < updates; k++)
        {
            used[k] = baseLr * lambda(lastEpoch);    // optimizer.step() with the current group lr
            lastEpoch++;                             // scheduler.step()
        }
        return used;
    }

    /// <summary>transformers.optimization._get_wsd_scheduler_lambda (num_cycles = 0.5).</summary>
    public static double[] HuggingFace(JsonElement stage)
    {
        var args = stage.GetProperty("training_arguments");
        var kw = args.GetProperty("lr_scheduler_kwargs");
        long warmup = args.GetProperty("warmup_steps").GetInt64();
        long stable = kw.GetProperty("num_stable_steps").GetInt64();
        long decay = kw.GetProperty("num_decay_steps").GetInt64();
        string warmupType = kw.GetProperty("warmup_type").GetString()!;
        string decayType = kw.GetProperty("decay_type").GetString()!;
        double minRatio = kw.GetProperty("min_lr_ratio").GetDouble();
        // the direct get_wsd_schedule arguments must say the same as the Trainer's
        var direct = stage.GetProperty("get_wsd_schedule");
        Assert.Equal(warmup, direct.GetProperty("num_warmup_steps").GetInt64());
        Assert.Equal(stable, direct.GetProperty("num_stable_steps").GetInt64());
        Assert.Equal(decay, direct.GetProperty("num_decay_steps").GetInt64());
        Assert.Equal(minRatio, direct.GetProperty("min_lr_ratio").GetDouble());

        double Lambda(long step)
        {
            if (step < warmup)
            {
                double p = step / (double)Math.Max(1, warmup);
                double f = warmupType == "linear" ? p : warmupType == "cosine" ? 0.5 * (1.0 - Math.Cos(Math.PI * p)) : 1.0 - Math.Sqrt(1.0 - p);
                return Math.Max(0.0, f * (1.0 - minRatio) + minRatio);
            }
            if (step < warmup + stable) return 1.0;
            if (step < warmup + stable + decay)
            {
                double p = (step - warmup - stable) / (double)Math.Max(1, decay);
                double f = decayType == "linear" ? 1.0 - p : decayType == "cosine" ? 0.5 * (1.0 + Math.Cos(Math.PI * 0.5 * 2.0 * p)) : 1.0 - Math.Sqrt(p);
                return Math.Max(0.0, f * (1.0 - minRatio) + minRatio);
            }
            return minRatio;
        }
        return LambdaLr(args.GetProperty("learning_rate").GetDouble(), args.GetProperty("max_steps").GetInt64(), Lambda);
    }

    /// <summary>Megatron-LM OptimizerParamScheduler.get_lr, counting samples as Megatron does
    /// (iterations × global batch size), which must not change a single LR.</summary>
    public static double[] Megatron(string flagLine, long globalBatchSize = 512)
    {
        var tokens = flagLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var flags = new Dictionary<string, string>();
        for (int i = 0; i < tokens.Length; i += 2) flags.Add(tokens[i], tokens[i + 1]);
        double maxLr = D(flags["--lr"]), minLr = D(flags["--min-lr"]), initLr = D(flags["--lr-warmup-init"]);
        long warmupSteps = L(flags["--lr-warmup-iters"]) * globalBatchSize;
        long decaySteps = L(flags["--lr-decay-iters"]) * globalBatchSize;
        string style = flags["--lr-decay-style"];
        long wsdSteps = flags.TryGetValue("--lr-wsd-decay-iters", out var w) ? L(w) * globalBatchSize : 0;
        string? wsdStyle = flags.GetValueOrDefault("--lr-wsd-decay-style");
        long trainIters = L(flags["--train-iters"]);
        Assert.True(warmupSteps < decaySteps, "Megatron asserts lr_warmup_steps < lr_decay_steps");
        Assert.True(initLr <= maxLr && minLr <= maxLr && minLr >= 0);

        double GetLr(long numSteps)
        {
            if (warmupSteps > 0 && numSteps <= warmupSteps)
                return initLr + (maxLr - initLr) * (double)numSteps / warmupSteps;
            if (style == "constant") return maxLr;
            if (numSteps > decaySteps) return minLr;
            double ratio = (double)(numSteps - warmupSteps) / (decaySteps - warmupSteps);
            Assert.InRange(ratio, 0.0, 1.0);
            double coeff;
            if (style == "linear") coeff = 1.0 - ratio;
            else if (style == "cosine") coeff = 0.5 * (Math.Cos(Math.PI * ratio) + 1.0);
            else
            {
                Assert.Equal("WSD", style);
                long annealStart = decaySteps - wsdSteps;
                if (numSteps <= annealStart) coeff = 1.0;
                else
                {
                    double r = (double)(numSteps - annealStart) / wsdSteps;
                    coeff = wsdStyle switch
                    {
                        "linear" => 1.0 - r,
                        "cosine" => 0.5 * (Math.Cos(Math.PI * r) + 1.0),
                        "exponential" => 2.0 * Math.Pow(0.5, r) - 1.0,
                        "minus_sqrt" => 1.0 - Math.Sqrt(r),
                        _ => throw new InvalidOperationException(wsdStyle),
                    };
                }
            }
            return minLr + coeff * (maxLr - minLr);
        }

        var used = new double[trainIters];
        long steps = 0;
        double lr = GetLr(steps);                    // __init__: self.step(0)
        for (long k = 0; k < trainIters; k++)
        {
            used[k] = lr;                            // optimizer.step()
            steps += globalBatchSize;                // opt_param_scheduler.step(increment)
            lr = GetLr(steps);
        }
        return used;
    }

    /// <summary>torchtitan build_lr_schedulers + linear_warmup_stable_decay, from its TOML.</summary>
    public static double[] Torchtitan(IReadOnlyDictionary<string, string> toml)
    {
        long trainingSteps = L(toml["training.steps"]);
        long warmup = L(toml["lr_scheduler.warmup_steps"]);
        double ratio = D(toml["lr_scheduler.decay_ratio"]);
        long decay = (long)Math.Round(trainingSteps * ratio, MidpointRounding.ToEven);   // Python's round()
        if (warmup + decay > trainingSteps) decay = trainingSteps - warmup;
        long stable = trainingSteps - warmup - decay;
        string type = toml["lr_scheduler.decay_type"].Trim('"');
        double lrMin = D(toml["lr_scheduler.lr_min"]);

        double Lambda(long current)
        {
            long warmupStable = warmup + stable;
            if (current < warmup) return (current + 1) / (double)(warmup + 1);
            if (current < warmupStable) return 1.0;
            double progress = (current + 1 - warmupStable) / (double)(decay + 1);
            double adj = type switch
            {
                "linear" => 1 - progress,
                "sqrt" => 1 - Math.Sqrt(progress),
                "cosine" => 0.5 * (1.0 + Math.Cos(Math.PI * progress)),
                _ => throw new InvalidOperationException(type),
            };
            return lrMin + (1 - lrMin) * adj;
        }
        return LambdaLr(D(toml["optimizer.lr"]), trainingSteps, Lambda);
    }

    /// <summary>The TOML documents of the torchtitan target: <c>section.key → value</c> per document
    /// (a document starts at each comment line that introduces a stage).</summary>
    public static List<Dictionary<string, string>> ReadToml(string text)
    {
        var documents = new List<Dictionary<string, string>>();
        string section = "";
        foreach (var raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith("# cptc export:", StringComparison.Ordinal)) { documents.Add([]); continue; }
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('[')) { section = line.Trim('[', ']'); continue; }
            int eq = line.IndexOf('=');
            documents[^1].Add($"{section}.{line[..eq].Trim()}", line[(eq + 1)..].Trim());
        }
        return documents;
    }
}
