using CptLang.Diagnostics;

namespace Cptc;

/// <summary>A usage or I/O problem: reported as one line on stderr, exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message)
{
    /// <summary>The one line for a 4xxx diagnostic: <c>error CPT4001: message; hint</c>.</summary>
    public static CliException From(Diagnostic diagnostic) =>
        new($"error {diagnostic.Code}: {DiagnosticFormatter.FullMessage(diagnostic)}");

    /// <summary>The value of a library call that returns a value or the diagnostic of a bad
    /// request (an option, a name, a step); the diagnostic becomes this exception.</summary>
    public static T Require<T>((T? Value, Diagnostic? Error) result) where T : class =>
        result.Error is { } error ? throw From(error) : result.Value!;
}
