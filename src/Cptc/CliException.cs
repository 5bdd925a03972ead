using CptLang.Diagnostics;

namespace Cptc;

/// <summary>A usage or I/O problem: reported as one line on stderr, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message)
{
    /// <summary>The one line for a 4xxx diagnostic: <c>error CPT4001: message; hint</c>.</summary>
    public static CliException From(Diagnostic diagnostic) =>
        new($"error {diagnostic.Code}: {DiagnosticFormatter.FullMessage(diagnostic)}");
}
