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

    /// <summary>
    /// transformers' <c>_get_wsd_scheduler_lambda</c> (src/transformers/optimization.py, as stored at
    /// commit 005edacb6b5dabbf0843e92c6623de9e07ca6241; num_cycles = 0.5) in a <c>LambdaLR</c>. The
    /// Trainer's training loop (src/transformers/trainer.py) calls <c>lr_scheduler.step()</c> after each
    /// optimizer step that ran, so update k runs with the lambda of k − 1 (<see cref="LambdaLr"/>).
    /// </summary>
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

    /// <summary>
    /// Megatron-LM's <c>OptimizerParamScheduler.get_lr</c> (megatron/core/optimizer_param_scheduler.py
    /// at commit d98e8a64ddf34856e74b24714e3bedb2f5a39553, 2026-08-22), driven as
    /// megatron/training/training.py (same commit) drives it: <c>get_optimizer_param_scheduler</c>
    /// turns the iteration flags into samples (× global batch size), the constructor calls
    /// <c>step(0)</c>, and <c>train_step</c> calls <c>step(increment)</c> after each successful update with
    /// <c>increment</c> = the global batch size. Counting samples must not change a single LR.
    /// </summary>
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

    /// <summary>
    /// torchtitan's <c>LRSchedulersContainer.Config.build</c> and <c>linear_warmup_stable_decay</c>,
    /// line by line as in torchtitan/components/optimizer/lr_scheduler.py at commit
    /// b5bcd76c66d0acb1a08b176d9639425bc55e0b2a (2026-08-21; the lambda is the same in v0.1.0 …
    /// v0.2.2), read from the exported flags. Its training loop (torchtitan/trainer.py, same commit,
    /// <c>train_step</c>) calls <c>self.optimizers.step()</c> and then <c>self.lr_schedulers.step()</c>,
    /// so update k runs with the lambda of k − 1 (<see cref="LambdaLr"/>).
    /// </summary>
    public static double[] Torchtitan(IReadOnlyDictionary<string, string> flags)
    {
        long trainingSteps = L(flags["--training.steps"]);
        long? configTotal = flags.TryGetValue("--lr_scheduler.total_steps", out var t) ? L(t) : null;
        double? decayRatio = flags.TryGetValue("--lr_scheduler.decay_ratio", out var r) ? D(r) : null;
        string lrDecayType = flags.GetValueOrDefault("--lr_scheduler.decay_type", "linear");
        double minLrFactor = flags.TryGetValue("--lr_scheduler.min_lr_factor", out var m) ? D(m) : 0.0;

        long totalSteps = configTotal ?? trainingSteps;
        long warmupSteps = L(flags["--lr_scheduler.warmup_steps"]);
        if (warmupSteps > totalSteps) warmupSteps = totalSteps;
        long decaySteps;
        if (decayRatio is { } ratio)
        {
            decaySteps = (long)Math.Round(totalSteps * ratio, MidpointRounding.ToEven);   // Python's round()
            if (warmupSteps + decaySteps > totalSteps) decaySteps = totalSteps - warmupSteps;
        }
        else decaySteps = totalSteps - warmupSteps;
        long stableSteps = totalSteps + 1 - warmupSteps - decaySteps;

        double Lambda(long currentStep)
        {
            long warmupStableSteps = warmupSteps + stableSteps;
            double currAdjustment;
            if (currentStep < warmupSteps)
            {
                currentStep += 1;
                Assert.True(warmupSteps != 0);
                currAdjustment = (double)currentStep / warmupSteps;
            }
            else if (currentStep < warmupStableSteps) currAdjustment = 1.0;
            else
            {
                currentStep += 1;
                Assert.True(decaySteps != 0, "torchtitan asserts decay_steps != 0");
                double progress = (double)(currentStep - warmupStableSteps) / decaySteps;
                currAdjustment = lrDecayType switch
                {
                    "linear" => 1 - progress,
                    "sqrt" => 1 - Math.Sqrt(progress),
                    "cosine" => 0.5 * (1.0 + Math.Cos(Math.PI * progress)),
                    _ => throw new InvalidOperationException(lrDecayType),
                };
                currAdjustment = minLrFactor + (1 - minLrFactor) * currAdjustment;
            }
            return currAdjustment;
        }
        return LambdaLr(D(flags["--optimizer.param-groups.0.optimizer-kwargs.lr"]), trainingSteps, Lambda);
    }

    /// <summary>The torchtitan target's stages: each stage's flags (the line after its comment line),
    /// checked to say the same as the Python assignments that follow them.</summary>
    public static List<Dictionary<string, string>> ReadTorchtitan(string text)
    {
        var stages = new List<Dictionary<string, string>>();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("# cptc export:", StringComparison.Ordinal)) continue;
            var tokens = lines[i + 1].Split(' ');
            var flags = Enumerable.Range(0, tokens.Length / 2).ToDictionary(j => tokens[2 * j], j => tokens[2 * j + 1]);
            var python = lines.Skip(i + 3).TakeWhile(l => l.StartsWith("config.", StringComparison.Ordinal))
                .Select(l => l["config.".Length..].Split(" = ")).ToDictionary(p => p[0], p => p[1].Trim('"'));
            Assert.Equal(flags["--training.steps"], python["training.steps"]);
            Assert.Equal(flags["--optimizer.param-groups.0.optimizer-kwargs.lr"], python["optimizer.param_groups[0].optimizer_kwargs[\"lr\"]"]);
            foreach (var (flag, value) in flags.Where(f => f.Key.StartsWith("--lr_scheduler.", StringComparison.Ordinal)))
                Assert.Equal(value, python[flag[2..]]);
            stages.Add(flags);
        }
        return stages;
    }
}
