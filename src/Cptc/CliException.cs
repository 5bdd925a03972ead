using CptLang.Diagnostics;

namespace Cptc;

/// <summary>A usage or I/O problem: reported as one line on stderr, exit code 2.</summary>
internal sealed class CliException(string message, Diagnostic? diagnostic = null) : Exception(message)
{
    /// <summary>The diagnostic this exception reports, when it came from one.</summary>
    public Diagnostic? Diagnostic { get; } = diagnostic;

    /// <summary>The one line for a 4xxx diagnostic: <c>error CPT4001: message; hint</c>.</summary>
    public static CliException From(Diagnostic diagnostic) =>
        new($"error {diagnostic.Code}: {DiagnosticFormatter.FullMessage(diagnostic)}", diagnostic);

    /// <summary>The value of a library call that returns a value or the diagnostic of a bad
    /// request (an option, a name, a step); the diagnostic becomes this exception.</summary>
    public static T Require<T>((T? Value, Diagnostic? Error) result) where T : class =>
        result.Error is { } error ? throw From(error) : result.Value!;
}

/// <summary>Exception messages as a user may read them.</summary>
internal static class Messages
{
    /// <summary>The message without .NET's parameter names ("(Parameter 'path')") and line breaks.</summary>
    public static string Plain(Exception e)
    {
        string message = e.Message;
        int parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (parameter >= 0) message = message[..parameter];
        // .NET appends the path to I/O errors ("No space left on device : '/dev/full'"); the diagnostic names it already
        int path = message.IndexOf(" : '", StringComparison.Ordinal);
        if (path >= 0) message = message[..path];
        return message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
    }
}
