using CptLang.Diagnostics;
using CptLang.Laws.Laws;
using CptLang.Laws.Schedules;
using CptLang.Text;

namespace CptLang.Predicting;

/// <summary>The law engine's <see cref="LawProblem"/>s as diagnostics at the law's declaration:
/// the engine knows names, the compilation knows where each name is written.</summary>
public static class LawDiagnostics
{
    public static Diagnostic Of(Compilation compilation, EvaluationPlan plan, LawProblem problem)
    {
        var at = DiagnosticBuilder.At(SpanOf(compilation, problem.Law));
        return problem.Kind switch
        {
            LawProblemKind.MissingRole => at.ReplayLawWithoutRole(problem.Law, plan.Run),
            LawProblemKind.FormDoesNotFitRun when problem.Mismatch is { } mismatch =>
                Binding.RunLawChecks.Error(mismatch, problem.Law, plan.Run, plan.Continual?.ReplayRatio ?? 0, SpanOf(compilation, problem.Law)),
            _ when problem.Step is { } step => at.LawUndefined(problem.Law, step, problem.Message),
            _ => at.LawCannotBeEvaluated(problem.Law, plan.Run, problem.Message),
        };
    }

    /// <summary>Where law <paramref name="law"/> is declared (the start of the file when it is not).</summary>
    public static TextSpan SpanOf(Compilation compilation, string law) =>
        compilation.Bound.Laws.FirstOrDefault(l => l.Name == law)?.Syntax.Name.Span ?? default;
}
