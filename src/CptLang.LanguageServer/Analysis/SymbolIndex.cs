using System.Collections.Immutable;
using CptLang.Syntax;
using CptLang.Text;

namespace CptLang.LanguageServer.Analysis;

/// <summary>The names a .cpt file declares and uses (runs, laws, domains) and what each
/// identifier token is, read off the syntax tree once per document version.</summary>
internal sealed class SymbolIndex
{
    SymbolIndex(ImmutableArray<SymbolOccurrence> occurrences, Dictionary<SyntaxToken, TokenClass> classes)
    {
        Occurrences = occurrences;
        Classes = classes;
    }

    /// <summary>Every occurrence of a run, law or domain name, in source order.</summary>
    public ImmutableArray<SymbolOccurrence> Occurrences { get; }

    /// <summary>What each classified token is (keywords, numbers and punctuation are not listed).</summary>
    public IReadOnlyDictionary<SyntaxToken, TokenClass> Classes { get; }

    /// <summary>The occurrence under the cursor (a cursor just after a name counts).</summary>
    public SymbolOccurrence? At(int offset) =>
        Occurrences.FirstOrDefault(o => o.Span.Start <= offset && offset <= o.Span.End);

    public IEnumerable<SymbolOccurrence> All(SymbolKind kind, string name) =>
        Occurrences.Where(o => o.Kind == kind && o.Name == name);

    public IEnumerable<string> Names(SymbolKind kind) =>
        Occurrences.Where(o => o.Kind == kind && o.IsDeclaration).Select(o => o.Name).Distinct();

    public static SymbolIndex Build(SyntaxTree tree)
    {
        var builder = new Builder();
        var lawNames = tree.Root.Members.OfType<LawDeclarationSyntax>().Where(l => !l.Name.IsMissing).Select(l => l.Name.Text).ToHashSet();
        foreach (var member in tree.Root.Members)
        {
            switch (member)
            {
                case PropertySyntax property: builder.Classify(property.Name, TokenClass.Property); break;
                case RunDeclarationSyntax run: builder.Run(run); break;
                case LawDeclarationSyntax law: builder.Law(law); break;
                case SweepDeclarationSyntax sweep: builder.Sweep(sweep, lawNames); break;
            }
        }
        return new SymbolIndex([.. builder.Occurrences.OrderBy(o => o.Span.Start)], builder.Classes);
    }

    sealed class Builder
    {
        public readonly List<SymbolOccurrence> Occurrences = [];
        public readonly Dictionary<SyntaxToken, TokenClass> Classes = new(ReferenceEqualityComparer.Instance);

        public void Classify(SyntaxToken? token, TokenClass kind)
        {
            if (token is { IsMissing: false } && token.Text.Length > 0) Classes[token] = kind;
        }

        void Add(SyntaxToken token, SymbolKind kind, bool declaration)
        {
            if (token.IsMissing || token.Kind != SyntaxKind.IdentifierToken) return;
            Occurrences.Add(new SymbolOccurrence(kind, token.Text, token.Span, declaration));
            Classify(token, kind switch { SymbolKind.Run => TokenClass.Run, SymbolKind.Law => TokenClass.Law, _ => TokenClass.Domain });
        }

        public void Run(RunDeclarationSyntax run)
        {
            Add(run.Name, SymbolKind.Run, true);
            foreach (var item in run.Items)
            {
                if (item is PropertySyntax property) { Classify(property.Name, TokenClass.Property); Value(property.Value); continue; }
                if (item is not StageSyntax stage) continue;
                Add(stage.Domain, SymbolKind.Domain, true);
                foreach (var stageItem in stage.Body?.Items ?? [])
                {
                    if (stageItem is ReplaySyntax replay) Add(replay.Domain, SymbolKind.Domain, false);
                    else if (stageItem is PhaseSyntax phase) Phase(phase);
                }
            }
        }

        void Phase(PhaseSyntax phase)
        {
            foreach (var node in phase.GetChildren().OfType<SyntaxNode>())
            {
                switch (node)
                {
                    case ShapeSyntax shape: Classify(shape.Name, TokenClass.Shape); break;
                    case CountLengthSyntax count: Classify(count.Unit, TokenClass.Unit); break;
                    case LrClauseSyntax clause: Value(clause.Value); break;
                }
            }
        }

        void Value(ValueSyntax? value)
        {
            if (value is WordValueSyntax word) Classify(word.Word, TokenClass.Word);
        }

        public void Law(LawDeclarationSyntax law)
        {
            Add(law.Name, SymbolKind.Law, true);
            if (law.Expression is { } expression) Terms(expression);
            foreach (var parameter in law.Body?.Parameters ?? [])
                Classify(parameter.Name, TokenClass.Parameter);
        }

        void Terms(LawExpressionSyntax expression)
        {
            foreach (var term in expression.Terms)
            {
                if (term.Name.Parts.Length == 1) Add(term.Name.Parts[0], SymbolKind.Law, false);
                else foreach (var part in term.Name.Parts) Classify(part, TokenClass.Preset);
            }
        }

        public void Sweep(SweepDeclarationSyntax sweep, HashSet<string> lawNames)
        {
            Add(sweep.Run, SymbolKind.Run, false);
            foreach (var item in sweep.Items)
            {
                switch (item)
                {
                    case SweepAxisSyntax axis when axis.ReplayKeyword is not null: Add(axis.Name, SymbolKind.Domain, false); break;
                    case SweepAxisSyntax axis:
                        Classify(axis.Name, TokenClass.Property);
                        if (axis.Values is SweepListSyntax list)
                            foreach (var shape in list.Items.OfType<ShapeSyntax>()) Classify(shape.Name, TokenClass.Shape);
                        else if (axis.Values is SweepRangeSyntax range) Classify(range.StepWord, TokenClass.Unit);
                        break;
                    case ObjectiveSyntax objective: Terms(objective.Expression); break;
                    case RequirementSyntax requirement:
                        if (lawNames.Contains(requirement.Subject.Text)) Add(requirement.Subject, SymbolKind.Law, false);
                        else Classify(requirement.Subject, TokenClass.Property);
                        Classify(requirement.Measure, TokenClass.Unit);
                        break;
                }
            }
        }
    }
}

internal enum SymbolKind { Run, Law, Domain }

internal sealed record SymbolOccurrence(SymbolKind Kind, string Name, TextSpan Span, bool IsDeclaration);

/// <summary>What an identifier token stands for, for semantic tokens and hover.</summary>
internal enum TokenClass { Run, Law, Domain, Property, Parameter, Shape, Preset, Unit, Word }
