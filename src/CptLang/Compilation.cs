using System.Collections.Immutable;
using CptLang.Binding;
using CptLang.Diagnostics;
using CptLang.Laws.Laws;
using CptLang.Laws.Planning;
using CptLang.Laws.Schedules;
using CptLang.Lowering;
using CptLang.Syntax;
using CptLang.Text;

namespace CptLang;

/// <summary>
/// One .cpt file through the pipeline: Syntax → Binding → Lowering. Each stage runs once, on
/// first use, and each run is lowered once: the checks that need a plan (a sweep's run family)
/// run on the same plans that are handed out. Plans and laws are only handed out for a file
/// without errors.
/// </summary>
public sealed class Compilation
{
    readonly Lazy<(BoundFile Bound, ImmutableArray<Diagnostic> Diagnostics)> _binding;
    readonly Lazy<ImmutableArray<EvaluationPlan>> _plans;
    readonly Lazy<ImmutableArray<SweepPlan>> _sweeps;
    readonly Dictionary<BoundRun, EvaluationPlan> _lowered = new(ReferenceEqualityComparer.Instance);

    Compilation(SyntaxTree tree)
    {
        SyntaxTree = tree;
        _binding = new(Bind);
        _plans = new(() => HasErrors ? [] : Bound.Runs.Select(Lower).ToImmutableArray());
        _sweeps = new(() => HasErrors ? [] : [.. Bound.Sweeps.Select(s => SweepLowerer.Lower(s, Plans.Single(p => p.Run == s.Run), Laws))]);
    }

    /// <summary>More than this many diagnostics are summarised in one: nobody reads the rest.</summary>
    public const int MaxDiagnostics = 200;

    public static Compilation Create(SourceText text) => new(SyntaxTree.Parse(text));

    public static Compilation Create(string text, string path = "") => Create(SourceText.From(text, path));

    public SyntaxTree SyntaxTree { get; }
    public SourceText Text => SyntaxTree.Text;

    public BoundFile Bound => _binding.Value.Bound;

    /// <summary>Syntax and binding diagnostics, in source order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => _binding.Value.Diagnostics;

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The evaluation plan of every run, in source order; empty when the file has errors.</summary>
    public ImmutableArray<EvaluationPlan> Plans => _plans.Value;

    /// <summary>The sweeps of the file, ready for the optimiser; empty when the file has errors.</summary>
    public ImmutableArray<SweepPlan> Sweeps => _sweeps.Value;

    /// <summary>The laws of the file; empty when the file has errors.</summary>
    public ImmutableArray<LawDefinition> Laws => HasErrors ? [] : Bound.Laws.Select(l => l.Definition).ToImmutableArray();

    /// <summary>Lowers a run that bound without errors, once (called under the lazies' locks).</summary>
    EvaluationPlan Lower(BoundRun run)
    {
        if (!_lowered.TryGetValue(run, out var plan)) _lowered[run] = plan = Lowerer.Lower(run);
        return plan;
    }

    /// <summary>A sweep's run must be a CPT run whose schedule has the phases each axis reshapes.</summary>
    void CheckFamily(SweepFamilyCheck check, DiagnosticBag bag)
    {
        var plan = Lower(check.Run);
        if (RunFamily.Problem(plan, []) is { } runProblem)
            bag.Add(DiagnosticBuilder.At(check.RunSpan).AxisNotInFamily(runProblem));
        else
            foreach (var (kind, span) in check.Axes)
                if (RunFamily.Problem(plan, [kind]) is { } problem)
                    bag.Add(DiagnosticBuilder.At(span).AxisNotInFamily(problem));
    }

    (BoundFile, ImmutableArray<Diagnostic>) Bind()
    {
        var bag = new DiagnosticBag();
        foreach (var d in SyntaxTree.Diagnostics) bag.Add(d);
        var bound = Binder.Bind(SyntaxTree.Root, bag, new SyntaxErrorMap(SyntaxTree.Diagnostics));
        foreach (var check in bound.FamilyChecks) CheckFamily(check, bag);
        var ordered = bag.Items
            .Select(d => d.IsError || d.Run is not null ? d : d with { Run = RunAround(d.Span) })
            .OrderBy(d => d.Span.Start).ThenBy(d => d.Span.Length).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        if (ordered.Count > MaxDiagnostics)
        {
            var last = ordered[MaxDiagnostics - 1];
            ordered = [.. ordered.Take(MaxDiagnostics), DiagnosticBuilder.At(last.Span).TooManyDiagnostics(ordered.Count, MaxDiagnostics)];
        }
        return (bound, [.. ordered]);
    }

    /// <summary>The run whose block holds <paramref name="span"/>, or null: a warning there is
    /// about that run, and a command that evaluates other runs counts it in one line instead of
    /// printing it (docs/diagnostics.md, Format). Errors stay untagged: they stop every command.</summary>
    string? RunAround(TextSpan span)
    {
        foreach (var member in SyntaxTree.Root.Members)
            if (member is RunDeclarationSyntax run && run.Span.Start <= span.Start && span.End <= run.Span.End && !run.Name.IsMissing)
                return run.Name.Text;
        return null;
    }
}
