namespace CptLang.Diagnostics;

/// <summary>Collects diagnostics while a stage runs; remembers whether any was an error.</summary>
public sealed class DiagnosticBag
{
    readonly List<Diagnostic> _items = [];

    public int ErrorCount { get; private set; }

    public void Add(Diagnostic diagnostic)
    {
        _items.Add(diagnostic);
        if (diagnostic.IsError) ErrorCount++;
    }

    public IReadOnlyList<Diagnostic> Items => _items;
}
