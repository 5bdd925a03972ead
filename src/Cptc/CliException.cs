namespace Cptc;

/// <summary>A usage or I/O problem: reported as one line on stderr, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);
