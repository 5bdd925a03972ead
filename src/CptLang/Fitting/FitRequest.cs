using CptLang.Laws.Laws;

namespace CptLang.Fitting;

/// <summary>
/// What to fit: one validation set's law, to the logs of some of the file's runs. The options
/// arrive parsed (numbers are numbers); whether they make sense for the file and the form is
/// checked by <see cref="LawFitting.Fit"/>.
/// </summary>
/// <param name="Law">The law (validation set) to fit; its block need not exist yet.</param>
/// <param name="Logs">One log per run: fitted, or predicted when the run is in <see cref="HeldOut"/>.</param>
/// <param name="Form">The form to fit; null: the existing block's, else Eq. 4 when a run switches domain, else Eq. 1.</param>
public sealed record FitRequest(string Law, IReadOnlyList<RunLog> Logs, LawForm? Form = null)
{
    /// <summary>Runs whose logs are predicted, not fitted.</summary>
    public IReadOnlyList<string> HeldOut { get; init; } = [];

    /// <summary>Parameters held at a value (<c>--fix</c>).</summary>
    public IReadOnlyList<FixedParameter> Fixed { get; init; } = [];

    /// <summary>Each run's model size in millions of parameters, for the model-size form (Eq. 7).</summary>
    public IReadOnlyList<RunModelSize> ModelSizes { get; init; } = [];

    /// <summary>The default columns of the logs (a <see cref="RunLog"/> may name its loss column).</summary>
    public LogColumns Columns { get; init; } = new("step", "loss", "lr");

    /// <summary>Also rewrite the file with the fitted block (<see cref="FitResponse.Rewritten"/>).</summary>
    public bool Write { get; init; }
}

/// <summary>The log of run <paramref name="Run"/> at <paramref name="Path"/>, and its loss column
/// when it is not the request's default.</summary>
public sealed record RunLog(string Run, string Path, string? LossColumn = null);

/// <summary>A parameter held at <paramref name="Value"/>; <paramref name="Text"/> is the value
/// as the user wrote it, for messages.</summary>
public sealed record FixedParameter(string Name, double Value, string Text);

/// <summary>A run's model size in millions of parameters; <paramref name="Text"/> as written.</summary>
public sealed record RunModelSize(string Run, double Millions, string Text);
