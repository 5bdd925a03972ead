using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Syntax;

namespace CptLang.Binding;

/// <summary>
/// Where the parser reported errors. The binder does not check an item (a property, a phase, a
/// replay, a law) that contains one: its meaning is unclear and a second diagnostic on the same
/// mistake would only add noise.
/// </summary>
internal sealed class SyntaxErrorMap(IEnumerable<Diagnostic> syntaxDiagnostics)
{
    readonly ImmutableArray<int> _positions = syntaxDiagnostics.Where(d => d.IsError)
        .Select(d => d.Span.Start).Order().ToImmutableArray();

    public static SyntaxErrorMap Empty { get; } = new([]);

    /// <summary>True when a syntax error lies inside the node, its trivia included.</summary>
    public bool Touches(SyntaxNode node)
    {
        if (_positions.IsEmpty) return false;
        var span = node.FullSpan;
        int index = _positions.BinarySearch(span.Start);
        if (index < 0) index = ~index;
        return index < _positions.Length && _positions[index] <= span.End;
    }
}
