using System.CommandLine;

namespace Cptc;

/// <summary><c>--format table|csv|json</c> of predict and optimize.</summary>
internal enum ReportFormat { Table, Csv, Json }

/// <summary><c>--format text|json</c> of check and fit.</summary>
internal enum TextFormat { Text, Json }

/// <summary>A <c>--format</c> option whose words map one to one onto <typeparamref name="T"/>:
/// System.CommandLine still checks the word (same message and help as a plain string option),
/// and the command reads the enum. The first word is the default.</summary>
internal sealed class FormatOption<T> where T : struct, Enum
{
    readonly (string Word, T Value)[] words;

    public FormatOption(string description, params (string Word, T Value)[] words)
    {
        this.words = words;
        Option = new Option<string>("--format") { Description = description, DefaultValueFactory = _ => words[0].Word };
        Option.AcceptOnlyFromAmong([.. words.Select(w => w.Word)]);
    }

    public Option<string> Option { get; }

    public T Parse(string word)
    {
        foreach (var (w, value) in words) if (w == word) return value;
        throw new ArgumentOutOfRangeException(nameof(word), word, "not a --format word");
    }

    public T ValueOf(ParseResult parse) => Parse(parse.GetValue(Option)!);
}

internal static class OutputFormats
{
    public static FormatOption<ReportFormat> Report(string description) =>
        new(description, ("table", ReportFormat.Table), ("csv", ReportFormat.Csv), ("json", ReportFormat.Json));

    public static FormatOption<TextFormat> Text(string description) =>
        new(description, ("text", TextFormat.Text), ("json", TextFormat.Json));
}
