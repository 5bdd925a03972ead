namespace Cptc.Tests;

/// <summary>cptc is a program: what other code may call lives in CptLang. A public type in the
/// executable would be an API nobody maintains.</summary>
public class PublicSurfaceTests
{
    [Fact]
    public void The_executable_exports_no_types() =>
        Assert.Empty(typeof(Cli).Assembly.GetExportedTypes().Select(t => t.FullName));
}

/// <summary>How a command that stops with an exception is reported: one line, never a trace.</summary>
public class FailureLineTests
{
    [Fact]
    public void Running_out_of_memory_is_CPT4007_not_a_bug()
    {
        string line = Cli.Failure(new OutOfMemoryException());
        Assert.StartsWith("cptc: error CPT4007:", line);
        Assert.DoesNotContain("bug", line);
        Assert.DoesNotContain("\n", line);
    }

    [Fact]
    public void Anything_unexpected_says_it_is_a_bug_in_one_line()
    {
        string line = Cli.Failure(new InvalidOperationException("two\nlines"));
        Assert.StartsWith("cptc: internal error: InvalidOperationException:", line);
        Assert.DoesNotContain("\n", line);
    }
}
