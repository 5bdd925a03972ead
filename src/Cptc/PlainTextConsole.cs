using Spectre.Console;

namespace Cptc;

/// <summary>
/// A Spectre console that renders tables into a string: no ANSI codes, no colours, no
/// interaction, wide enough that report tables never wrap. Snapshot tests compare its output.
/// </summary>
static class PlainTextConsole
{
    public static IAnsiConsole Create(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        return console;
    }
}
