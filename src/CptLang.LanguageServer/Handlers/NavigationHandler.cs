using System.Text.RegularExpressions;
using CptLang.LanguageServer.Analysis;
using CptLang.LanguageServer.Documents;
using CptLang.LanguageServer.Protocol;
using CptLang.Syntax;

namespace CptLang.LanguageServer.Handlers;

/// <summary>Go to definition, find references and rename for runs, laws and domains: names are
/// file-wide (docs/language.md §2), so every occurrence of the same kind and name is the same
/// symbol. A domain is "declared" by the stages that train on it.</summary>
internal static partial class NavigationHandler
{
    public static Location[] Definition(Document document, int offset)
    {
        if (document.Symbols.At(offset) is not { } symbol) return [];
        return [.. document.Symbols.All(symbol.Kind, symbol.Name).Where(o => o.IsDeclaration).Select(o => Locate(document, o))];
    }

    public static Location[] References(Document document, int offset, bool includeDeclaration)
    {
        if (document.Symbols.At(offset) is not { } symbol) return [];
        return [.. document.Symbols.All(symbol.Kind, symbol.Name).Where(o => includeDeclaration || !o.IsDeclaration).Select(o => Locate(document, o))];
    }

    public static PrepareRenameResult? PrepareRename(Document document, int offset) =>
        document.Symbols.At(offset) is { } symbol ? new(document.Text.ToRange(symbol.Span), symbol.Name) : null;

    /// <summary>Every occurrence renamed; null when the cursor is on no name or the new name is
    /// not a name of the language (a keyword, or not an identifier).</summary>
    public static WorkspaceEdit? Rename(Document document, int offset, string newName)
    {
        if (document.Symbols.At(offset) is not { } symbol || !IsName(newName)) return null;
        var edits = document.Symbols.All(symbol.Kind, symbol.Name)
            .Select(o => new TextEdit(document.Text.ToRange(o.Span), newName)).ToArray();
        return new WorkspaceEdit(new() { [document.Uri] = edits });
    }

    /// <summary>An identifier of the lexer (grammar/CptLexer.g4) that is not a keyword.</summary>
    internal static bool IsName(string name) =>
        Identifier().IsMatch(name) && !Enum.GetValues<SyntaxKind>().Any(k => SyntaxFacts.IsKeyword(k) && SyntaxFacts.Text(k) == name);

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*(-[a-zA-Z0-9_]+)*$")]
    private static partial Regex Identifier();

    static Location Locate(Document document, SymbolOccurrence occurrence) => new(document.Uri, document.Text.ToRange(occurrence.Span));
}
