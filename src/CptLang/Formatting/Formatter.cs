using CptLang.Syntax;

namespace CptLang.Formatting;

/// <summary>
/// The canonical layout of a .cpt file (<c>cptc fmt</c>): two-space indentation, one item per
/// line, single spaces between tokens, law parameters aligned as a table, comments kept. Numbers
/// and names are kept as written. Idempotent. Only for files without syntax errors.
/// </summary>
public static class Formatter
{
    public static string Format(SyntaxTree tree)
    {
        if (tree.Diagnostics.Any(d => d.IsError))
            throw new InvalidOperationException("cannot format a file with syntax errors");
        var writer = new LineWriter(tree.Text);
        foreach (var member in tree.Root.Members) Member(writer, member);
        writer.Leading(tree.Root.EndOfFile, beforeCloseBrace: true);
        return writer.ToString();
    }

    static void Member(LineWriter writer, MemberSyntax member)
    {
        switch (member)
        {
            case RunDeclarationSyntax run:
                Block(writer, [run.RunKeyword, run.Name, run.OpenBrace], run.Items, run.CloseBrace, RunItem);
                break;
            case LawDeclarationSyntax law:
                Law(writer, law);
                break;
            case SweepDeclarationSyntax sweep:
                Block(writer, [sweep.SweepKeyword, sweep.Run, sweep.OpenBrace], sweep.Items, sweep.CloseBrace, Item);
                break;
            case PropertySyntax property:
                Item(writer, property);
                break;
        }
    }

    static void RunItem(LineWriter writer, RunItemSyntax item)
    {
        switch (item)
        {
            case TrainStageSyntax train:
                Block(writer, [train.TrainKeyword, train.Domain, train.Body.OpenBrace], train.Body.Items, train.Body.CloseBrace, Item);
                break;
            case SwitchStageSyntax sw:
                Block(writer, [sw.SwitchKeyword, sw.ToKeyword, sw.Domain, sw.Body.OpenBrace], sw.Body.Items, sw.Body.CloseBrace, Item);
                break;
            default:
                Item(writer, item);
                break;
        }
    }

    static void Block<T>(LineWriter writer, SyntaxToken[] header, IReadOnlyList<T> items, SyntaxToken close, Action<LineWriter, T> item)
    {
        writer.Leading(header[0]);
        writer.Line(header);
        writer.OpenBlock();
        foreach (var child in items) item(writer, child);
        writer.Leading(close, beforeCloseBrace: true);
        writer.CloseBlock();
        writer.Line([close]);
    }

    static void Item(LineWriter writer, SyntaxNode node)
    {
        var tokens = node.DescendantTokens().ToList();
        writer.Leading(tokens[0]);
        writer.Line(tokens, UnaryMinuses(node));
    }

    /// <summary>`-` of a negative number is glued to it; a `-` between law terms is not.</summary>
    static HashSet<SyntaxToken> UnaryMinuses(SyntaxNode node)
    {
        var set = new HashSet<SyntaxToken>();
        Collect(node);
        return set;

        void Collect(SyntaxNode n)
        {
            if (n is NumberValueSyntax { Minus: { } minus }) set.Add(minus);
            foreach (var child in n.GetChildren().OfType<SyntaxNode>()) Collect(child);
        }
    }

    /// <summary><c>uncertainty { … }</c>: one entry per line, in the order written.</summary>
    static void Uncertainty(LineWriter writer, UncertaintyPartSyntax part)
    {
        writer.Leading(part.Name);
        writer.Line([part.Name, part.OpenBrace]);
        writer.OpenBlock();
        foreach (var entry in part.Entries)
        {
            var tokens = entry.DescendantTokens().ToList();
            writer.Leading(tokens[0]);
            writer.Line(tokens, entry.Value is NumberValueSyntax { Minus: { } minus } ? new HashSet<SyntaxToken> { minus } : null);
        }
        writer.Leading(part.CloseBrace, beforeCloseBrace: true);
        writer.CloseBlock();
        writer.Line([part.CloseBrace]);
    }

    static void Law(LineWriter writer, LawDeclarationSyntax law)
    {
        var header = new List<SyntaxToken> { law.LawKeyword, law.Name };
        if (law.Form is { } form) header.Add(form);
        if (law.EqualsToken is { } equals) header.Add(equals);
        if (law.Expression is { } expression) header.AddRange(expression.DescendantTokens());
        if (law.Body is not { } body)
        {
            writer.Leading(header[0]);
            writer.Line(header, law.Expression is null ? null : UnaryMinuses(law.Expression));
            return;
        }
        header.Add(body.OpenBrace);
        writer.Leading(header[0]);
        writer.Line(header, law.Expression is null ? null : UnaryMinuses(law.Expression));
        writer.OpenBlock();
        ParameterTable.Write(writer, body.Parameters);
        foreach (var part in body.Uncertainty) Uncertainty(writer, part);
        writer.Leading(body.CloseBrace, beforeCloseBrace: true);
        writer.CloseBlock();
        writer.Line([body.CloseBrace]);
    }
}
