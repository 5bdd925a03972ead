using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using CptLang.Diagnostics;
using CptLang.Syntax.Generated;
using CptLang.Text;

namespace CptLang.Syntax.Parsing;

/// <summary>
/// ANTLR's default recovery (single-token insertion and deletion, resynchronisation), with its
/// reports turned into coded diagnostics worded for .cpt users instead of ANTLR's messages.
/// After <see cref="MaxErrors"/> reports it goes quiet: the parse still finishes (recovery is
/// linear) but one "too many errors" diagnostic stands for the rest.
/// </summary>
internal sealed class SyntaxErrorStrategy(SourceText text, List<Diagnostic> diagnostics) : DefaultErrorStrategy
{
    public const int MaxErrors = 100;
    int _reported;

    /// <summary>
    /// At the start of a loop or block, ANTLR gives up on the whole rule when the next token
    /// fits nowhere, so one stray token at file level would swallow the rest of the file. Here
    /// the strategy skips to the next token that can continue the loop (or follow it) instead,
    /// and the following runs, stages and laws are still parsed and checked.
    /// </summary>
    public override void Sync(Antlr4.Runtime.Parser recognizer)
    {
        try
        {
            base.Sync(recognizer);
        }
        catch (InputMismatchException)
        {
            var expecting = GetExpectedTokens(recognizer);
            if (!InErrorRecoveryMode(recognizer))
            {
                BeginErrorCondition(recognizer);
                Unexpected(recognizer.CurrentToken, expecting);
            }
            ConsumeUntil(recognizer, expecting.Or(GetErrorRecoverySet(recognizer)));
        }
    }

    /// <summary>Braces carry the structure: deleting one to match the next token (ANTLR's first
    /// resort) would misread everything after it, so a missing token is conjured instead.</summary>
    protected override IToken? SingleTokenDeletion(Antlr4.Runtime.Parser recognizer)
    {
        int next = ((ITokenStream)recognizer.InputStream).LA(1);
        return next is CptLexer.LBRACE or CptLexer.RBRACE ? null : base.SingleTokenDeletion(recognizer);
    }

    protected override void ReportNoViableAlternative(Antlr4.Runtime.Parser recognizer, NoViableAltException e) =>
        Unexpected(e.OffendingToken, e.GetExpectedTokens());

    protected override void ReportInputMismatch(Antlr4.Runtime.Parser recognizer, InputMismatchException e) =>
        Unexpected(e.OffendingToken, e.GetExpectedTokens());

    protected override void ReportFailedPredicate(Antlr4.Runtime.Parser recognizer, FailedPredicateException e) =>
        Unexpected(e.OffendingToken, e.GetExpectedTokens());

    protected override void ReportUnwantedToken(Antlr4.Runtime.Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer)) return;
        BeginErrorCondition(recognizer);
        Unexpected(recognizer.CurrentToken, GetExpectedTokens(recognizer));
    }

    protected override void ReportMissingToken(Antlr4.Runtime.Parser recognizer)
    {
        if (InErrorRecoveryMode(recognizer)) return;
        BeginErrorCondition(recognizer);
        var expected = GetExpectedTokens(recognizer);
        var previous = ((ITokenStream)recognizer.InputStream).LT(-1);
        int at = previous is null ? 0 : previous.StopIndex + 1;
        Report(DiagnosticBuilder.At(new TextSpan(at, 0)).MissingToken(Describe(expected)));
    }

    void Unexpected(IToken token, IntervalSet? expected)
    {
        var span = token.Type == TokenConstants.EOF
            ? new TextSpan(text.Length, 0)
            : TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);
        string actual = token.Type == TokenConstants.EOF ? "end of file" : $"'{text.ToString(span)}'";
        Report(DiagnosticBuilder.At(span).UnexpectedToken(actual, expected is null ? null : Describe(expected)));
    }

    void Report(Diagnostic diagnostic)
    {
        _reported++;
        if (_reported <= MaxErrors) diagnostics.Add(diagnostic);
        else if (_reported == MaxErrors + 1) diagnostics.Add(DiagnosticBuilder.At(diagnostic.Span).TooManyErrors(MaxErrors));
    }

    static string? Describe(IntervalSet expected)
    {
        var names = expected.ToList()
            .Select(TokenKinds.FromAntlr)
            .Where(k => k != SyntaxKind.BadCharacterToken)
            .Distinct()
            .Select(SyntaxFacts.DisplayName)
            .ToList();
        if (names.Count == 0) return null;
        if (names.Count > 6) names = [.. names.Take(6), "…"];
        return names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
    }
}
