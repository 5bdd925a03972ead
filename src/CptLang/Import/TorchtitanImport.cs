using CptLang.Binding;
using CptLang.Export.Frameworks;
using CptLang.Laws.Schedules;
using CptLang.Syntax;

namespace CptLang.Import;

/// <summary>
/// torchtitan's settings → phases, the inverse of <see cref="TorchtitanMapping"/> (the formula:
/// <see cref="TorchtitanSchedule"/>): <c>warmup W steps</c> from 0, the peak for <c>S</c> updates,
/// then the decay at progress <c>j/D</c>, which reaches <c>min_lr_factor</c> at update
/// <c>total_steps + 1</c>. A run that stops before it ends inside the decay (exact only for a linear
/// decay, cut where it stops); a run that goes past it has progress beyond 1, which no phase has.
/// </summary>
internal static class TorchtitanImport
{
    public static readonly string[] Known = ["training.steps", "optimizer.lr", "lr_scheduler.warmup_steps", "lr_scheduler.total_steps",
        "lr_scheduler.decay_ratio", "lr_scheduler.decay_type", "lr_scheduler.min_lr_factor"];

    public static ImportedSchedule? Read(SettingBag s)
    {
        long n = s.Count(null, "training.steps");
        double lr = s.Real("optimizer.lr");
        long w = s.Count(null, "lr_scheduler.warmup_steps");
        long? total = s.Has("lr_scheduler.total_steps") ? s.Count(null, "lr_scheduler.total_steps") : null;
        double? ratio = s.Has("lr_scheduler.decay_ratio") ? s.Real("lr_scheduler.decay_ratio") : null;
        string type = s.Choice("lr_scheduler.decay_type", "linear", TorchtitanSchedule.DecayTypes);
        // v0.1.0 called min_lr_factor lr_min (881f0ca46), with the same meaning
        double factor = s.Real(s.Has("lr_scheduler.lr_min") ? "lr_scheduler.lr_min" : "lr_scheduler.min_lr_factor", 0);
        s.RejectUnread(Known);
        if (s.Failed) return null;
        if (n == 0) return s.Problem("'training.steps' is 0", "a run has at least one step");
        if (total == 0) return s.Problem("'lr_scheduler.total_steps' is 0", "leave it out (it is training.steps), or give the schedule's length");
        if (factor > 1) return s.Problem($"'lr_scheduler.min_lr_factor' is {NumberLiteral.Format(factor)}", "min_lr_factor is a ratio of the LR, between 0 and 1");

        var schedule = new TorchtitanSchedule(lr, n, total, w, ratio, type, factor);
        long t = schedule.Total, warmup = schedule.Warmup, d = schedule.DecaySteps, stable = schedule.StableSteps;
        if (n > t + 1 && d == 0)
            return s.Problem($"'training.steps' ({n}) is above total_steps + 1 ({t + 1}) with no decay steps", "torchtitan asserts decay_steps != 0 when the run outlasts its schedule; give training.steps ≤ total_steps + 1");
        if (n > t + 1)
            return s.NotExpressible($"training.steps ({n}) runs past total_steps + 1 ({t + 1}), where the decay's progress goes beyond 1 (below min_lr_factor, or back up for cosine)",
                $"give lr_scheduler.total_steps as {n - 1} or more");
        if (d > 0 && n <= t && type != "linear")
            return s.NotExpressible($"its {type} decay reaches min_lr_factor at update total_steps + 1 ({t + 1}), after the run's last update, and a .cpt decay always runs to its end",
                $"give lr_scheduler.total_steps as {n - 1} (training.steps − 1), or import a linear decay");

        var plan = new PhasePlan(s);
        if (warmup > 0) plan.Warmup(warmup, 0, lr, Shape.Linear);
        plan.Stable(stable, lr);
        double end = lr * factor;
        if (d > 0) plan.Decay(d, lr, end, Shapes.ForDecay(type == "sqrt" ? "1-sqrt" : type));
        var phases = plan.For(n, d > 0 ? end : lr, d > 0 ? end : lr, "training.steps");
        if (phases is null) return null;
        return new ImportedSchedule(lr, phases, schedule.LearningRateAt, n, TorchtitanConfig.Flags(schedule));
    }
}
