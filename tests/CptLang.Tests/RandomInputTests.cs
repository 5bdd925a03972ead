using System.Text;

namespace CptLang.Tests;

/// <summary>
/// The front end never throws, never hangs, always returns diagnostics that point inside the
/// text, and round-trips: on a few thousand mutations of the corpus and the examples (seeded, so
/// a failure reproduces), and on hand-picked pathological inputs.
/// </summary>
public class RandomInputTests
{
    const int Cases = 3000;
    static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    static readonly string[] Fragments =
    [
        "run", "train", "switch", "to", "from", "at", "until", "warmup", "stable", "decay", "drop", "replay",
        "law", "pretrained", "{", "}", "(", ")", "=", "+", "-", "*", "%", ".", "1-sqrt", "cosine", "polynomial(",
        "1e400", "99999999999999999999", "0", "-1", "2e-4", "36k", "4M", "40B", "1.5", "_", "steps", "tokens",
        "nan", "peak_lr", "tokens_per_step", "lambda", "L0 =", "beta", "N = 106", "paper.fig3.general", "//",
        "/*", "*/", "\n", "\r\n", "\t", " ", "\0", "\u00e9", "\ud83d", "\uFFFD", "@", "#", "\"",
    ];

    public static IEnumerable<string> Seeds()
    {
        yield return LanguageContractTests.Example1;
        yield return LanguageContractTests.Example2;
        yield return LanguageContractTests.Example3;
        foreach (var dir in new[] { TestPaths.Baselines, TestPaths.Examples }.Where(Directory.Exists))
            foreach (var file in Directory.EnumerateFiles(dir, "*.cpt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                if (!file.EndsWith(".formatted.cpt", StringComparison.Ordinal))
                    yield return File.ReadAllText(file);
    }

    [Fact]
    public void MutatedInputsNeverBreakTheFrontEnd()
    {
        var seeds = Seeds().ToList();
        var random = new Random(20261128);
        for (int i = 0; i < Cases; i++)
        {
            string text = Mutate(seeds[random.Next(seeds.Count)], random);
            CheckWithinLimit(text, $"case {i}");
        }
    }

    public static TheoryData<string, string> Pathological() => new()
    {
        { "empty", "" },
        { "whitespace", " \n\t\r\n  " },
        { "only a comment", "// nothing here" },
        { "unterminated comment", "/* run x {" },
        { "braces", new string('{', 200_000) },
        { "closing braces", new string('}', 200_000) },
        { "ten megabytes", new string('{', 10 << 20) },
        { "nul bytes", "run x {\0\0\0}" },
        { "lone surrogates", "run \ud800 x { peak_lr 1e-4 }\udfff" },
        { "huge numbers", "run x { peak_lr 1e400 train a { stable 1e400 steps decay 99999999999999999999999 steps to 0 } }" },
        { "past 2^63", "run x { peak_lr 1e-4 train a { stable 9223372036854775808 steps stable until 18446744073709551616 } }" },
        { "many runs", string.Concat(Enumerable.Repeat("run r { peak_lr 1e-4 train a { stable 1 steps } }\n", 5000)) },
        { "many phases", "run r { peak_lr 1e-4 train a {\n" + string.Concat(Enumerable.Repeat("  stable 1k steps\n", 20_000)) + "} }" },
        { "keywords only", string.Join(" ", Enumerable.Repeat("run train switch to law decay", 5000)) },
        { "long identifier", "run " + new string('a', 500_000) + " { }" },
        { "long number", "run x { peak_lr " + new string('9', 300_000) + " }" },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void PathologicalInputsGetDiagnosticsInBoundedTime(string name, string text) => CheckWithinLimit(text, name);

    static void CheckWithinLimit(string text, string name)
    {
        var task = Task.Run(() => FrontEndInvariants.Check(text));
        Assert.True(task.Wait(HangLimit), $"{name}: the front end did not finish within {HangLimit.TotalSeconds} s");
        task.GetAwaiter().GetResult();
    }

    static string Mutate(string seed, Random random)
    {
        var text = new StringBuilder(seed);
        int operations = 1 + random.Next(4);
        for (int k = 0; k < operations; k++)
        {
            int at = random.Next(text.Length + 1);
            int length = Math.Min(random.Next(1, 24), text.Length - at);
            switch (random.Next(6))
            {
                case 0: text.Remove(at, length); break;
                case 1: text.Insert(at, Fragments[random.Next(Fragments.Length)]); break;
                case 2: text.Insert(at, text.ToString(at, length)); break;
                case 3: if (at < text.Length) text[at] = (char)random.Next(0, 0x3000); break;
                case 4: text.Length = at; break;
                default:
                    var lines = text.ToString().Split('\n');
                    int a = random.Next(lines.Length), b = random.Next(lines.Length);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    text.Clear().Append(string.Join('\n', lines));
                    break;
            }
        }
        return text.ToString();
    }
}
