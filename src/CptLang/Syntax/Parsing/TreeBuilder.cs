using System.Collections.Immutable;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using static CptLang.Syntax.Generated.CptParser;

namespace CptLang.Syntax.Parsing;

/// <summary>
/// Maps the ANTLR parse tree into the typed syntax tree, left to right (the token cursor relies
/// on it). Parts that error recovery left out become missing tokens; rule contexts that failed
/// before choosing an alternative are dropped, their tokens kept as skipped trivia.
/// </summary>
internal sealed class TreeBuilder(TokenCursor cursor)
{
    public CompilationUnitSyntax CompilationUnit(CompilationUnitContext context)
    {
        var members = ImmutableArray.CreateBuilder<MemberSyntax>();
        foreach (var member in context.member())
        {
            MemberSyntax? node = member.runDeclaration() is { } run ? RunDeclaration(run)
                : member.lawDeclaration() is { } law ? LawDeclaration(law)
                : member.sweepDeclaration() is { } sweep ? SweepDeclaration(sweep)
                : member.property() is { } property ? Property(property)
                : null;
            if (node is not null) members.Add(node);
        }
        return new CompilationUnitSyntax(members.ToImmutable(), cursor.EndOfFile());
    }

    // ── runs ────────────────────────────────────────────────────────────────────────────

    RunDeclarationSyntax RunDeclaration(RunDeclarationContext context)
    {
        var runKeyword = Token(context.RUN(), SyntaxKind.RunKeyword);
        var name = Token(context.name, SyntaxKind.IdentifierToken);
        var open = Token(context.LBRACE(), SyntaxKind.OpenBraceToken);
        var items = ImmutableArray.CreateBuilder<RunItemSyntax>();
        foreach (var item in context.runItem())
        {
            RunItemSyntax? node = item.property() is { } p ? Property(p)
                : item.trainStage() is { } t ? TrainStage(t)
                : item.pretrainedStage() is { } pt ? PretrainedStage(pt)
                : item.switchStage() is { } s ? SwitchStage(s)
                : null;
            if (node is not null) items.Add(node);
        }
        var close = Token(context.RBRACE(), SyntaxKind.CloseBraceToken);
        return new RunDeclarationSyntax(runKeyword, name, open, items.ToImmutable(), close);
    }

    PropertySyntax Property(PropertyContext context) =>
        new(Token(context.name, SyntaxKind.IdentifierToken), Value(context.value()));

    TrainStageSyntax TrainStage(TrainStageContext context) => new(
        Token(context.TRAIN(), SyntaxKind.TrainKeyword),
        Token(context.domain, SyntaxKind.IdentifierToken),
        StageBody(context.stageBody()));

    PretrainedStageSyntax PretrainedStage(PretrainedStageContext context) => new(
        Token(context.PRETRAINED(), SyntaxKind.PretrainedKeyword),
        Token(context.domain, SyntaxKind.IdentifierToken));

    SwitchStageSyntax SwitchStage(SwitchStageContext context)
    {
        var switchKeyword = Token(context.SWITCH(), SyntaxKind.SwitchKeyword);
        var toKeyword = Token(context.TO(), SyntaxKind.ToKeyword);
        var domain = Token(context.domain, SyntaxKind.IdentifierToken);
        return new SwitchStageSyntax(switchKeyword, toKeyword, domain, StageBody(context.stageBody()));
    }

    StageBodySyntax StageBody(StageBodyContext? context)
    {
        var open = Token(context?.LBRACE(), SyntaxKind.OpenBraceToken);
        var items = ImmutableArray.CreateBuilder<StageItemSyntax>();
        foreach (var item in context?.stageItem() ?? [])
        {
            StageItemSyntax? node = item.replay() is { } r ? Replay(r)
                : item.phase() is { } p ? Phase(p)
                : null;
            if (node is not null) items.Add(node);
        }
        var close = Token(context?.RBRACE(), SyntaxKind.CloseBraceToken);
        return new StageBodySyntax(open, items.ToImmutable(), close);
    }

    ReplaySyntax Replay(ReplayContext context)
    {
        var keyword = Token(context.REPLAY(), SyntaxKind.ReplayKeyword);
        var domain = Token(context.domain, SyntaxKind.IdentifierToken);
        return new ReplaySyntax(keyword, domain, Value(context.value()));
    }

    PhaseSyntax? Phase(PhaseContext context) => context switch
    {
        WarmupPhaseContext w => new WarmupPhaseSyntax(
            Token(w.WARMUP(), SyntaxKind.WarmupKeyword), OptionalLength(w.length()),
            Clause(w.fromClause()), Clause(w.toClause()), Shape(w.shape())),
        StablePhaseContext s => new StablePhaseSyntax(
            Token(s.STABLE(), SyntaxKind.StableKeyword), OptionalLength(s.length()), Clause(s.atClause()), Shape(s.shape())),
        DecayPhaseContext d => new DecayPhaseSyntax(
            Token(d.DECAY(), SyntaxKind.DecayKeyword), OptionalLength(d.length()),
            Clause(d.fromClause()), Clause(d.toClause()), Shape(d.shape())),
        DropPhaseContext p => new DropPhaseSyntax(
            Token(p.DROP(), SyntaxKind.DropKeyword),
            Clause(p.toClause()) ?? MissingClause(SyntaxKind.ToClause, SyntaxKind.ToKeyword)),
        _ => null,
    };

    LengthSyntax? OptionalLength(LengthContext? context) => context is null ? null : Length(context);

    LengthSyntax Length(LengthContext? context) => context switch
    {
        UntilLengthContext u => new UntilLengthSyntax(Token(u.UNTIL(), SyntaxKind.UntilKeyword), Value(u.value())),
        CountLengthContext c => new CountLengthSyntax(Value(c.value()), OptionalToken(c.unit)),
        _ => new CountLengthSyntax(MissingValue(), null),
    };

    LrClauseSyntax? Clause(ParserRuleContext? context) => context switch
    {
        FromClauseContext f => new LrClauseSyntax(SyntaxKind.FromClause, Token(f.FROM(), SyntaxKind.FromKeyword), Value(f.value())),
        ToClauseContext t => new LrClauseSyntax(SyntaxKind.ToClause, Token(t.TO(), SyntaxKind.ToKeyword), Value(t.value())),
        AtClauseContext a => new LrClauseSyntax(SyntaxKind.AtClause, Token(a.AT(), SyntaxKind.AtKeyword), Value(a.value())),
        _ => null,
    };

    LrClauseSyntax MissingClause(SyntaxKind kind, SyntaxKind keyword) => new(kind, cursor.Missing(keyword), MissingValue());

    ShapeSyntax? Shape(ShapeContext? context)
    {
        if (context is null) return null;
        var name = context.ONE_SQRT() is { } oneSqrt
            ? Token(oneSqrt, SyntaxKind.OneSqrtToken)
            : Token(context.IDENTIFIER(), SyntaxKind.IdentifierToken);
        if (context.LPAREN() is not { } lparen || IsError(lparen))
            return new ShapeSyntax(name, null, null, null);
        var open = Token(lparen, SyntaxKind.OpenParenToken);
        var argument = Value(context.value());
        var close = Token(context.RPAREN(), SyntaxKind.CloseParenToken);
        return new ShapeSyntax(name, open, argument, close);
    }

    ValueSyntax Value(ValueContext? context)
    {
        if (context?.NUMBER() is { } number && !IsError(number))
        {
            var minus = OptionalToken(context.MINUS());
            var numberToken = Token(number, SyntaxKind.NumberToken);
            return new NumberValueSyntax(minus, numberToken, OptionalToken(context.PERCENT()));
        }
        if (context?.IDENTIFIER() is { } word && !IsError(word))
            return new WordValueSyntax(Token(word, SyntaxKind.IdentifierToken));
        return MissingValue();
    }

    ValueSyntax MissingValue() => new WordValueSyntax(cursor.Missing(SyntaxKind.NumberToken));

    // ── laws ────────────────────────────────────────────────────────────────────────────

    LawDeclarationSyntax LawDeclaration(LawDeclarationContext context)
    {
        switch (context)
        {
            case LawBlockContext block:
            {
                var keyword = Token(block.LAW(), SyntaxKind.LawKeyword);
                var name = Token(block.name, SyntaxKind.IdentifierToken);
                var form = block.form is null ? null : Token(block.form, SyntaxKind.IdentifierToken);
                return new LawDeclarationSyntax(keyword, name, null, null, LawBody(block.lawBody()), form);
            }
            case LawDefinitionContext definition:
            {
                var keyword = Token(definition.LAW(), SyntaxKind.LawKeyword);
                var name = Token(definition.name, SyntaxKind.IdentifierToken);
                var equals = Token(definition.EQUALS(), SyntaxKind.EqualsToken);
                var expression = LawExpression(definition.lawExpression());
                var body = definition.lawBody() is { } b ? LawBody(b) : null;
                return new LawDeclarationSyntax(keyword, name, equals, expression, body);
            }
            default:
            {
                // no alternative chosen: keep what can be read, the rest becomes skipped trivia
                var keyword = Token(FirstTerminal(context, LAW), SyntaxKind.LawKeyword);
                var name = Token(FirstTerminal(context, IDENTIFIER), SyntaxKind.IdentifierToken);
                return new LawDeclarationSyntax(keyword, name, null, null, LawBody(null));
            }
        }
    }

    LawBodySyntax LawBody(LawBodyContext? context)
    {
        var open = Token(context?.LBRACE(), SyntaxKind.OpenBraceToken);
        var parameters = ImmutableArray.CreateBuilder<ParameterSyntax>();
        foreach (var p in context?.parameter() ?? [])
        {
            var name = Token(p.name, SyntaxKind.IdentifierToken);
            var equals = Token(p.EQUALS(), SyntaxKind.EqualsToken);
            parameters.Add(new ParameterSyntax(name, equals, Value(p.value())));
        }
        var parts = ImmutableArray.CreateBuilder<UncertaintyPartSyntax>();
        foreach (var part in context?.uncertaintyPart() ?? [])
        {
            var partName = Token(part.name, SyntaxKind.IdentifierToken);
            var partOpen = Token(part.LBRACE(), SyntaxKind.OpenBraceToken);
            var entries = ImmutableArray.CreateBuilder<UncertaintyEntrySyntax>();
            foreach (var e in part.uncertaintyEntry())
            {
                var key = Token(e.key, SyntaxKind.IdentifierToken);
                var subjects = e._subjects.Select(t => Token(t, SyntaxKind.IdentifierToken)).ToImmutableArray();
                entries.Add(new UncertaintyEntrySyntax(key, subjects, Token(e.EQUALS(), SyntaxKind.EqualsToken), Value(e.value())));
            }
            parts.Add(new UncertaintyPartSyntax(partName, partOpen, entries.ToImmutable(), Token(part.RBRACE(), SyntaxKind.CloseBraceToken)));
        }
        var close = Token(context?.RBRACE(), SyntaxKind.CloseBraceToken);
        return new LawBodySyntax(open, parameters.ToImmutable(), close, parts.ToImmutable());
    }

    LawExpressionSyntax LawExpression(LawExpressionContext? context)
    {
        var terms = ImmutableArray.CreateBuilder<LawTermSyntax>();
        var signs = ImmutableArray.CreateBuilder<SyntaxToken>();
        foreach (var child in context?.children ?? [])
        {
            if (child is LawTermContext term)
            {
                if (terms.Count > signs.Count) signs.Add(cursor.Missing(SyntaxKind.PlusToken));
                terms.Add(LawTerm(term));
            }
            else if (child is ITerminalNode sign && !IsError(sign) && terms.Count > signs.Count)
                signs.Add(Token(sign, SyntaxKind.PlusToken));
        }
        if (terms.Count == 0 || signs.Count == terms.Count)
            terms.Add(new LawTermSyntax(null, null, MissingName()));
        return new LawExpressionSyntax(terms.ToImmutable(), signs.ToImmutable());
    }

    LawTermSyntax LawTerm(LawTermContext context)
    {
        ValueSyntax? weight = null;
        SyntaxToken? star = null;
        if (context.value() is { } value)
        {
            weight = Value(value);
            star = Token(context.STAR(), SyntaxKind.StarToken);
        }
        return new LawTermSyntax(weight, star, QualifiedName(context.qualifiedName()));
    }

    QualifiedNameSyntax QualifiedName(QualifiedNameContext? context)
    {
        var parts = ImmutableArray.CreateBuilder<SyntaxToken>();
        var dots = ImmutableArray.CreateBuilder<SyntaxToken>();
        foreach (var child in context?.children ?? [])
        {
            if (child is not ITerminalNode terminal || IsError(terminal)) continue;
            if (terminal.Symbol.Type == DOT)
            {
                if (parts.Count == dots.Count) parts.Add(cursor.Missing(SyntaxKind.IdentifierToken));
                dots.Add(Token(terminal, SyntaxKind.DotToken));
            }
            else
            {
                if (parts.Count > dots.Count) dots.Add(cursor.Missing(SyntaxKind.DotToken));
                parts.Add(Token(terminal, SyntaxKind.IdentifierToken));
            }
        }
        if (parts.Count == dots.Count) parts.Add(cursor.Missing(SyntaxKind.IdentifierToken));
        return new QualifiedNameSyntax(parts.ToImmutable(), dots.ToImmutable());
    }

    QualifiedNameSyntax MissingName() => new([cursor.Missing(SyntaxKind.IdentifierToken)], []);

    // ── sweeps ──────────────────────────────────────────────────────────────────────────

    SweepDeclarationSyntax SweepDeclaration(SweepDeclarationContext context)
    {
        var keyword = Token(context.SWEEP(), SyntaxKind.SweepKeyword);
        var run = Token(context.run, SyntaxKind.IdentifierToken);
        var open = Token(context.LBRACE(), SyntaxKind.OpenBraceToken);
        var items = ImmutableArray.CreateBuilder<SweepItemSyntax>();
        foreach (var item in context.sweepItem())
            if (SweepItem(item) is { } node) items.Add(node);
        var close = Token(context.RBRACE(), SyntaxKind.CloseBraceToken);
        return new SweepDeclarationSyntax(keyword, run, open, items.ToImmutable(), close);
    }

    SweepItemSyntax? SweepItem(SweepItemContext context) => context switch
    {
        ReplayAxisContext r => new SweepAxisSyntax(
            Token(r.REPLAY(), SyntaxKind.ReplayKeyword), Token(r.domain, SyntaxKind.IdentifierToken), SweepValues(r.sweepValues())),
        NamedAxisContext n => new SweepAxisSyntax(null, Token(n.name, SyntaxKind.IdentifierToken), SweepValues(n.sweepValues())),
        ObjectiveContext o => new ObjectiveSyntax(Token(o.MINIMIZE(), SyntaxKind.MinimizeKeyword), LawExpression(o.lawExpression())),
        RequirementContext q => new RequirementSyntax(
            Token(q.REQUIRE(), SyntaxKind.RequireKeyword), Token(q.subject, SyntaxKind.IdentifierToken),
            OptionalToken(q.measure), Token(q.LESS_EQUAL(), SyntaxKind.LessOrEqualToken), Value(q.bound)),
        _ => null,
    };

    SweepValuesSyntax SweepValues(SweepValuesContext? context)
    {
        if (context is SweepRangeContext range)
        {
            var low = Value(range.low);
            var to = Token(range.TO(), SyntaxKind.ToKeyword);
            var high = Value(range.high);
            var stepWord = Token(range.stepWord, SyntaxKind.IdentifierToken);
            return new SweepRangeSyntax(low, to, high, stepWord, Value(range.step));
        }
        var items = ImmutableArray.CreateBuilder<SyntaxNode>();
        var commas = ImmutableArray.CreateBuilder<SyntaxToken>();
        foreach (var child in (context as SweepListContext)?.children ?? [])
        {
            if (child is SweepValueContext value)
            {
                if (items.Count > commas.Count) commas.Add(cursor.Missing(SyntaxKind.CommaToken));
                items.Add(SweepValue(value));
            }
            else if (child is ITerminalNode comma && !IsError(comma) && items.Count > commas.Count)
                commas.Add(Token(comma, SyntaxKind.CommaToken));
        }
        if (items.Count == 0 || commas.Count == items.Count) items.Add(MissingValue());
        return new SweepListSyntax(items.ToImmutable(), commas.ToImmutable());
    }

    SyntaxNode SweepValue(SweepValueContext context)
    {
        if (context.shape() is { } shape) return Shape(shape)!;
        if (context.NUMBER() is { } number && !IsError(number))
        {
            var minus = OptionalToken(context.MINUS());
            return new NumberValueSyntax(minus, Token(number, SyntaxKind.NumberToken), OptionalToken(context.PERCENT()));
        }
        return MissingValue();
    }

    // ── tokens ──────────────────────────────────────────────────────────────────────────

    SyntaxToken Token(ITerminalNode? node, SyntaxKind expected) =>
        node is null || (IsError(node) && node.Symbol.TokenIndex >= 0) ? cursor.Missing(expected) : cursor.Take(node.Symbol, expected);

    SyntaxToken Token(IToken? token, SyntaxKind expected) => cursor.Take(token, expected);

    SyntaxToken? OptionalToken(ITerminalNode? node) =>
        node is null || IsError(node) ? null : cursor.Take(node.Symbol, SyntaxKind.BadCharacterToken);

    SyntaxToken? OptionalToken(IToken? token) => token is null || token.TokenIndex < 0 ? null : cursor.Take(token, SyntaxKind.BadCharacterToken);

    /// <summary>An error node is a token error recovery skipped or conjured, not one the rule matched.</summary>
    static bool IsError(IParseTree node) => node is IErrorNode;

    static ITerminalNode? FirstTerminal(ParserRuleContext context, int type) =>
        context.children?.OfType<ITerminalNode>().FirstOrDefault(t => t.Symbol.Type == type && !IsError(t));
}
