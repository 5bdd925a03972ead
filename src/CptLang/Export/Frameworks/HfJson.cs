using System.Text.Json;
using CptLang.Plan;

namespace CptLang.Export.Frameworks;

/// <summary>
/// <c>--target hf</c>: for each stage, the <c>get_wsd_schedule</c> keyword arguments and the
/// equivalent <c>TrainingArguments</c> (<c>lr_scheduler_type="warmup_stable_decay"</c>; the Trainer
/// passes <c>warmup_steps</c> and <c>max_steps</c> itself, the rest go in <c>lr_scheduler_kwargs</c>).
/// </summary>
public static class HfJson
{
    public const string Format = "cptc.export.hf/1";

    public static string Write(string run, IReadOnlyList<StageConfig> stages) => JsonDocumentText.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("run", run);
        json.WriteStartArray("stages");
        foreach (var stage in stages)
        {
            var hf = (HfWsdSchedule)stage.Config;
            json.WriteStartObject();
            StageHeader.Write(json, stage);
            json.WriteStartObject("get_wsd_schedule");
            json.WriteNumber("num_warmup_steps", hf.NumWarmupSteps);
            WriteSchedulerKwargs(json, hf);
            json.WriteEndObject();
            json.WriteStartObject("training_arguments");
            json.WriteNumber("learning_rate", hf.LearningRate);
            json.WriteNumber("max_steps", hf.MaxSteps);
            json.WriteNumber("warmup_steps", hf.NumWarmupSteps);
            json.WriteString("lr_scheduler_type", "warmup_stable_decay");
            json.WriteStartObject("lr_scheduler_kwargs");
            WriteSchedulerKwargs(json, hf);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>The <c>get_wsd_schedule</c> arguments other than the warmup, which the Trainer
    /// takes as <c>warmup_steps</c>; the same keys go in <c>lr_scheduler_kwargs</c>.</summary>
    static void WriteSchedulerKwargs(Utf8JsonWriter json, HfWsdSchedule hf)
    {
        json.WriteNumber("num_stable_steps", hf.NumStableSteps);
        json.WriteNumber("num_decay_steps", hf.NumDecaySteps);
        json.WriteString("warmup_type", hf.WarmupType);
        json.WriteString("decay_type", hf.DecayType);
        json.WriteNumber("min_lr_ratio", hf.MinLrRatio);
    }
}

/// <summary>What every exported stage states about itself.</summary>
internal static class StageHeader
{
    public static void Write(Utf8JsonWriter json, StageConfig stage)
    {
        json.WriteString("domain", stage.Stage.Domain);
        json.WriteNumber("firstStep", stage.Stage.FirstStep);
        json.WriteNumber("lastStep", stage.Stage.LastStep);
        json.WriteNumber("resumeFromStep", stage.Stage.ResumeFromStep);
        json.WriteNumber("replay", stage.Stage.Stage.ReplayRatio);
        json.WriteNumber("maxRelativeDeviation", stage.Deviation.Relative);
    }
}
