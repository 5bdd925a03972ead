namespace Cptc.Tests;

/// <summary>cptc is a program: what other code may call lives in CptLang. A public type in the
/// executable would be an API nobody maintains.</summary>
public class PublicSurfaceTests
{
    [Fact]
    public void The_executable_exports_no_types() =>
        Assert.Empty(typeof(Cli).Assembly.GetExportedTypes().Select(t => t.FullName));
}
