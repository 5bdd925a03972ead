using CptLang.Diagnostics;
using CptLang.Export.Frameworks;
using CptLang.Binding;
using CptLang.Laws.Schedules;
using CptLang.Syntax;

namespace CptLang.Import;

/// <summary>
/// Megatron-LM flags → phases, the inverse of <see cref="MegatronMapping"/>: the first update is at
/// <c>--lr-warmup-init</c> (<c>stable 1 step at init</c> + <c>warmup W steps</c>); WSD holds the peak
/// until <c>num_steps = decay_iters − wsd_iters</c>; the linear and cosine styles decay right after
/// the warmup; past <c>--lr-decay-iters</c> Megatron holds <c>--min-lr</c>.
/// </summary>
internal static class MegatronImport
{
    public static readonly string[] Known = ["--lr", "--min-lr", "--lr-warmup-iters", "--lr-warmup-init", "--lr-decay-style",
        "--lr-wsd-decay-style", "--lr-wsd-decay-iters", "--lr-decay-iters", "--train-iters"];

    static readonly string[] Styles = ["constant", "linear", "cosine", "WSD", "inverse-square-root"];

    public static ImportedSchedule? Read(SettingBag s)
    {
        double lr = s.Real("--lr"), minLr = s.Real("--min-lr", 0), init = s.Real("--lr-warmup-init", 0);
        long t = s.Count(null, "--train-iters");
        long w = s.Count(0, "--lr-warmup-iters");
        long decayIters = s.Count(t, "--lr-decay-iters");
        string style = s.Choice("--lr-decay-style", "linear", Styles);
        // Megatron's default WSD style has changed between versions: ask for it rather than guess
        if (style == "WSD" && !s.Has("--lr-wsd-decay-style")) return s.Missing("--lr-wsd-decay-style");
        string? wsdStyle = style == "WSD" ? s.Choice("--lr-wsd-decay-style", "", MegatronSchedule.WsdDecayStyles) : s.Text("--lr-wsd-decay-style");
        long wsdIters = style == "WSD" ? s.Count(null, "--lr-wsd-decay-iters") : s.Count(0, "--lr-wsd-decay-iters");
        s.RejectUnread(Known);
        if (s.Failed) return null;
        if (style == "inverse-square-root")
            return s.NotExpressible("its inverse-square-root style is max·√W/√n, which has no .cpt shape", "use WSD with a minus_sqrt decay, or keep this run's LRs as a table");
        if (w >= decayIters) return s.Problem($"'--lr-warmup-iters' ({w}) is not below '--lr-decay-iters' ({decayIters})", "Megatron asserts lr_warmup_steps < lr_decay_steps");
        if (minLr > lr || init > lr) return s.Problem("'--min-lr' or '--lr-warmup-init' is above '--lr'", "Megatron asserts min_lr ≤ max_lr and init_lr ≤ max_lr");
        if (style == "WSD" && (wsdIters == 0 || wsdIters > decayIters)) return s.Problem($"'--lr-wsd-decay-iters' is {wsdIters}", "between 1 and --lr-decay-iters");

        var plan = new PhasePlan(s);
        if (w > 0)
        {
            plan.Lead(init);
            plan.Warmup(w, init, lr, Shape.Linear);
        }
        long warmupEnd = w > 0 ? w + 1 : 0;                 // updates through the warmup's end (num_steps ≤ W)
        double last = lr;
        if (style != "constant")
        {
            // the decay's last update is num_steps = decay_iters, i.e. update decay_iters + 1
            long decay = style == "WSD" ? wsdIters : decayIters - w;
            plan.Stable(decayIters + 1 - decay - warmupEnd, lr);
            string shape = (style == "WSD" ? wsdStyle : style) switch { "minus_sqrt" => "1-sqrt", var other => other! };
            if (shape == "exponential" && Math.Abs(minLr - lr / 2) > 1e-12 * lr)
                return s.NotExpressible($"its exponential WSD decay is 2·0.5^r − 1 between --lr and --min-lr, a geometric decay only when --min-lr is half of --lr (here {NumberLiteral.Format(minLr)})",
                    "use --min-lr at half of --lr, or another WSD style");
            plan.Decay(decay, lr, minLr, Shapes.ForDecay(shape));
            last = minLr;
        }
        var phases = plan.For(t, last, style == "constant" ? lr : minLr, "--train-iters");
        if (phases is null) return null;
        var schedule = new MegatronSchedule(lr, minLr, w, init, style, wsdStyle, wsdIters, decayIters, t);
        return new ImportedSchedule(lr, phases, schedule.LearningRateAt, t, MegatronFlags.Flags(schedule));
    }
}
