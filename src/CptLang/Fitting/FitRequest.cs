using CptLang.Diagnostics;
using CptLang.Laws.Laws;
using CptLang.Syntax;

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

    /// <summary>Choose the form by leave-one-run-out prediction (<c>--form auto</c>,
    /// <see cref="FormSelection"/>); <see cref="FitRequest.Form"/> must then be null.</summary>
    public bool AutoForm { get; init; }

    /// <summary>Parameters held at a value (<c>--fix</c>).</summary>
    public IReadOnlyList<FixedParameter> Fixed { get; init; } = [];

    /// <summary>Each run's model size in millions of parameters, for the model-size form (Eq. 7).</summary>
    public IReadOnlyList<RunModelSize> ModelSizes { get; init; } = [];

    /// <summary>The default columns of the logs (a <see cref="RunLog"/> may name its loss column).</summary>
    public LogColumns Columns { get; init; } = new("step", "loss", "lr");

    /// <summary>Also rewrite the file with the fitted block (<see cref="FitResponse.Rewritten"/>).</summary>
    public bool Write { get; init; }

    /// <summary>Also choose the setting <c>lambda</c> (docs/laws.md §1) the logs prefer; with
    /// <see cref="Write"/>, the file's <c>lambda</c> is set to it.</summary>
    public bool FitLambda { get; init; }

    /// <summary>Fit only the rows after each run's switch (<c>--after-switch</c>): for a set whose
    /// logged loss the law cannot follow during pre-training (it rises there).</summary>
    public bool AfterSwitch { get; init; }

    /// <summary>Also fit (and score) the rows logged during a run's initial warmup
    /// (<c>--fit-warmup</c>); by default they are left out, since the laws describe the loss after
    /// it (docs/laws.md §9).</summary>
    public bool FitWarmup { get; init; }

    /// <summary>Bootstrap replicates for the parameters' uncertainty (<c>--replicates</c>,
    /// docs/laws.md §9.1); 0 fits without it.</summary>
    public int Replicates { get; init; } = Laws.Fitting.Uncertainty.UncertaintyEstimator.DefaultReplicates;
}

/// <summary>The log of run <paramref name="Run"/> at <paramref name="Path"/>, and its loss column
/// when it is not the request's default.</summary>
public sealed record RunLog(string Run, string Path, string? LossColumn = null);

/// <summary>A parameter held at <paramref name="Value"/>; <paramref name="Text"/> is the value
/// as the user wrote it, for messages.</summary>
public sealed record FixedParameter(string Name, double Value, string Text);

/// <summary>A run's model size in millions of parameters; <paramref name="Text"/> as written.</summary>
public sealed record RunModelSize(string Run, double Millions, string Text)
{
    /// <summary>
    /// <c>RUN=SIZE</c> (<c>--model-size</c>): SIZE is a parameter count written as <c>N</c> is in
    /// a law block, with its suffix (<c>106M</c>, <c>1.72B</c>, <c>500k</c>); the result is in
    /// millions (docs/laws.md §3). A plain number is refused: in a law block <c>N = 106</c> means
    /// 106 parameters, while the law counts in millions, so either reading would surprise someone.
    /// </summary>
    public static (RunModelSize? Size, Diagnostic? Error) Parse(string spec)
    {
        int equals = spec.IndexOf('=');
        string run = equals > 0 ? spec[..equals].Trim() : "", text = equals > 0 ? spec[(equals + 1)..].Trim() : "";
        if (run.Length == 0 || text.Length == 0)
            return Invalid($"--model-size '{spec}' is not RUN=SIZE", "e.g. --model-size small=106M (a parameter count with its k, M or B suffix)");
        // the language's NUMBER: digits, '_' separators, fraction, exponent, k/M/B
        bool wellFormed = (char.IsAsciiDigit(text[0]) || text[0] == '.') && !text.Contains(',');
        double value = wellFormed && NumberLiteral.TryParse(text, out double parsed) ? parsed : double.NaN;
        if (!double.IsFinite(value) || !(value > 0))
            return Invalid($"--model-size {run}={text} is not a positive model size", "write it as in a law block, e.g. 106M or 1.72B");
        if (!NumberLiteral.HasScaleSuffix(text))
            return Invalid($"--model-size {run}={text} has no k, M or B suffix", $"write the parameter count with its suffix, e.g. {run}={text}M for {text} million");
        return (new RunModelSize(run, value / 1e6, text), null);
    }

    static (RunModelSize?, Diagnostic?) Invalid(string message, string hint) =>
        (null, DiagnosticBuilder.At(default).FitInvalidOption(message, hint));
}
