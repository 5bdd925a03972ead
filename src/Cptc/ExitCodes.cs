namespace Cptc;

/// <summary>cptc's exit codes (docs/cli.md).</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>The input has errors, or `fmt --check` found files to reformat.</summary>
    public const int InputErrors = 1;
    /// <summary>Usage or I/O failure (bad options, unreadable file, unwritable output), or an internal error.</summary>
    public const int UsageOrIo = 2;
}
