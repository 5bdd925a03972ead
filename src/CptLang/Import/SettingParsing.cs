namespace CptLang.Import;

/// <summary>
/// The command-line forms of each framework's settings: Megatron's own flags
/// (<c>--lr 3e-4 --lr-warmup-iters 2000 …</c>), and <c>name=value</c> pairs for HF (the
/// <c>get_wsd_schedule</c> / <c>TrainingArguments</c> names) and torchtitan (<c>section.key</c>, or
/// the path of a TOML file with its <c>[training]</c>, <c>[optimizer]</c>, <c>[lr_scheduler]</c> sections).
/// A form that does not parse gives a bag holding the problem (<see cref="SettingBag.Failed"/>).
/// </summary>
public static class SettingParsing
{
    public static SettingBag Megatron(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string flag = args[i];
            if (!flag.StartsWith("--", StringComparison.Ordinal))
                return Invalid("megatron", $"'{flag}' is not a flag", "give Megatron's flags as on its command line: --lr 3e-4 --train-iters 10000 …");
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                return Invalid("megatron", $"'{flag}' has no value", "every schedule flag takes one value");
            values[flag] = args[++i];
        }
        return new SettingBag("megatron", values);
    }

    public static SettingBag Pairs(string framework, IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var arg in args)
        {
            int eq = arg.IndexOf('=');
            if (eq <= 0) return Invalid(framework, $"'{arg}' is not name=value", framework == "hf" ? "e.g. num_warmup_steps=2000" : "e.g. lr_scheduler.warmup_steps=2000, or the path of a .toml file");
            values[arg[..eq].Trim()] = arg[(eq + 1)..];
        }
        return new SettingBag(framework, values);
    }

    /// <summary>The <c>key = value</c> lines of a TOML file as <c>section.key</c> (comments and blank lines skipped).</summary>
    public static SettingBag Toml(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string section = "";
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            string line = raw.Trim();
            int hash = line.IndexOf('#');
            if (hash >= 0 && !line[..hash].Contains('"')) line = line[..hash].Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith('[')) { section = line.Trim('[', ']').Trim(); continue; }
            int eq = line.IndexOf('=');
            if (eq <= 0) return Invalid("torchtitan", $"line '{line}' is not key = value", "give a torchtitan TOML file");
            string key = $"{section}.{line[..eq].Trim()}";
            if (!values.TryAdd(key, line[(eq + 1)..].Trim()))
                return Invalid("torchtitan", $"'{key}' is given twice", "a TOML file has one [lr_scheduler] section per stage: import one stage at a time");
        }
        return new SettingBag("torchtitan", values);
    }

    /// <summary>No settings, and the problem that stopped reading them (CPT4210).</summary>
    static SettingBag Invalid(string framework, string message, string hint)
    {
        var bag = new SettingBag(framework, new Dictionary<string, string>());
        bag.Problem(message, hint);
        return bag;
    }
}
