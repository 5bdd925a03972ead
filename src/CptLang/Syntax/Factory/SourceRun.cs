namespace CptLang.Syntax.Factory;

/// <summary>A <c>run NAME { settings stages }</c> block to write (docs/language.md §3).</summary>
public sealed record SourceRun(string Name, IReadOnlyList<SourceSetting> Settings, IReadOnlyList<SourceStage> Stages);

/// <summary>A run setting: a number (<c>peak_lr 3e-4</c>) or a word (<c>warmup_area peak</c>).</summary>
public sealed record SourceSetting
{
    SourceSetting(string name, double? number, string? word) => (Name, Number, Word) = (name, number, word);

    public string Name { get; }
    public double? Number { get; }
    public string? Word { get; }

    public static SourceSetting Of(string name, double number) => new(name, number, null);
    public static SourceSetting Of(string name, string word) => new(name, null, word);
}

/// <summary>A stage of a run: <c>train</c>, <c>switch to</c> or <c>pretrained</c>.</summary>
public abstract record SourceStage(string Domain)
{
    public sealed record Train(string Domain, IReadOnlyList<SourcePhase> Phases) : SourceStage(Domain);

    /// <param name="Replay">The replayed domain and its share in percent, if any (docs/language.md §5).</param>
    public sealed record SwitchTo(string Domain, IReadOnlyList<SourcePhase> Phases, (string Domain, double Percent)? Replay = null) : SourceStage(Domain);

    public sealed record Pretrained(string Domain) : SourceStage(Domain);
}
