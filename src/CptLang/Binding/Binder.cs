using System.Collections.Immutable;
using CptLang.Diagnostics;
using CptLang.Laws.Schedules;
using CptLang.Syntax;

namespace CptLang.Binding;

/// <summary>Binds a whole file: file-wide settings, then laws, then runs, then the checks that
/// pair every run with every law (all laws of a file apply to all its runs).</summary>
internal static class Binder
{
    public static BoundFile Bind(CompilationUnitSyntax root, DiagnosticBag diagnostics, SyntaxErrorMap syntaxErrors)
    {
        var values = new ValueBinder(diagnostics);
        var settings = BindFileSettings(root, diagnostics, values, syntaxErrors);

        var laws = new LawBinder(diagnostics, syntaxErrors).Bind(root.Members.OfType<LawDeclarationSyntax>().ToList());

        var runs = ImmutableArray.CreateBuilder<BoundRun>();
        var runNames = new HashSet<string>();
        var runBinder = new RunBinder(diagnostics, syntaxErrors);
        foreach (var run in root.Members.OfType<RunDeclarationSyntax>().Where(r => !syntaxErrors.PastCutoff(r)))
        {
            if (!run.Name.IsMissing && !runNames.Add(run.Name.Text))
                diagnostics.Add(DiagnosticBuilder.At(run.Name.Span).DuplicateRun(run.Name.Text));
            runs.Add(runBinder.Bind(run, settings));
        }

        foreach (var run in runs.Where(r => !r.HasErrors))
            RunLawChecks.Check(run, laws, diagnostics);

        var sweeps = ImmutableArray.CreateBuilder<BoundSweep>();
        var sweptRuns = new HashSet<string>();
        var familyChecks = new List<SweepFamilyCheck>();
        var sweepBinder = new SweepBinder(diagnostics, values, new PhaseBinder(diagnostics, values, syntaxErrors), syntaxErrors, familyChecks);
        foreach (var sweep in root.Members.OfType<SweepDeclarationSyntax>().Where(s => !syntaxErrors.PastCutoff(s)))
        {
            if (!sweep.Run.IsMissing && !sweptRuns.Add(sweep.Run.Text))
                diagnostics.Add(DiagnosticBuilder.At(sweep.Run.Span).DuplicateSweep(sweep.Run.Text));
            else if (sweepBinder.Bind(sweep, runs, laws) is { } bound) sweeps.Add(bound);
        }
        return new BoundFile(settings, runs.ToImmutable(), laws, sweeps.ToImmutable(), [.. familyChecks]);
    }

    static PlanSettings BindFileSettings(CompilationUnitSyntax root, DiagnosticBag diagnostics, ValueBinder values, SyntaxErrorMap syntaxErrors)
    {
        var settings = PlanSettings.Default;
        var binder = new SettingBinder(diagnostics, values);
        var seen = new HashSet<string>();
        foreach (var property in root.Members.OfType<PropertySyntax>())
        {
            if (property.Name.IsMissing || syntaxErrors.Touches(property)) continue;
            if (!seen.Add(property.Name.Text))
                diagnostics.Add(DiagnosticBuilder.At(property.Name.Span).DuplicateProperty(property.Name.Text));
            else if (!binder.TryApply(property, ref settings))
                diagnostics.Add(PropertyNames.RunProperties.Contains(property.Name.Text)
                    ? DiagnosticBuilder.At(property.Name.Span).RunPropertyAtFileLevel(property.Name.Text)
                    : DiagnosticBuilder.At(property.Name.Span).UnknownProperty(property.Name.Text, "file setting", PropertyNames.Settings));
        }
        return settings;
    }
}
