using CptLang.Diagnostics;
using CptLang.Export.Frameworks;
using CptLang.Binding;
using CptLang.Laws.Schedules;
using CptLang.Syntax;

namespace CptLang.Import;

/// <summary>
/// torchtitan's <c>[lr_scheduler]</c> → phases, the inverse of <see cref="TorchtitanMapping"/>: its
/// warmup is cptc's <c>warmup W+1 steps</c> from 0; its decay runs progress <c>j/(D+1)</c> and stops
/// one step short of <c>lr_min</c>, which only a linear decay can write (ending at
/// <c>lr·(lr_min + (1 − lr_min)/(D+1))</c>).
/// </summary>
internal static class TorchtitanImport
{
    public static readonly string[] Known = ["training.steps", "optimizer.lr", "lr_scheduler.warmup_steps", "lr_scheduler.decay_ratio",
        "lr_scheduler.decay_type", "lr_scheduler.lr_min"];

    public static ImportedSchedule? Read(SettingBag s)
    {
        long n = s.Count(null, "training.steps");
        double lr = s.Real("optimizer.lr");
        long w = s.Count(null, "lr_scheduler.warmup_steps");
        double? ratio = s.Has("lr_scheduler.decay_ratio") ? s.Real("lr_scheduler.decay_ratio") : null;
        string type = s.Choice("lr_scheduler.decay_type", "linear", TorchtitanSchedule.DecayTypes);
        double lrMin = s.Real("lr_scheduler.lr_min", 0);
        s.RejectUnread(Known);
        if (s.Failed) return null;
        if (n == 0) return s.Problem("'training.steps' is 0", "a run has at least one step");
        if (w > n) return s.Problem($"'lr_scheduler.warmup_steps' ({w}) is above 'training.steps' ({n})", "the warmup must fit in the run");
        if (lrMin > 1) return s.Problem($"'lr_scheduler.lr_min' is {lrMin}", "lr_min is a ratio of lr, between 0 and 1");

        var schedule = new TorchtitanSchedule(lr, n, w, ratio, type, lrMin);
        long d = schedule.DecaySteps, stable = schedule.StableSteps;
        var plan = new PhasePlan(s);
        if (w > 0)
        {
            if (stable == 0)
                return s.NotExpressible("its warmup runs straight into the decay, whose first step is below the warmup's end", "leave at least one stable step (a smaller decay_ratio)");
            plan.Warmup(w + 1, 0, lr, Shape.Linear);
        }
        plan.Stable(w > 0 ? stable - 1 : stable, lr);
        double last = lr;
        if (d > 0)
        {
            if (type != "linear")
                return s.NotExpressible($"its {type} decay runs progress j/(D+1) and never reaches lr_min, while a .cpt decay always ends at its target",
                    "import a linear decay, or keep this run's LRs as a table (cptc export --target csv of a close .cpt)");
            last = lr * (lrMin + (1 - lrMin) / (d + 1));
            plan.Decay(d, lr, last, Shape.Linear);
        }
        var phases = plan.For(n, last, last, "training.steps");
        if (phases is null) return null;
        return new ImportedSchedule(lr, phases, schedule.LearningRateAt, n,
            $"training.steps={n} optimizer.lr={NumberLiteral.Format(lr)} lr_scheduler.warmup_steps={w} lr_scheduler.decay_ratio={(ratio is { } r ? NumberLiteral.Format(r) : "none")} lr_scheduler.decay_type={type} lr_scheduler.lr_min={NumberLiteral.Format(lrMin)}");
    }
}
