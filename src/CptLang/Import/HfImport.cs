using CptLang.Export.Frameworks;
using CptLang.Binding;
using CptLang.Laws.Schedules;
using CptLang.Syntax;

namespace CptLang.Import;

/// <summary>
/// <c>get_wsd_schedule</c> arguments → phases, the inverse of <see cref="HfMapping"/>: HF's first
/// update is at the warmup's start (<c>min_lr_ratio × lr</c>), so a warmup becomes
/// <c>stable 1 step at it</c> + <c>warmup W steps</c>; the first decay update is still at the peak and
/// joins the stable phase; after the decay HF holds <c>min_lr_ratio × lr</c>.
/// </summary>
internal static class HfImport
{
    public static readonly string[] Known = ["learning_rate", "max_steps", "num_training_steps", "num_warmup_steps", "warmup_steps",
        "num_stable_steps", "num_decay_steps", "warmup_type", "decay_type", "min_lr_ratio", "num_cycles"];

    public static ImportedSchedule? Read(SettingBag s)
    {
        double lr = s.Real("learning_rate");
        long w = s.Count(0, "num_warmup_steps", "warmup_steps");
        long d = s.Count(null, "num_decay_steps");
        long? total = s.Has("max_steps", "num_training_steps") ? s.Count(null, "max_steps", "num_training_steps") : null;
        if (total is null && !s.Has("num_stable_steps"))
            return s.Problem("needs 'max_steps' or 'num_stable_steps'", "give max_steps (the Trainer's) or num_stable_steps, as get_wsd_schedule does");
        long stable = s.Count(total is { } given ? given - w - d : null, "num_stable_steps");
        string warmupType = s.Choice("warmup_type", "linear", HfWsdSchedule.WarmupTypes);
        string decayType = s.Choice("decay_type", "cosine", HfWsdSchedule.DecayTypes);
        double m = s.Real("min_lr_ratio", 0);
        if (s.Text("num_cycles") is { } cycles && cycles != "0.5")
            return s.Problem($"'num_cycles' is {cycles}", "cptc's cosine is half a wave (num_cycles=0.5)");
        s.RejectUnread(Known);
        if (s.Failed) return null;
        if (stable < 0) return s.Problem($"'num_stable_steps' would be {stable}", "max_steps must cover the warmup and the decay");
        if (m > 1) return s.Problem($"'min_lr_ratio' is {m}", "a ratio of learning_rate, between 0 and 1");
        long t = total ?? w + stable + d + (d > 0 ? 1 : 0);
        if (t == 0) return s.Problem("'max_steps' is 0", "a run has at least one step");

        // max_steps without num_stable_steps makes HF end one update short of the decay's end
        // (progress (d−1)/d), and only a linear decay can be cut there; the fix is to give both
        if (total is not null && !s.Has("num_stable_steps") && d > 0 && decayType != "linear" && w + stable + d + 1 > t)
            return s.NotExpressible($"with num_stable_steps taken from max_steps, the {decayType} decay stops one update short of its end, and .cpt decays always reach theirs",
                $"give num_stable_steps={stable} and max_steps={t + 1}, so that the decay ends on the last update");
        var plan = new PhasePlan(s);
        double floor = m * lr;
        if (w > 0)
        {
            plan.Lead(floor);
            plan.Warmup(w, floor, lr, Shapes.ForWarmup(warmupType));
            if (stable == 0 && d == 0)
                return s.NotExpressible("it falls to min_lr_ratio right as the warmup ends", "give num_stable_steps or num_decay_steps");
        }
        // the stable steps at the peak, counting the decay's first update (at progress 0)
        plan.Stable((w > 0 ? stable - 1 : stable) + (d > 0 ? 1 : 0), lr);
        if (d > 0) plan.Decay(d, lr, floor, Shapes.ForDecay(decayType));
        var phases = plan.For(t, d > 0 ? floor : lr, floor, "max_steps");
        if (phases is null) return null;
        return new ImportedSchedule(lr, phases, new HfWsdSchedule(lr, w, stable, d, warmupType, decayType, m, t).LearningRateAt, t,
            $"learning_rate={NumberLiteral.Format(lr)} max_steps={t} num_warmup_steps={w} num_stable_steps={stable} num_decay_steps={d} warmup_type={warmupType} decay_type={decayType} min_lr_ratio={NumberLiteral.Format(m)}");
    }
}
