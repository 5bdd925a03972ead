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
            // argparse reads --lr=3e-4 as --lr 3e-4
            int eq = flag.IndexOf('=');
            if (eq > 0) { values[flag[..eq]] = flag[(eq + 1)..]; continue; }
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
            string name = arg[..eq].Trim();
            values[framework == "torchtitan" ? TorchtitanKey(name) : name] = arg[(eq + 1)..];
        }
        return new SettingBag(framework, values);
    }

    /// <summary>
    /// torchtitan settings on a command line: its own flags (<c>--lr_scheduler.warmup_steps 200</c>,
    /// <c>--training.steps=1000</c>; tyro takes <c>-</c> and <c>_</c> alike) or <c>section.key=value</c> pairs.
    /// Every setting given must be one cptc reads.
    /// </summary>
    public static SettingBag TorchtitanArgs(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !args[0].StartsWith("--", StringComparison.Ordinal)) return Pairs("torchtitan", args);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Count; i++)
        {
            string flag = args[i];
            if (!flag.StartsWith("--", StringComparison.Ordinal))
                return Invalid("torchtitan", $"'{flag}' is not a flag", "give torchtitan's flags as on its command line: --training.steps 1000 --lr_scheduler.warmup_steps 200 …");
            int eq = flag.IndexOf('=');
            string name = eq > 0 ? flag[2..eq] : flag[2..];
            if (eq < 0 && (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)))
                return Invalid("torchtitan", $"'{flag}' has no value", "every schedule flag takes one value");
            values[TorchtitanKey(name)] = eq > 0 ? flag[(eq + 1)..] : args[++i];
        }
        return new SettingBag("torchtitan", values);
    }

    /// <summary>
    /// A torchtitan TOML job file (its releases up to v0.2.2): <c>[section]</c> headers, dotted keys
    /// (<c>lr_scheduler.warmup_steps = 2</c>), comments and multi-line arrays. Only the settings of
    /// the schedule are kept (<c>training.steps</c>, <c>optimizer.lr</c>, <c>lr_scheduler.*</c>): the
    /// rest of a real job file (<c>[model]</c>, <c>[training] local_batch_size</c>, …) is not cptc's.
    /// </summary>
    public static SettingBag Toml(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string section = "";
        int depth = 0;                                  // brackets still open in a multi-line value
        int number = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            number++;
            string line = WithoutComment(raw).Trim();
            if (depth > 0) { depth += Brackets(line); continue; }
            if (line.Length == 0) continue;
            if (line.StartsWith('['))
            {
                // a header without its closing bracket is a broken file, not a missing setting
                if (!line.EndsWith(']'))
                    return Invalid("torchtitan", $"file has '{line}' on line {number}, which is not a TOML section header", "close it with ], e.g. [training]");
                section = line.Trim('[', ']', ' ').Replace("\"", "");
                continue;
            }
            int eq = line.IndexOf('=');
            if (eq <= 0) return Invalid("torchtitan", $"line '{line}' is not key = value", "give a torchtitan TOML job file");
            string value = line[(eq + 1)..].Trim();
            depth = Brackets(value);
            string key = TorchtitanKey((section.Length > 0 ? section + "." : "") + line[..eq].Trim().Replace("\"", ""));
            if (!IsScheduleSetting(key)) continue;
            if (!values.TryAdd(key, value))
                return Invalid("torchtitan", $"'{key}' is given twice", "a job file has one [lr_scheduler] section per stage: import one stage at a time");
        }
        return new SettingBag("torchtitan", values);
    }

    /// <summary>
    /// A torchtitan Python config (main since 9810191bb): the literal arguments of the one
    /// <c>LRSchedulersContainer.Config(…)</c>, <c>TrainingConfig(…)</c> <c>steps</c>, the optimizer's
    /// <c>lr</c> (<c>default_adamw(lr=…)</c> or <c>"lr": …</c> in its <c>optimizer_kwargs</c>), and later
    /// assignments such as <c>config.lr_scheduler.warmup_steps = 100</c>, which win, as in Python.
    /// </summary>
    public static SettingBag Python(string text)
    {
        string code = string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(WithoutComment));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (call, prefix) in new[] { ("LRSchedulersContainer.Config(", "lr_scheduler."), ("TrainingConfig(", "training."), ("default_adamw(", "optimizer.") })
        {
            var found = Calls(code, call);
            if (found.Count > 1)
                return Invalid("torchtitan", $"the file has {found.Count} {call}…) calls", "import one config: copy its function into a file of its own, or give its settings as flags");
            if (found.Count == 0) continue;
            var args = found[0];
            for (int i = 0; i < args.Count; i++)
            {
                int eq = args[i].IndexOf('=');
                // default_adamw's first positional argument is lr
                var (name, value) = eq > 0 ? (args[i][..eq].Trim(), args[i][(eq + 1)..].Trim()) : (i == 0 && prefix == "optimizer." ? "lr" : "", args[i]);
                if (prefix == "training." && name != "steps" || prefix == "optimizer." && name != "lr" || name.Length == 0) continue;
                if (value != "None") values[prefix + name] = value;
            }
        }
        var kwargsLr = System.Text.RegularExpressions.Regex.Matches(code, @"optimizer_kwargs\s*=\s*\{[^}]*?[""']lr[""']\s*:\s*([^,}\s]+)");
        if (kwargsLr.Count > 1)
            return Invalid("torchtitan", $"the file has {kwargsLr.Count} optimizer_kwargs with an \"lr\"", "import one param group's LR: give --optimizer.param-groups.0.optimizer-kwargs.lr as a flag");
        if (kwargsLr.Count == 1) values["optimizer.lr"] = kwargsLr[0].Groups[1].Value;
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(code,
                     @"^\s*\w+\.(training\.steps|lr_scheduler\.\w+|optimizer\.param_groups\[0\]\.optimizer_kwargs\[[""']lr[""']\])\s*=\s*(\S+)\s*$",
                     System.Text.RegularExpressions.RegexOptions.Multiline))
        {
            string key = m.Groups[1].Value.StartsWith("optimizer", StringComparison.Ordinal) ? "optimizer.lr" : m.Groups[1].Value;
            if (m.Groups[2].Value == "None") values.Remove(key);
            else values[key] = m.Groups[2].Value;
        }
        foreach (var key in values.Keys.ToList()) values[key] = values[key].Replace("_", "");   // 1_000 is 1000
        return new SettingBag("torchtitan", values);
    }

    /// <summary>The argument texts of each call of <paramref name="call"/>, split at top-level commas.</summary>
    static List<List<string>> Calls(string code, string call)
    {
        var calls = new List<List<string>>();
        for (int at = code.IndexOf(call, StringComparison.Ordinal); at >= 0; at = code.IndexOf(call, at + 1, StringComparison.Ordinal))
        {
            var args = new List<string>();
            int depth = 0, start = at + call.Length;
            char quote = '\0';
            for (int i = start; i < code.Length; i++)
            {
                char c = code[i];
                if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
                if (c is '"' or '\'') quote = c;
                else if (c is '(' or '[' or '{') depth++;
                else if (c is ')' or ']' or '}' && depth > 0) depth--;
                else if (c == ',' && depth == 0) { args.Add(code[start..i].Trim()); start = i + 1; }
                else if (c == ')') { args.Add(code[start..i].Trim()); break; }
            }
            calls.Add([.. args.Where(a => a.Length > 0)]);
        }
        return calls;
    }

    /// <summary>The name cptc reads a torchtitan setting by: <c>_</c> for <c>-</c>, a <c>config.</c>
    /// prefix dropped, and the first param group's LR as <c>optimizer.lr</c> (its name up to v0.2.2).</summary>
    static string TorchtitanKey(string name)
    {
        string key = name.Trim().Replace('-', '_');
        if (key.StartsWith("config.", StringComparison.Ordinal)) key = key["config.".Length..];
        return key == "optimizer.param_groups.0.optimizer_kwargs.lr" ? "optimizer.lr" : key;
    }

    static bool IsScheduleSetting(string key) => key is "training.steps" or "optimizer.lr" || key.StartsWith("lr_scheduler.", StringComparison.Ordinal);

    static string WithoutComment(string line)
    {
        char quote = '\0';
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '#') return line[..i];
        }
        return line;
    }

    static int Brackets(string text) => text.Count(c => c is '[' or '{') - text.Count(c => c is ']' or '}');

    /// <summary>No settings, and the problem that stopped reading them (CPT4210).</summary>
    static SettingBag Invalid(string framework, string message, string hint)
    {
        var bag = new SettingBag(framework, new Dictionary<string, string>());
        bag.Problem(message, hint);
        return bag;
    }
}
