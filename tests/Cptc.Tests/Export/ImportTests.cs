using System.Globalization;
using System.Text.Json;
using CptLang;
using CsCheck;

namespace Cptc.Tests.Export;

/// <summary>
/// `cptc import`: the .cpt it writes compiles clean, is fmt-clean, has the framework's own LR on
/// every update (by the reference schedulers), and exports back to the settings it came from.
/// </summary>
public class ImportTests
{
    static string Inv(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Imports, then checks the file and the LR of every step against <paramref name="reference"/>.</summary>
    static string ImportExact(string[] args, double[] reference)
    {
        var result = CliRunner.Run(["import", .. args]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("", result.Error);
        var compilation = Compilation.Create(result.Out, "imported.cpt");
        Assert.Empty(compilation.Diagnostics);
        Assert.Equal(result.Out, CptLang.Formatting.Formatter.Format(compilation.SyntaxTree));
        var plan = compilation.Plans.Single();
        Assert.Equal(reference.Length, plan.TotalSteps);
        Assert.True(ExportAssert.MaxRelativeDeviation(plan, 1, reference) <= ExportAssert.Tolerance, result.Out);
        return result.Out;
    }

    static CliResult ExportBack(string cpt, string target)
    {
        using var dir = new TempDirectory();
        var result = ExportAssert.Export(dir, cpt, "--target", target);
        Assert.True(result.ExitCode == 0, result.Error);
        return result;
    }

    /// <summary>Megatron flags by name, numbers compared as numbers.</summary>
    static Dictionary<string, string> Flags(string line)
    {
        var tokens = line.Split(' ');
        return Enumerable.Range(0, tokens.Length / 2).ToDictionary(i => tokens[2 * i], i =>
            double.TryParse(tokens[2 * i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? Inv(v) : tokens[2 * i + 1]);
    }

    static Gen<T> Pick<T>(params T[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);

    [Fact]
    public void HfSettingsRoundTrip()
    {
        var gen = from w in Gen.Int[0, 60] from s in Gen.Int[0, 60] from d in Gen.Int[0, 60] from extra in Pick(0, 0, 7)
                  from warmupType in Pick("linear", "cosine", "1-sqrt") from decayType in Pick("linear", "cosine", "1-sqrt")
                  from m in Pick(0.0, 0.1, 0.25) select (w, s, d, extra, warmupType, decayType, m);
        gen.Where(x => x.s + x.d > 0 && x.d > 0).Sample(x =>
        {
            long maxSteps = x.w + x.s + x.d + 1 + x.extra;
            var settings = new Dictionary<string, string>
            {
                ["learning_rate"] = "0.0003", ["max_steps"] = $"{maxSteps}", ["num_warmup_steps"] = $"{x.w}", ["num_stable_steps"] = $"{x.s}",
                ["num_decay_steps"] = $"{x.d}", ["warmup_type"] = x.warmupType, ["decay_type"] = x.decayType, ["min_lr_ratio"] = Inv(x.m),
            };
            var json = JsonSerializer.SerializeToElement(new
            {
                training_arguments = new
                {
                    learning_rate = 3e-4, max_steps = maxSteps, warmup_steps = x.w,
                    lr_scheduler_kwargs = new { num_stable_steps = x.s, num_decay_steps = x.d, warmup_type = x.warmupType, decay_type = x.decayType, min_lr_ratio = x.m },
                },
                get_wsd_schedule = new { num_warmup_steps = x.w, num_stable_steps = x.s, num_decay_steps = x.d, min_lr_ratio = x.m },
            });
            string cpt = ImportExact(["--from", "hf", .. settings.Select(p => $"{p.Key}={p.Value}")], ReferenceSchedulers.HuggingFace(json));

            var back = JsonDocument.Parse(ExportBack(cpt, "hf").Out).RootElement.GetProperty("stages")[0].GetProperty("training_arguments");
            var kw = back.GetProperty("lr_scheduler_kwargs");
            Assert.Equal((3e-4, maxSteps, (long)x.w), (back.GetProperty("learning_rate").GetDouble(), back.GetProperty("max_steps").GetInt64(), back.GetProperty("warmup_steps").GetInt64()));
            Assert.Equal(((long)x.s, (long)x.d), (kw.GetProperty("num_stable_steps").GetInt64(), kw.GetProperty("num_decay_steps").GetInt64()));
            Assert.Equal(x.decayType, kw.GetProperty("decay_type").GetString());
            if (x.w > 0) Assert.Equal(x.warmupType, kw.GetProperty("warmup_type").GetString());
            Assert.Equal(x.m, kw.GetProperty("min_lr_ratio").GetDouble(), 1e-12);
        }, iter: 60);
    }

    [Fact]
    public void MegatronFlagsRoundTrip()
    {
        var gen = from w in Gen.Int[0, 60] from stable in Gen.Int[0, 60] from d in Gen.Int[1, 60] from tail in Pick(0, 5)
                  from style in Pick("linear", "cosine", "minus_sqrt", "exponential") from init in Pick(0.0, 1e-6)
                  from minLr in Pick(0.0, 3e-5, 1.5e-4) select (w, stable, d, tail, style, init, minLr);
        gen.Sample(x =>
        {
            double minLr = x.style == "exponential" ? 1.5e-4 : x.minLr;    // Megatron's exponential is geometric only to half the peak
            long decayIters = x.w + x.stable + x.d;
            long train = decayIters + 1 + x.tail;
            string flags = $"--lr 0.0003 --min-lr {Inv(minLr)} --lr-warmup-iters {x.w} --lr-warmup-init {Inv(x.w > 0 ? x.init : 0)} --lr-decay-style WSD " +
                           $"--lr-wsd-decay-style {x.style} --lr-wsd-decay-iters {x.d} --lr-decay-iters {decayIters} --train-iters {train}";
            string cpt = ImportExact(["--from", "megatron", "--", .. flags.Split(' ')], ReferenceSchedulers.Megatron(flags));
            string back = ExportBack(cpt, "megatron").Out.Split('\n')[1];
            // the same schedule; a WSD decay straight after the warmup comes back as Megatron's plain style
            ExportAssert.Reproduces(ExportAssert.Plan(cpt), "megatron", ExportBack(cpt, "megatron").Out);
            if (x.stable > 0) Assert.Equal(Flags(flags), Flags(back));
        }, iter: 60);
    }

    [Theory]
    [InlineData("--lr 0.0003 --min-lr 0.0 --lr-warmup-iters 100 --lr-warmup-init 0.0 --lr-decay-style cosine --lr-decay-iters 1000 --train-iters 1001")]
    [InlineData("--lr 0.0003 --min-lr 3e-05 --lr-warmup-iters 0 --lr-warmup-init 0.0 --lr-decay-style linear --lr-decay-iters 500 --train-iters 600")]
    [InlineData("--lr 0.0003 --min-lr 0.0 --lr-warmup-iters 50 --lr-warmup-init 1e-06 --lr-decay-style constant --lr-decay-iters 400 --train-iters 400")]
    public void MegatronPlainStylesRoundTrip(string flags)
    {
        string cpt = ImportExact(["--from", "megatron", "--", .. flags.Split(' ')], ReferenceSchedulers.Megatron(flags));
        Assert.Equal(Flags(flags), Flags(ExportBack(cpt, "megatron").Out.Split('\n')[1]));
    }

    /// <summary>Any flags torchtitan accepts with a linear decay (and every decay type when the run ends at
    /// total_steps + 1) import exactly, and export back to the same LR on every update.</summary>
    [Fact]
    public void TorchtitanFlagsRoundTrip()
    {
        var gen = from n in Gen.Int[20, 400] from w in Gen.Int[0, 10] from ratio in Pick(0.0, 0.1, 0.25, 0.5) from factor in Pick(0.0, 0.1)
                  from type in Pick("linear", "sqrt", "cosine") from full in Gen.Bool select (n, w, ratio, factor, type, full);
        gen.Where(x => x.type == "linear" || x.full).Sample(x =>
        {
            string flags = $"--training.steps {x.n} --optimizer.param-groups.0.optimizer-kwargs.lr 0.0008 --lr_scheduler.warmup_steps {x.w} " +
                           (x.full ? $"--lr_scheduler.total_steps {x.n - 1} " : "") +
                           $"--lr_scheduler.decay_ratio {Inv(x.ratio)} --lr_scheduler.decay_type {x.type} --lr_scheduler.min_lr_factor {Inv(x.factor)}";
            var reference = ReferenceSchedulers.Torchtitan(Pairs(flags));
            string cpt = ImportExact(["--from", "torchtitan", "--", .. flags.Split(' ')], reference);
            var back = ReferenceSchedulers.ReadTorchtitan(ExportBack(cpt, "torchtitan").Out).Single();
            Assert.True(ExportAssert.MaxRelativeDeviation(ExportAssert.Plan(cpt), 1, ReferenceSchedulers.Torchtitan(back)) <= ExportAssert.Tolerance);
        }, iter: 60);
    }

    static Dictionary<string, string> Pairs(string flags)
    {
        var tokens = flags.Split(' ');
        return Enumerable.Range(0, tokens.Length / 2).ToDictionary(i => tokens[2 * i], i => tokens[2 * i + 1]);
    }

    /// <summary>torchtitan's debug model schedule (warmup 2, decay_ratio 0.8 of 10 steps, linear to 0), in
    /// each form a user has it in: a Python config function, a TOML job file with its other sections,
    /// dotted TOML keys, flags with <c>=</c>, and <c>section.key=value</c> pairs.</summary>
    [Theory]
    [InlineData("py", """
        from torchtitan.components.optimizer import default_adamw, LRSchedulersContainer
        from torchtitan.config import TrainingConfig
        from torchtitan.trainer import Trainer

        def my_debug_run() -> Trainer.Config:
            config = Trainer.Config(
                optimizer=default_adamw(lr=8e-4),  # AdamW, one param group
                lr_scheduler=LRSchedulersContainer.Config(
                    warmup_steps=2,
                    decay_ratio=0.8,
                    decay_type="linear",
                    min_lr_factor=0.0,
                ),
                training=TrainingConfig(local_batch_size=8, seq_len=2048, steps=1_000),
            )
            config.training.steps = 10
            return config
        """)]
    [InlineData("toml", """
        # torchtitan job file
        [job]
        dump_folder = "./outputs"
        description = "debug # not a comment"

        [model]
        name = "llama3"
        flavor = "debugmodel"

        [optimizer]
        name = "AdamW"
        lr = 8e-4
        eps = 1e-8

        [lr_scheduler]
        warmup_steps = 2  # 20% of the steps
        decay_ratio = 0.8
        decay_type = "linear"
        min_lr_factor = 0.0

        [training]
        local_batch_size = 8
        seq_len = 2048
        steps = 10

        [checkpoint]
        exclude_from_loading = [
            "dataloader",
            "lr_scheduler",
        ]
        """)]
    [InlineData("toml", """
        training.steps = 10
        optimizer.lr = 0.0008
        lr_scheduler.warmup_steps = 2
        lr_scheduler.decay_ratio = 0.8

        [model]
        name = "llama3"
        """)]
    [InlineData("flags", "--training.steps=10 --optimizer.param-groups.0.optimizer-kwargs.lr=8e-4 --lr-scheduler.warmup-steps 2 --lr_scheduler.decay_ratio=0.8")]
    [InlineData("pairs", "training.steps=10 optimizer.lr=8e-4 lr_scheduler.warmup_steps=2 lr_scheduler.decay_ratio=0.8 lr_scheduler.min_lr_factor=0")]
    public void RealTorchtitanConfigsImport(string form, string text)
    {
        using var dir = new TempDirectory();
        string[] settings = form switch
        {
            "py" or "toml" => [dir.File($"config.{form}", text)],
            _ => text.Split(' '),
        };
        var reference = ReferenceSchedulers.Torchtitan(new Dictionary<string, string>
        {
            ["--training.steps"] = "10", ["--optimizer.param-groups.0.optimizer-kwargs.lr"] = "0.0008",
            ["--lr_scheduler.warmup_steps"] = "2", ["--lr_scheduler.decay_ratio"] = "0.8",
        });
        string cpt = ImportExact(["--from", "torchtitan", "--", .. settings], reference);
        Assert.Contains("warmup 2 steps from 0 to 0.0008 linear\n    stable 1 step at 0.0008\n    decay 7 steps to 0.0001", cpt);
    }

    [Theory]
    [InlineData("--lr_scheduler.decay_type cosine", "cptc: error CPT4211: this torchtitan schedule cannot be written as .cpt phases: its cosine decay reaches min_lr_factor at update total_steps + 1 (101)")]
    [InlineData("--lr_scheduler.total_steps 50", "cptc: error CPT4211: this torchtitan schedule cannot be written as .cpt phases: training.steps (100) runs past total_steps + 1 (51)")]
    [InlineData("--lr_scheduler.min_lr_factor 2", "cptc: error CPT4210: torchtitan setting 'lr_scheduler.min_lr_factor' is 2")]
    [InlineData("--lr_scheduler.lr_minn 0", "cptc: error CPT4210: torchtitan setting 'lr_scheduler.lr_minn' is not one cptc reads")]
    public void TorchtitanSchedulesCptcCannotWriteAreRefused(string extra, string start)
    {
        var result = CliRunner.Run(["import", "--from", "torchtitan", "--", "--training.steps", "100", "--optimizer.param-groups.0.optimizer-kwargs.lr", "3e-4",
            "--lr_scheduler.warmup_steps", "10", "--lr_scheduler.decay_ratio", "0.5", .. extra.Split(' ')]);
        Assert.Equal((2, ""), (result.ExitCode, result.Out));
        Assert.StartsWith(start, result.Error);
    }

    [Fact]
    public void MegatronFlagsWithEqualsSignsImport()
    {
        const string flags = "--lr 0.0003 --min-lr 0.0 --lr-warmup-iters 100 --lr-warmup-init 0.0 --lr-decay-style cosine --lr-decay-iters 1000 --train-iters 1001";
        var withEquals = flags.Split(' ').Chunk(2).Select(p => $"{p[0]}={p[1]}").ToArray();
        ImportExact(["--from", "megatron", "--", .. withEquals], ReferenceSchedulers.Megatron(flags));
    }

    [Fact]
    public void AnHfRunThatEndsOneStepBeforeItsLinearDecayDoesIsStillExact()
    {
        // max_steps = W + S + D: HF's last update is at decay progress (D-1)/D, short of min_lr_ratio
        var json = JsonSerializer.SerializeToElement(new
        {
            training_arguments = new
            {
                learning_rate = 3e-4, max_steps = 100, warmup_steps = 10,
                lr_scheduler_kwargs = new { num_stable_steps = 70, num_decay_steps = 20, warmup_type = "linear", decay_type = "linear", min_lr_ratio = 0.1 },
            },
            get_wsd_schedule = new { num_warmup_steps = 10, num_stable_steps = 70, num_decay_steps = 20, min_lr_ratio = 0.1 },
        });
        string cpt = ImportExact(["--from", "hf", "learning_rate=3e-4", "max_steps=100", "num_warmup_steps=10", "num_decay_steps=20",
            "decay_type=linear", "min_lr_ratio=0.1"], ReferenceSchedulers.HuggingFace(json));
        Assert.Contains("decay 19 steps to", cpt);

        var cut = CliRunner.Run("import", "--from", "hf", "--", "learning_rate=3e-4", "max_steps=100", "num_warmup_steps=10", "num_decay_steps=20", "decay_type=cosine");
        Assert.Equal(2, cut.ExitCode);
        Assert.StartsWith("cptc: error CPT4211: this hf schedule cannot be written as .cpt phases: with num_stable_steps taken from max_steps, the cosine decay stops one update short of its end", cut.Error);
        Assert.Contains("give num_stable_steps=70 and max_steps=101", cut.Error);
    }

    [Theory]
    [InlineData("hf", new[] { "learning_rate=3e-4", "max_steps=100", "num_decay_steps=10", "num_warmup_step=5" }, "cptc: error CPT4210: hf setting 'num_warmup_step' is not one cptc reads")]
    [InlineData("hf", new[] { "learning_rate=3e-4", "max_steps=100" }, "cptc: error CPT4210: hf setting 'num_decay_steps' is missing; give it, e.g. num_decay_steps=1000")]
    [InlineData("hf", new[] { "learning_rate=fast", "max_steps=100", "num_decay_steps=1" }, "cptc: error CPT4210: hf setting 'learning_rate' is 'fast', not a number of 0 or more")]
    [InlineData("hf", new[] { "learning_rate=3e-4", "max_steps=100", "num_decay_steps=10", "decay_type=cosin" }, "cptc: error CPT4210: hf setting 'decay_type' is 'cosin'; did you mean 'cosine'?")]
    [InlineData("hf", new[] { "learning_rate=3e-4", "num_decay_steps=100", "max_steps=50" }, "cptc: error CPT4210: hf setting 'num_stable_steps' would be -50")]
    [InlineData("megatron", new[] { "--lr", "3e-4", "--train-iters", "100", "--lr-decay-style", "WSD", "--lr-wsd-decay-iters", "10" }, "cptc: error CPT4210: megatron setting '--lr-wsd-decay-style' is missing; give it, e.g. --lr-wsd-decay-style linear")]
    [InlineData("megatron", new[] { "--lr", "3e-4", "--train-iters" }, "cptc: error CPT4210: megatron setting '--train-iters' has no value")]
    [InlineData("megatron", new[] { "--lr", "3e-4", "--train-iters", "100", "--lr-decay-style", "inverse-square-root" }, "cptc: error CPT4211: this megatron schedule cannot be written as .cpt phases: its inverse-square-root style")]
    [InlineData("megatron", new[] { "--lr", "3e-4", "--min-lr", "1e-5", "--train-iters", "100", "--lr-decay-style", "WSD", "--lr-wsd-decay-style", "exponential", "--lr-wsd-decay-iters", "10", "--lr-decay-iters", "99" }, "cptc: error CPT4211: this megatron schedule cannot be written as .cpt phases: its exponential WSD decay")]
    [InlineData("megatron", new[] { "--lr", "3e-4", "--train-iters", "100", "--lr-decay-iters", "200", "--lr-decay-style", "cosine" }, "cptc: error CPT4211: this megatron schedule cannot be written as .cpt phases: --train-iters ends the run inside the decay")]
    [InlineData("torchtitan", new[] { "training.steps=100", "optimizer.lr=3e-4", "lr_scheduler.warmup_steps=10", "lr_scheduler.decay_ratio=0.5", "lr_scheduler.decay_type=sqrt" }, "cptc: error CPT4211: this torchtitan schedule cannot be written as .cpt phases: its sqrt decay reaches min_lr_factor")]
    [InlineData("pytorch", new[] { "lr=1" }, "cptc: error CPT4212: unknown framework 'pytorch'; --from takes hf, megatron, torchtitan")]
    [InlineData("hff", new[] { "lr=1" }, "cptc: error CPT4212: unknown framework 'hff'; did you mean 'hf'? --from takes hf, megatron, torchtitan")]
    public void BadSettingsAreOneLineAndExitTwo(string framework, string[] settings, string start)
    {
        var result = CliRunner.Run(["import", "--from", framework, "--", .. settings]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(start, result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void ImportWritesTheFileAtomicallyWithTheGivenNames()
    {
        using var dir = new TempDirectory();
        string path = System.IO.Path.Combine(dir.Path, "wsd.cpt");
        var result = CliRunner.Run("import", "--from", "hf", "--run", "wsd_3e4", "--domain", "web", "-o", path, "--",
            "learning_rate=3e-4", "max_steps=101", "num_warmup_steps=10", "num_decay_steps=20", "decay_type=linear");
        Assert.Equal((0, ""), (result.ExitCode, result.Out));
        var compilation = Compilation.Create(File.ReadAllText(path));
        Assert.Equal("wsd_3e4", compilation.Plans.Single().Run);
        Assert.Equal("web", compilation.Plans.Single().Stages.Single().Domain);
        Assert.Equal(101, compilation.Plans.Single().TotalSteps);

        var bad = CliRunner.Run("import", "--from", "hf", "-o", System.IO.Path.Combine(dir.Path, "no", "x.cpt"), "--", "learning_rate=3e-4", "max_steps=10", "num_decay_steps=1");
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("cptc: error CPT4002", bad.Error);
        Assert.Equal(["wsd.cpt"], dir.Files());
    }

    static readonly string[] HfSettings = ["learning_rate=3e-4", "max_steps=101", "num_warmup_steps=10", "num_decay_steps=20", "decay_type=linear"];

    /// <summary>Names are the lexer's identifiers that are not keywords (SyntaxFacts.IsValidName).</summary>
    [Theory]
    [InlineData("--run", "run")]
    [InlineData("--domain", "train")]
    [InlineData("--run", "9bad")]
    [InlineData("--run", "a-")]
    [InlineData("--domain", "a b")]
    [InlineData("--domain", "1-sqrt")]
    public void NamesThatAreNotCptNamesAreCpt4213(string option, string name)
    {
        var result = CliRunner.Run(["import", "--from", "hf", option, name, "--", .. HfSettings]);
        Assert.Equal((2, ""), (result.ExitCode, result.Out));
        Assert.Equal($"cptc: error CPT4213: {option} '{name}' is not a .cpt name; a letter or _, then letters, digits, _ and inner hyphens (knowledge-pile), and not a keyword such as run\n",
            result.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void HyphenatedNamesAreAccepted()
    {
        var result = CliRunner.Run(["import", "--from", "hf", "--run", "wsd-3e4", "--domain", "knowledge-pile", "--", .. HfSettings]);
        Assert.True(result.ExitCode == 0, result.Error);
        var plan = Compilation.Create(result.Out).Plans.Single();
        Assert.Equal(("wsd-3e4", "knowledge-pile"), (plan.Run, plan.Stages.Single().Domain));
    }
}

/// <summary>Import messages and numbers a user can act on (found by feeding cptc junk settings).</summary>
public class ImportMessageTests
{
    [Fact]
    public void Computed_learning_rates_are_written_without_rounding_noise()
    {
        var result = CliRunner.Run("import", "--from", "torchtitan", "--", "--training.steps=1000", "--optimizer.lr=8e-4",
            "--lr_scheduler.warmup_steps=100", "--lr_scheduler.decay_ratio=0.2", "--lr_scheduler.min_lr_factor=0.1");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("decay 199 steps to 8.36e-05 linear", result.Out);
        Assert.DoesNotContain("99999", result.Out);
    }

    [Fact]
    public void A_cosine_decay_cut_by_max_steps_names_both_settings_and_the_advice_works()
    {
        var cut = CliRunner.Run("import", "--from", "hf", "--", "learning_rate=3e-4", "max_steps=102", "num_decay_steps=10");
        Assert.Equal(2, cut.ExitCode);
        Assert.Contains("give num_stable_steps=92 and max_steps=103", cut.Error);
        var fixedUp = CliRunner.Run("import", "--from", "hf", "--", "learning_rate=3e-4", "max_steps=103", "num_decay_steps=10", "num_stable_steps=92");
        Assert.True(fixedUp.ExitCode == 0, fixedUp.Error);
        Assert.Contains("decay 10 steps to 0 cosine", fixedUp.Out);
    }

    [Fact]
    public void A_learning_rate_no_training_uses_is_refused_with_a_reason()
    {
        var result = CliRunner.Run("import", "--from", "hf", "--", "learning_rate=1e-320", "max_steps=103", "num_decay_steps=10", "num_stable_steps=92");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error CPT4210", result.Error);
        Assert.Contains("1e-320, below 1e-30", result.Error);
        Assert.DoesNotContain("differ from it by 0", result.Error);
    }

    [Fact]
    public void A_broken_toml_header_is_named_with_its_line_and_examples_have_values_of_their_kind()
    {
        using var dir = new TempDirectory();
        var broken = CliRunner.Run("import", "--from", "torchtitan", dir.File("job.toml", "[training\nsteps = 100\n"));
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("'[training' on line 1, which is not a TOML section header", broken.Error);
        var missing = CliRunner.Run("import", "--from", "torchtitan", "--", "--training.steps=1000", "--lr_scheduler.warmup_steps=100");
        Assert.Contains("e.g. optimizer.lr=3e-4", missing.Error);
        Assert.DoesNotContain("=1000", missing.Error);
    }
}
