using System.IO.Compression;

namespace CptLang.LanguageServer.Tests;

/// <summary>The VS Code extension (editors/vscode): its TextMate grammar tested by
/// vscode-tmgrammar-test (assertions, and snapshots of every example), and its packaging as a
/// .vsix by vsce.</summary>
public class EditorExtensionTests
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    static string Npm => ExternalTools.Find("npm") ?? "npm";

    [ExtensionFact]
    public void GrammarAssertionsHold()
    {
        var (code, output) = ExternalTools.Run(Npm, Repository.Extension, Timeout, null, "run", "--silent", "test:grammar");
        Assert.True(code == 0, output);
    }

    [ExtensionFact]
    public void GrammarSnapshotsOfEveryExampleHold()
    {
        var (code, output) = ExternalTools.Run(Npm, Repository.Extension, Timeout, null, "run", "--silent", "test:snapshots");
        Assert.True(code == 0, output);
        foreach (var example in Repository.ExampleFiles())
            Assert.Contains($"test/snap/{Path.GetFileName(example)} run successfully", output);
    }

    [ExtensionFact]
    public void PackagesAsAVsixWithTheGrammarAndTheClient()
    {
        string vsix = Path.Combine(Repository.Extension, "cpt.vsix");
        File.Delete(vsix);
        var (code, output) = ExternalTools.Run(Npm, Repository.Extension, Timeout, null, "run", "--silent", "package");
        Assert.True(code == 0, output);
        using var archive = ZipFile.OpenRead(vsix);
        var names = archive.Entries.Select(e => e.FullName).ToHashSet();
        foreach (var required in new[] { "extension/package.json", "extension/extension.js", "extension/syntaxes/cpt.tmLanguage.json",
                     "extension/language-configuration.json", "extension/readme.md", "extension/images/highlighting.png", "extension/node_modules/vscode-languageclient/lib/node/main.js" })
            Assert.True(names.Contains(required), $"{required} is not in the vsix: {string.Join(", ", names.Where(n => !n.Contains("node_modules")))}");
        Assert.DoesNotContain(names, n => n.Contains("vscode-tmgrammar-test") || n.StartsWith("extension/test/"));
    }
}
