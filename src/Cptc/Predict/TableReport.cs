using CptLang.Diagnostics;
using CptLang.Laws.Derived;
using CptLang.Laws.Schedules;
using CptLang.Plan;
using CptLang.Predicting;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Cptc.Predict;

/// <summary>
/// <c>--format table</c> (the default): a summary for a person — the run in one line, the losses
/// at the key steps (or at the steps asked for), and the derived quantities with what they mean.
/// Plain text, no colours, so it reads the same in a terminal, a log or a file.
/// </summary>
internal static class TableReport
{
    const int LossDigits = 5;

    public static string Write(Prediction prediction, PredictionIntervals? intervals = null)
    {
        var plan = prediction.Plan;
        var output = new StringWriter { NewLine = "\n" };
        var console = PlainTextConsole.Create(output);

        output.WriteLine(Headline(plan));
        // a law that states its own λ sees the areas under it (docs/language.md §7.2)
        var own = prediction.Predictor.Laws.Select((law, i) => prediction.Predictor.OwnLambda(i) is { } lambda ? $"{law.Name} {DisplayFormat.Number(lambda)}" : null)
            .OfType<string>().ToList();
        string lawLambdas = own.Count > 0 ? $" (law {string.Join(", law ", own)})" : "";
        output.WriteLine($"settings: lambda {DisplayFormat.Number(plan.Settings.Lambda)}{lawLambdas}, warmup_area {SettingNames.Of(plan.Settings.WarmupArea)}, s2_split {SettingNames.Of(plan.Settings.S2Split)}");
        // no law with a band (each warned CPT4215): the losses are plain points, so no legend
        if (intervals is not null && intervals.Laws.Any(band => band is not null))
            output.WriteLine($"losses ± the half-width of the {(intervals.Level * 100).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} % interval of a logged point (the wider side)");
        console.Write(Rows(prediction, intervals));
        // summary lines go straight to the writer: Spectre would wrap them at the profile width
        foreach (var line in Summary(prediction)) output.WriteLine(line);
        return string.Join("\n", output.ToString().Split('\n').Select(line => line.TrimEnd()));
    }

    static string Headline(EvaluationPlan plan)
    {
        string steps = $"{DisplayFormat.Steps(plan.TotalSteps)} steps";
        if (plan.Pretraining is { Kind: StageKind.UnknownPretraining } open && plan.Continual is { } c)
            return $"run {plan.Run}: {steps} on {c.Domain}, continuing an open checkpoint pre-trained on {open.Domain} (schedule unknown)";
        if (plan.Continual is { } cpt && plan.Pretraining is { } pt)
            return $"run {plan.Run}: {steps}, {DisplayFormat.Steps(pt.Length)} on {pt.Domain} then {DisplayFormat.Steps(cpt.Length)} on {cpt.Domain} (the domain switches after step {DisplayFormat.Steps(pt.LastStep)})";
        return $"run {plan.Run}: {steps} on {plan.Stages[0].Domain}";
    }

    static Table Rows(Prediction prediction, PredictionIntervals? intervals)
    {
        var losses = prediction.Table;
        var labels = prediction.KeySteps?.ToDictionary(k => k.Step, k => k.Label);

        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(new TableColumn("step").RightAligned());
        if (labels is not null) table.AddColumn(new TableColumn("what happens"));
        table.AddColumn(new TableColumn("lr").RightAligned());
        foreach (var law in losses.Laws)
            table.AddColumn(new TableColumn(law.Role == CptLang.Laws.Laws.ValidationRole.Unspecified ? law.Name : $"{law.Name} ({JsonReport.RoleName(law.Role)})").RightAligned());

        var lr = losses.Areas.LearningRate;
        for (int row = 0; row < losses.Count; row++)
        {
            long step = losses.Areas.StepAt(row);
            string? label = null;
            if (labels is not null && !labels.TryGetValue(step, out label)) continue;
            var cells = new List<IRenderable> { new Text(DisplayFormat.Steps(step)) };
            if (label is not null) cells.Add(new Text(label));
            cells.Add(new Text(LearningRateFormat.Short(lr[row])));
            for (int law = 0; law < losses.Laws.Length; law++)
            {
                double loss = losses.Loss(law)[row];
                cells.Add(new Text(intervals?.Laws[law] is { } band
                    ? $"{Loss(loss)} ± {Loss(Math.Max(band.Upper[row] - loss, loss - band.Lower[row]))}"
                    : Loss(loss)));
            }
            table.AddRow(cells);
        }
        return table;
    }

    static IEnumerable<string> Summary(Prediction prediction)
    {
        var plan = prediction.Plan;
        var derived = prediction.Derived;
        if (derived.Laws.IsEmpty)
        {
            yield return "No laws in this file: add `law NAME { … }` blocks (or `law NAME = paper.fig3.general`) to predict losses.";
            yield break;
        }
        if (plan.SwitchStep is 0)
            yield return $"From the checkpoint (before step 1): {string.Join(", ", derived.Laws.Where(l => l.AtSwitch is not null).Select(l => $"{l.Law} {Loss(l.AtSwitch!.Value.Value)}"))}";
        else if (plan.SwitchStep is { } sw)
            yield return $"At the switch (step {DisplayFormat.Steps(sw)}): {string.Join(", ", derived.Laws.Where(l => l.AtSwitch is not null).Select(l => $"{l.Law} {Loss(l.AtSwitch!.Value.Value)}"))}";
        yield return $"At the end (step {DisplayFormat.Steps(plan.TotalSteps)}): {string.Join(", ", derived.Laws.Select(l => $"{l.Law} {Loss(l.AtEnd.Value)}{Change(l, plan.SwitchStep == 0 ? "checkpoint" : "switch")}"))}";

        if (derived.Peak is { } peak)
            yield return peak.Loss > peak.SwitchLoss
                ? $"Forgetting: the general loss ({peak.Law}) peaks at {Loss(peak.Loss)} at step {DisplayFormat.Steps(peak.Step)}, {Steps(peak.ContinualSteps)} after the switch ({Signed(peak.Loss - peak.SwitchLoss)} from its switch value)."
                : $"Forgetting: none — the general loss ({peak.Law}) does not rise above its switch value {Loss(peak.SwitchLoss)}.";
        if (derived.Turning is { Outcome: not TurningOutcome.NoRise } turning) yield return TurningLine(turning);
        if (derived.LossPotential is { } lp)
            yield return $"Loss potential: {lp.Value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} (pre-training ends at LR {LearningRateFormat.Short(lp.FinalLearningRate)}, its peak is {LearningRateFormat.Short(lp.PeakLearningRate)}). " +
                         "1 means pre-training never annealed, 0 that it annealed to zero; a higher loss potential leaves more room to learn the new domain.";
        foreach (var note in derived.Notes) yield return $"Note: {note}.";
    }

    static string TurningLine(TurningLength turning)
    {
        string law = turning.Law;
        return turning.Outcome switch
        {
            TurningOutcome.Within =>
                $"Turning length: {Steps(turning.ContinualSteps!.Value)} of CPT — the general loss ({law}) rose after the switch and is back at its switch value {Loss(turning.SwitchLoss)} at step {DisplayFormat.Steps(turning.Step!.Value)}.",
            TurningOutcome.NotWithinRun when turning.ContinualSteps is { } t =>
                $"Turning length: not within the run — {law} ends {Signed(turning.FinalLoss - turning.SwitchLoss)} above its switch value; holding the final LR it would be back after {Steps(t)} of CPT.",
            TurningOutcome.NotWithinRun =>
                $"Turning length: not within the run — {law} ends {Signed(turning.FinalLoss - turning.SwitchLoss)} above its switch value and comes back only very slowly at the final LR.",
            TurningOutcome.EndsAnnealed =>
                $"Turning length: not within the run — {law} ends {Signed(turning.FinalLoss - turning.SwitchLoss)} above its switch value, and the run ends annealed (LR 0): " +
                "no more training moves it. To bring it back, train longer, end at a higher LR, or replay general data.",
            TurningOutcome.Never =>
                $"Turning length: never — the general loss ({law}) rose after the switch and its long-run limit {Loss(turning.LongRunLimit)} stays above its switch value {Loss(turning.SwitchLoss)}.",
            _ => "",
        };
    }

    static string Change(LawEndpoints law, string reference) =>
        law.AtSwitch is { } atSwitch ? $" ({Signed(law.AtEnd.Value - atSwitch.Value)} since the {reference})" : "";

    static string Steps(long steps) => steps == 1 ? "1 step" : $"{DisplayFormat.Steps(steps)} steps";

    static string Loss(double value) => Figures.Fixed(value, LossDigits);

    static string Signed(double value) => (value >= 0 ? "+" : "−") + Figures.Fixed(Math.Abs(value), LossDigits);
}
