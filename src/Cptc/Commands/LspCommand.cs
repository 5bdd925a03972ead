using System.CommandLine;
using CptLang.LanguageServer;

namespace Cptc.Commands;

/// <summary><c>cptc lsp</c>: the language server on stdin/stdout (docs/editor.md). The one
/// command that owns the process's standard streams: LSP frames on stdout, logs on stderr.</summary>
internal static class LspCommand
{
    public static Command Create(Terminal terminal)
    {
        var stdio = new Option<bool>("--stdio") { Description = "talk LSP over stdin/stdout (the default and only transport; accepted because editors pass it)" };
        var command = new Command("lsp", "Run the language server for editors (LSP over stdin/stdout).") { stdio };
        command.SetAction(_ =>
        {
            // not disposed: a read may still be blocked on stdin when `exit` arrives
            var input = Console.OpenStandardInput();
            var output = Console.OpenStandardOutput();
            return LanguageServerHost.RunAsync(input, output, terminal.Error).GetAwaiter().GetResult();
        });
        return command;
    }
}
