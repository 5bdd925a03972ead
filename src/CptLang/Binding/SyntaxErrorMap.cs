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

    /// <summary>Past the point where the parser stopped reporting, nothing is known to be sound.</summary>
    readonly int _cutoff = syntaxDiagnostics.Where(d => d.Descriptor == DiagnosticCatalog.TooManyErrors)
        .Select(d => d.Span.Start).DefaultIfEmpty(int.MaxValue).Min();

    public static SyntaxErrorMap Empty { get; } = new([]);

    /// <summary>True when the node reaches past the point where the parser stopped reporting
    /// errors; such nodes are not bound at all.</summary>
    public bool PastCutoff(SyntaxNode node) => node.FullSpan.End > _cutoff;

    /// <summary>True when a syntax error lies inside the node, its trivia included.</summary>
    public bool Touches(SyntaxNode node)
    {
        if (_positions.IsEmpty) return false;
        var span = node.FullSpan;
        if (span.End > _cutoff) return true;
        int index = _positions.BinarySearch(span.Start);
        if (index < 0) index = ~index;
        return index < _positions.Length && _positions[index] <= span.End;
    }
}
