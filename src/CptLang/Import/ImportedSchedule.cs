using CptLang.Syntax.Factory;

namespace CptLang.Import;

/// <summary>A framework's schedule read back as .cpt phases, and the framework's own per-update LR
/// (to check the phases against on every step).</summary>
public sealed record ImportedSchedule(double PeakLr, IReadOnlyList<SourcePhase> Phases, Func<long, double> FrameworkLr, long Updates, string Summary);
