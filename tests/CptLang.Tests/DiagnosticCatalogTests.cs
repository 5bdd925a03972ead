using System.Text.RegularExpressions;
using CptLang.Diagnostics;

namespace CptLang.Tests;

public class DiagnosticCatalogTests
{
    [Fact]
    public void CodesAreUniqueAndWellFormed()
    {
        var codes = DiagnosticCatalog.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches(@"^CPT[0-4]\d{3}$", c));
    }

    [Fact]
    public void RetiredCodesStayAsTombstonesAndAreNeverReused()
    {
        var retired = DiagnosticCatalog.Retired.Select(r => r.Code).ToList();
        Assert.Superset(new HashSet<string> { "CPT2028", "CPT3104" }, retired.ToHashSet());
        Assert.Equal(retired.Count, retired.Distinct().Count());
        Assert.All(retired, c => Assert.Matches(@"^CPT[0-4]\d{3}$", c));
        Assert.Empty(DiagnosticCatalog.All.Select(d => d.Code).Intersect(retired));
        string docs = File.ReadAllText(Path.Combine(TestPaths.Docs, "diagnostics.md"));
        string section = docs[docs.IndexOf("## Retired codes", StringComparison.Ordinal)..];
        Assert.All(retired, c => Assert.Contains($"| {c} |", section));
    }

    [Fact]
    public void EveryCodeIsDocumented()
    {
        string docs = File.ReadAllText(Path.Combine(TestPaths.Docs, "diagnostics.md"));
        var documented = Regex.Matches(docs, @"^### (CPT\d{4})\b", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToHashSet();
        var missing = DiagnosticCatalog.All.Select(d => d.Code).Where(c => !documented.Contains(c)).ToList();
        Assert.True(missing.Count == 0, $"not in docs/diagnostics.md: {string.Join(", ", missing)}");
        var unknown = documented.Where(c => DiagnosticCatalog.All.All(d => d.Code != c)).ToList();
        Assert.True(unknown.Count == 0, $"documented but not in the catalog: {string.Join(", ", unknown)}");
    }
}
