using CptLang.Text;
using static CptLang.Diagnostics.DisplayFormat;
using C = CptLang.Diagnostics.DiagnosticCatalog;

namespace CptLang.Diagnostics;

/// <summary>
/// Builds each diagnostic of <see cref="DiagnosticCatalog"/> with its message and fix hint.
/// Call sites read like <c>DiagnosticBuilder.At(span).UnknownShape("cosin", suggestion)</c>.
/// Messages are lower-case sentences without a final period, in the MSBuild style.
/// </summary>
public readonly struct DiagnosticBuilder(TextSpan span)
{
    public static DiagnosticBuilder At(TextSpan span) => new(span);

    Diagnostic Make(DiagnosticDescriptor descriptor, string message, string? hint = null) => new(descriptor, span, message, hint);

    // ── 0xxx syntax ──────────────────────────────────────────────────────────────────────
    public Diagnostic FileTooLarge(int length, int max) => Make(C.FileTooLarge,
        $"the file has {length:N0} characters; cptc reads .cpt files of up to {max:N0}",
        "split the file, or check that this is the file you meant");
    public Diagnostic BinaryFile() => Make(C.BinaryFile,
        "this is not a text file (it contains NUL characters)", "pass a .cpt source file");
    public Diagnostic InvalidCharacter(string text) => Make(C.InvalidCharacter,
        text.Length == 1 ? $"invalid character '{Printable(text)}'" : $"invalid characters '{Printable(text)}'",
        text.StartsWith('#') ? "comments start with // or /*" : text.Length == 1 ? "remove it" : "remove them");
    public Diagnostic TooManyInvalidCharacters(int max) => Make(C.TooManyErrors,
        $"more than {max} runs of invalid characters; the rest are not reported", "is this a .cpt file?");
    public Diagnostic UnexpectedToken(string actual, string? expected) => Make(C.UnexpectedToken,
        expected is null ? $"unexpected {actual}" : $"unexpected {actual}; expected {expected}");
    public Diagnostic MissingToken(string? expected) => Make(C.MissingToken,
        expected is null ? "something is missing here" : $"expected {expected}");
    public Diagnostic InvalidUtf8(byte value, long offset) => Make(C.InvalidUtf8,
        $"byte 0x{value:X2} at byte offset {offset:N0} is not valid UTF-8", "save the file as UTF-8; cptc keeps every byte it does not understand, so it does not rewrite such a file");
    public Diagnostic UnterminatedComment() => Make(C.UnterminatedComment,
        "this block comment has no closing */", "close it with */");
    public Diagnostic TooManyErrors(int max) => Make(C.TooManyErrors,
        $"more than {max} syntax errors; the rest are not reported", "fix the first errors and compile again");
    public Diagnostic TooManyDiagnostics(int count, int shown) => Make(C.TooManyErrors,
        $"{count:N0} diagnostics in all; only the first {shown} are shown", "fix the first errors and compile again");

    // ── 1xxx names, values and units ─────────────────────────────────────────────────────
    public Diagnostic DuplicateRun(string name) => Make(C.DuplicateRun, $"a run named '{name}' is already declared in this file", "rename one of them");
    public Diagnostic DuplicateLaw(string name) => Make(C.DuplicateLaw, $"a law named '{name}' is already declared in this file", "each validation set has one law; rename or remove one");
    public Diagnostic DuplicateProperty(string name) => Make(C.DuplicateProperty, $"'{name}' is already given", "remove one of them");
    public Diagnostic UnknownProperty(string name, string where, IEnumerable<string> known) => Make(C.UnknownProperty,
        $"unknown {where} '{name}'{Spelling.DidYouMean(name, known)}", $"known here: {string.Join(", ", known)}");
    public Diagnostic RunPropertyAtFileLevel(string name) => Make(C.UnknownProperty,
        $"'{name}' is a run property; it belongs inside a run", "move it into the `run NAME { … }` block; file level takes only lambda, warmup_area and s2_split");
    public Diagnostic NotANumber(string text, string what) => Make(C.NotANumber, $"'{text}' is not a number; {what} must be a number");
    public Diagnostic NumberOutOfRange(string text) => Make(C.NumberOutOfRange, $"'{text}' is too large to be a number cptc can use");
    public Diagnostic PercentNotAllowed(string what) => Make(C.PercentNotAllowed, $"{what} cannot be given in %", "write the plain number");
    public Diagnostic InvalidSettingValue(string setting, string value, IEnumerable<string> allowed) => Make(C.InvalidSettingValue,
        $"'{value}' is not a value of '{setting}'{Spelling.DidYouMean(value, allowed)}", $"use one of: {string.Join(", ", allowed)}");
    public Diagnostic InvalidLambda(double value) => Make(C.InvalidSettingValue,
        $"lambda must lie strictly between 0 and 1, not {Number(value)}", "the papers use lambda 0.999");
    public Diagnostic UnknownDomain(string name, IEnumerable<string> domains) => Make(C.UnknownDomain,
        $"unknown domain '{name}'{Spelling.DidYouMean(name, domains)}", domains.Any() ? $"this run's domains: {string.Join(", ", domains)}" : null);
    public Diagnostic UnknownLaw(string name, IEnumerable<string> laws) => Make(C.UnknownLaw,
        $"unknown law '{name}'{Spelling.DidYouMean(name, laws)}", "declare it with `law NAME { … }` in this file");
    public Diagnostic UnknownParameter(string name, IEnumerable<string> known) => Make(C.UnknownParameter,
        $"unknown law parameter '{name}'{Spelling.DidYouMean(name, known)}", $"law parameters: {string.Join(" ", known)}");
    public Diagnostic DuplicateParameter(string name) => Make(C.DuplicateParameter, $"parameter '{name}' is already given", "remove one of them");
    public Diagnostic MissingPeakLr(string run) => Make(C.MissingPeakLr,
        $"run '{run}' has no peak_lr", "add `peak_lr 2e-4` (or your peak); phases start there and % LRs are relative to it");
    public Diagnostic UnknownPreset(string name, IEnumerable<string> presets) => Make(C.UnknownPreset,
        $"unknown parameter set '{name}'{Spelling.DidYouMean(name, presets)}",
        presets.Any() ? $"built-in sets: {string.Join(", ", presets)}" : "there are no built-in parameter sets");
    public Diagnostic OodWeightsAsLaw(string law, string preset, double general, double domain) => Make(C.UnknownPreset,
        $"'{preset}' is a pair of out-of-domain weights (Eq. 6), not a law",
        $"write `law {law} = {Number(general)} * GENERAL + {Number(domain)} * DOMAIN` with the names of your general and domain laws");
    public Diagnostic ValueMustBePositive(string what, double value) => Make(C.ValueMustBePositive, $"{what} must be above 0, not {Number(value)}");
    public Diagnostic UnknownUnit(string unit) => Make(C.UnknownUnit,
        $"unknown length unit '{unit}'{Spelling.DidYouMean(unit, ["steps", "tokens"])}", "lengths are `N steps`, `N tokens` or `until STEP`");
    public Diagnostic MissingUnit(string amount) => Make(C.MissingUnit,
        $"'{amount}' needs a unit", $"write `{amount} steps` or `{amount} tokens`");
    public Diagnostic TokensWithoutTokensPerStep(string run) => Make(C.TokensWithoutTokensPerStep,
        $"a length in tokens needs the run's tokens_per_step", $"add `tokens_per_step 4M` (your batch size in tokens) to run '{run}'");
    public Diagnostic NotWholeNumber(string what, double value) => Make(C.NotWholeNumber, $"{what} must be a whole number, not {Number(value)}");
    public Diagnostic SuffixNotAllowed(string what) => Make(C.SuffixNotAllowed, $"{what} takes no k/M/B suffix", "write the plain number");

    // ── 2xxx schedule semantics ──────────────────────────────────────────────────────────
    public Diagnostic ShapeNeedsPositiveEnd(string shape) => Make(C.ShapeNeedsPositiveEnd,
        $"an {shape} decay needs an end LR above 0", "use a small value such as 1% or another shape");
    public Diagnostic NonPositiveLength(double value) => Make(C.NonPositiveLength,
        $"a phase must last at least one step, not {Number(value)}");
    public Diagnostic TokenLengthBelowOneStep(string tokens, double steps) => Make(C.NonPositiveLength,
        $"{tokens} tokens is {Number(steps)} steps; a phase must last at least one step", "check tokens_per_step and the length");
    public Diagnostic MissingLength(string phase) => Make(C.MissingLength,
        $"this {phase} has no length", $"write e.g. `{phase} 1k steps`, `{phase} 4B tokens` or `{phase} until 50k`");
    public Diagnostic MissingDecayTarget() => Make(C.MissingDecayTarget,
        "this decay does not say where it ends", "add `to LR`, e.g. `decay 4k steps to 0 cosine` or `to 10%`");
    public Diagnostic ShapeOnStable(string shape) => Make(C.ShapeOnStable,
        $"a stable phase holds its LR and has no shape, but '{shape}' is given", "remove the shape, or use `decay … to LR " + shape + "`");
    public Diagnostic UntilBehind(long step, long current) => Make(C.UntilBehind,
        $"'until {Steps(step)}' is not after the previous phase, which ends at step {Steps(current)}", $"use a step after {Steps(current)}");
    public Diagnostic NegativeLearningRate(double value) => Make(C.NegativeLearningRate, $"a learning rate cannot be negative ({Number(value)})");
    public Diagnostic DecayRises(double from, double to) => Make(C.DecayRises,
        $"this decay rises from {Number(from)} to {Number(to)}", "use `warmup` to raise the LR, or lower the end value");
    public Diagnostic WarmupFalls(double from, double to) => Make(C.WarmupFalls,
        $"this warmup falls from {Number(from)} to {Number(to)}", "use `decay` to lower the LR, or raise the end value");
    public Diagnostic ReplayOutOfRange(double ratio) => Make(C.ReplayOutOfRange,
        $"a replay ratio must be at least 0 and below 1 (100%), not {Number(ratio)}", "write it as a fraction (0.25) or a percentage (25%)");
    public Diagnostic UnknownShape(string name, IEnumerable<string> shapes) => Make(C.UnknownShape,
        $"unknown shape '{name}'{Spelling.DidYouMean(name, shapes)}", $"shapes: {string.Join(", ", shapes)}");
    public Diagnostic ShapeNotForWarmup(string name, IEnumerable<string> shapes) => Make(C.ShapeNotForWarmup,
        $"a warmup cannot have the shape '{name}'", $"warmup shapes: {string.Join(", ", shapes)}");
    public Diagnostic InvalidShapeArgument(string message, string? hint = null) => Make(C.InvalidShapeArgument, message, hint);
    public Diagnostic SecondSwitch() => Make(C.SecondSwitch,
        "a run can switch domain only once: the CPT law covers one switch", "split the run into two runs, one per switch");
    public Diagnostic MisplacedPretraining(string keyword) => Make(C.MisplacedPretraining,
        $"'{keyword}' must be the first stage of a run, and there can be only one", "move it first, or make this stage a `switch to`");
    public Diagnostic SwitchWithoutPretraining(string domain) => Make(C.SwitchWithoutPretraining,
        $"the switch to '{domain}' has no pre-training stage before it",
        "add `train DOMAIN { … }` before it, or `pretrained DOMAIN` for an open checkpoint with an unknown schedule");
    public Diagnostic EmptyStage(string domain) => Make(C.EmptyStage, $"the stage on '{domain}' has no steps", "add a phase such as `stable 1k steps`");
    public Diagnostic ReplayOutsideSwitch() => Make(C.ReplayOutsideSwitch,
        "replay belongs in a `switch to` stage: it mixes pre-training data into continual pre-training");
    public Diagnostic ReplayOfOtherDomain(string domain, string pretraining) => Make(C.ReplayOfOtherDomain,
        $"the CPT law models replay of the pre-training domain '{pretraining}' only, not '{domain}'", $"replay '{pretraining}'");
    public Diagnostic DuplicateReplay() => Make(C.DuplicateReplay, "this stage already has a replay", "give one combined ratio");
    public Diagnostic SwitchToSameDomain(string domain) => Make(C.SwitchToSameDomain,
        $"the run already trains on '{domain}'; a switch needs a new domain", "continue the phases in the same stage instead");
    public Diagnostic RunTooLong(double steps, double max) => Make(C.RunTooLong,
        $"the run would last {Number(steps)} steps; cptc handles runs of up to {Number(max)} steps");
    public Diagnostic LearningRateJump(double from, double to, long step) => Make(C.LearningRateJump,
        $"the learning rate jumps from {Number(from)} to {Number(to)} at step {Steps(step)}",
        "if the jump is intended, make it explicit with `drop to …` before this phase; otherwise start from the previous value");
    public Diagnostic RewarmupAbovePretrainingPeak(double lr, double peak) => Make(C.RewarmupAbovePretrainingPeak,
        $"the re-warmup goes to {Number(lr)}, above the pre-training peak {Number(peak)}", "CPT usually re-warms to at most the pre-training peak");
    public Diagnostic DropRises(double from, double to) => Make(C.DropRises,
        $"this drop rises from {Number(from)} to {Number(to)}", "a drop lowers the LR; use `stable … at LR` or `warmup` to raise it");
    public Diagnostic DropWithoutEffect() => Make(C.DropWithoutEffect, "this drop is the last phase of the run and has no effect", "remove it or add a phase after it");
    public Diagnostic DropOverridden(string next) => Make(C.DropWithoutEffect,
        $"this drop has no effect: the {next} after it sets its own starting LR", "remove the drop, or let the next phase continue from it");
    public Diagnostic TokensRoundedToSteps(string tokens, double steps, long rounded) => Make(C.TokensRoundedToSteps,
        $"{tokens} tokens is {steps.ToString("#,0.###", System.Globalization.CultureInfo.InvariantCulture)} steps; rounded to {Steps(rounded)} steps", "give the length in steps to be exact");
    public Diagnostic EmptyRun(string run, bool onlyPretrained) => onlyPretrained
        ? Make(C.EmptyRun, $"run '{run}' has no steps: its only stage is a pretrained checkpoint", "add `switch to DOMAIN { … }` for the continual pre-training")
        : Make(C.EmptyRun, $"run '{run}' has no stages", "add `train DOMAIN { … }`");
    public Diagnostic UnusuallyLargeLearningRate(double lr) => Make(C.UnusuallyLargeLearningRate,
        $"a learning rate of {Number(lr)} is unusually large", "LLM learning rates are usually below 1e-2; check the exponent");
    public Diagnostic UnusuallySmallLearningRate(double lr, double min) => Make(C.UnusuallySmallLearningRate,
        $"a learning rate of {Number(lr)} is implausibly small (below {Number(min)}); the laws' predictions for it are meaningless",
        "LLM learning rates are usually between 1e-6 and 1e-2; check the exponent, or write 0 for no learning");
    public Diagnostic FlatPhase(string phase, double lr) => Make(C.FlatDecay,
        $"this {phase} stays at {Number(lr)}", "use `stable` for a constant learning rate");

    // ── 3xxx laws ────────────────────────────────────────────────────────────────────────
    public Diagnostic LawMissingParameters(string law, string? form, IEnumerable<string> missing, string? hint = null) => Make(C.LawMissingParameters,
        form is null
            ? $"law '{law}' does not have the parameters of any law form; it is missing at least {string.Join(", ", missing)}"
            : $"law '{law}' is missing {string.Join(", ", missing)}, which the {form} needs", hint);
    public Diagnostic ParameterNotInForm(string name, string form, IEnumerable<string> formParameters) => Make(C.ParameterNotInForm,
        $"'{name}' is not a parameter of the {form}", $"its parameters: {string.Join(" ", formParameters)}");
    public Diagnostic LambdaNotInForm(string form) => Make(C.ParameterNotInForm,
        $"'lambda' does not apply to the {form}: it has no annealing area", "remove it");
    public Diagnostic UnknownLawForm(string text, IEnumerable<string> keywords) => Make(C.UnknownLawForm,
        $"'{text}' is not a law form", $"law forms: {string.Join(" ", keywords)}");
    public Diagnostic MultiPowerFormNotWritten(string law, string parameter) => Make(C.MultiPowerFormNotWritten,
        $"'{parameter}' is a parameter of the Multi-Power Law, whose B C beta differ from Eq. 4's; law '{law}' must name its form",
        $"write `law {law} mpl {{ … }}`");
    public Diagnostic MixedLawForms(string first, string second) => Make(C.MixedLawForms,
        $"this law mixes parameters of the {first} and the {second}; no law has both");
    public Diagnostic ParameterOutOfRange(string name, double value, string requirement) => Make(C.ParameterOutOfRange,
        $"{name} = {Number(value)} is out of range: {requirement}");
    public Diagnostic SumOfSums(string name) => Make(C.SumOfSums,
        $"'{name}' is itself a weighted sum; terms must be laws with parameters", "expand its terms here");
    public Diagnostic PresetWithWeight(string name) => Make(C.PresetWithWeight,
        $"the parameter set '{name}' cannot be a weighted term", $"declare it as its own law (`law x = {name}`) and use x in the sum");
    public Diagnostic ReplayNeedsReplayLaw(string run, double ratio, string law) => Make(C.ReplayNeedsReplayLaw,
        $"run '{run}' replays {Number(ratio * 100)}% of its pre-training data, but law '{law}' has no replay parameters (a1, a2)",
        "fit the replay form (Eq. 8) or remove the replay");
    public Diagnostic ReplayLawWithoutRole(string law, string run) => Make(C.ReplayLawWithoutRole,
        $"law '{law}' has the replay form, but its name matches neither domain of run '{run}', so cptc cannot tell which replay equation applies",
        "name the law after the pre-training or the new domain");
    public Diagnostic OpenLawWithKnownPretraining(string law, string run) => Make(C.OpenLawWithKnownPretraining,
        $"law '{law}' has the open-model form (S1pt), but run '{run}' gives its pre-training schedule",
        "use an Eq. 4 law, or write `pretrained DOMAIN` instead of `train DOMAIN { … }`");
    public Diagnostic UnknownPretrainingNeedsOpenLaw(string run, string law) => Make(C.UnknownPretrainingNeedsOpenLaw,
        $"run '{run}' has an unknown pre-training schedule, but law '{law}' has no S1pt",
        "fit the open-model form (L0 A alpha C2 B E beta S1pt)");
    /// <summary>At compile time a law that cannot predict some run is only a warning: the file may
    /// hold laws for other runs. <paramref name="error"/> is the error a command evaluating that run reports.</summary>
    public Diagnostic LawCannotPredictRun(string run, Diagnostic error) => Make(C.LawCannotPredictRun,
        error.Message, $"{error.Hint} (predicting run '{run}' is error {error.Code})") with { Run = run };
    public Diagnostic AnnealingLawAcrossSwitch(string law, string run, string form = "annealing law (Eq. 1)") => Make(C.AnnealingLawAcrossSwitch,
        $"law '{law}' is the {form}, which ignores the domain switch of run '{run}'",
        "fit the CPT form (C1 C2 B E beta) to predict across a switch");
    public Diagnostic ModelSizeLooksLikeMillions(double n) => Make(C.ModelSizeLooksLikeMillions,
        $"N = {Number(n)} reads as {Number(n)} parameters", $"write the count with a suffix, e.g. N = {Number(n)}M");
    public Diagnostic OverridesOnSum(string law) => Make(C.OverridesOnSum,
        $"law '{law}' is a weighted sum; it has no parameters to override", "remove the { … } block");
    public Diagnostic LawUndefined(string law, long step, string reason) => Make(C.LawUndefined,
        $"law '{law}' is undefined at step {Steps(step)}: {reason}",
        "the laws need a positive forward area S1; start the run above LR 0 or check the parameters");
    public Diagnostic NonPositiveLoss(string law, string run, double loss, long step) => Make(C.NonPositiveLoss,
        $"law '{law}' predicts a loss of {Number(loss)} at step {Steps(step)} of run '{run}'; a validation loss is positive, so the parameters do not describe this schedule",
        "check the law's parameters (signs, and B against beta: docs/laws.md) or refit it on runs like this one");
    public Diagnostic LawCannotBeEvaluated(string law, string run, string reason) => Make(C.LawUndefined,
        $"law '{law}' cannot be evaluated for run '{run}': {reason}");

    // ── 31xx fitting laws to logs (cptc fit) ─────────────────────────────────────────────
    /// <param name="consequence">What the bound does to the other parameters, appended to the message.</param>
    public Diagnostic FitOnBound(string law, string parameter, double value, double lower, double upper, string? remedy = null, string? consequence = null) => Make(C.FitOnBound,
        $"the fit of law '{law}' puts {parameter} = {Number(value)} on a bound of its search interval [{Number(lower)}, {Number(upper)}]" +
        (consequence is null ? "" : $"; {consequence}"),
        remedy ?? "the logs may not determine it: fix it with --fix, or add runs whose schedules differ where it matters");
    /// <param name="remedies">For each group of parameters, the logs that would determine it.</param>
    public Diagnostic FitUnobserved(string law, string parameters, string remedies) => Make(C.FitNotIdentifiable,
        $"no observation of law '{law}' depends on {parameters}; the fitted values are arbitrary",
        $"add {remedies}, or fix them with --fix");
    public Diagnostic FitConfounded(string law, string parameter, string with, string why, string remedy) => Make(C.FitNotIdentifiable,
        $"law '{law}' cannot tell {parameter} from {with}: {why}, so only their product is determined",
        $"add {remedy}, or fix {parameter} with --fix");
    public Diagnostic FitBetaTradesOff(string law, CptLang.Laws.Laws.LawForm form, double b, double beta) => Make(C.FitNotIdentifiable,
        $"law '{law}' fits beta = {Number(beta)}: for small beta {(form == CptLang.Laws.Laws.LawForm.MultiPower ? "the loss drop is about B·beta·Σ Δη·ln(1 + C·η^(−gamma)·S_k)" : "the shift is about B·beta·ln(1 + E·S1cpt)")}, " +
        $"so only the product B·beta = {Number(b * beta)} is determined, not B = {Number(b)} itself",
        "compare fits by their curves, not by B and beta (docs/laws.md)");
    public Diagnostic FitFewPoints(string law, int points, int parameters) => Make(C.FitFewPoints,
        $"law '{law}' is fitted with {parameters} free parameters to only {points} points; the fit can pass through every point and predicts nothing",
        "log more steps, or fix some parameters with --fix");
    public Diagnostic FitSingleModelSize(string law, string size) => Make(C.FitNotIdentifiable,
        $"every fitted run of law '{law}' has model size {size}M, so F, gamma1, gamma2, gamma3 are not identifiable; they are held at 0 unless fixed with --fix (Eq. 7 then reduces to Eq. 4 at this size)",
        "add runs of other model sizes with --model-size, or fit --form eq4");

    // ── 4xxx command line and files ──────────────────────────────────────────────────────
    public Diagnostic CannotReadFile(string path, string reason) => Make(C.CannotReadFile, $"cannot read '{path}': {reason}");
    public Diagnostic CannotWriteFile(string path, string reason) => Make(C.CannotWriteFile, $"cannot write '{path}': {reason}");
    public Diagnostic UnknownRun(string message, IEnumerable<string> runs) => Make(C.UnknownRun, message, $"runs in this file: {string.Join(", ", runs)}");
    public Diagnostic StepOutsideRun(long step, string run, long total) => Make(C.StepOutsideRun,
        $"step {Steps(step)} is outside run '{run}', which has steps 1..{Steps(total)}");
    public Diagnostic InvalidStep(string text) => Make(C.StepOutsideRun,
        $"'{text}' is not a step", "give whole step numbers separated by commas, e.g. --at 1000,40k,50000");
    public Diagnostic TooManyRows(long rows, long max) => Make(C.TooManyRows,
        $"this would print {Steps(rows)} rows; cptc prints at most {Steps(max)}", "ask for fewer steps (a larger --every N)");
    public Diagnostic InvalidOptionValue(string option, string value, string expected) => Make(C.InvalidOptionValue,
        $"{option} {(value.Length == 0 ? "needs a value" : $"'{Printable(value)}' is not valid")}", expected);
    public Diagnostic OptionsCannotBeCombined(string first, string second) => Make(C.InvalidOptionValue,
        $"{first} and {second} cannot be combined", "give one of them");
    public Diagnostic InvalidCommandLine(string problem) => Make(C.InvalidCommandLine, problem, "run 'cptc --help' for usage");
    public Diagnostic OutOfMemory() => Make(C.OutOfMemory,
        "cptc ran out of memory", "give it smaller inputs (fewer log rows, a smaller sweep), or more memory");
    public Diagnostic FileChanged(string path) => Make(C.FileChanged,
        $"'{path}' changed on disk while cptc ran; it was not rewritten, so nothing written to it since is lost", "run the command again");
    public Diagnostic ReadOnlyFile(string path) => Make(C.ReadOnlyFile,
        $"'{path}' is read-only; cptc does not replace it", "make it writable first (chmod u+w) if it should change");
    // ── 41xx training logs and cptc fit ──────────────────────────────────────────────────
    public Diagnostic LogMissingColumn(string column, string role, IEnumerable<string> columns, string option) => Make(C.LogMissingColumn,
        $"the log has no {role} column '{Printable(column, 60)}'; its columns are {string.Join(", ", columns.Take(20).Select(c => $"'{Printable(c)}'"))}{(columns.Count() > 20 ? ", …" : "")}",
        $"name the column with {option}");
    public Diagnostic LogDuplicateColumn(string column, int first, int second) => Make(C.LogDuplicateColumn,
        column.Length == 0 ? $"columns {first} and {second} of the header have no name" : $"column '{Printable(column)}' is named twice in the header (columns {first} and {second})",
        "give every column of the header its own name");
    public Diagnostic LogExtraCells(int cells, int columns) => Make(C.LogExtraCells,
        $"this row has {cells} cells but the header names {columns} columns",
        "quote cells that hold the separator (a decimal comma splits a number in two), or export the log again");
    public Diagnostic LogTooManyRows(string path, long rows, long max) => Make(C.LogTooLarge,
        $"'{path}' has {Steps(rows)} rows; cptc fits logs of up to {Steps(max)} rows",
        $"thin it, e.g. keep every {Steps((rows + max - 1) / max)}th row: awk 'NR == 1 || NR % {(rows + max - 1) / max} == 0' LOG > thin.csv");
    public Diagnostic LogNotText(string path) => Make(C.LogNotText,
        $"'{path}' is not a text file (it contains NUL characters)", "pass the CSV, TSV or JSON Lines export of the log");
    public Diagnostic LogDuplicateKey(string key) => Make(C.LogDuplicateKey,
        $"key '{Printable(key)}' appears twice in this record", "write each key once per line");
    public Diagnostic LogNotANumber(string column, string text) => Make(C.LogNotANumber,
        $"'{Printable(text)}' in column '{column}' is not a number", "export the log with plain numbers (e.g. 2.9135 or 1e-4)");
    public Diagnostic LogStepNotWhole(string text) => Make(C.LogNotANumber,
        $"step '{Printable(text)}' is not a whole number ≥ 0", "the step column counts optimizer updates: 0, 1, 2, …");
    public Diagnostic LogInvalidLoss(string column, double loss, long step) => Make(C.LogInvalidLoss,
        $"the loss '{column}' at step {Steps(step)} is {Number(loss)}; the laws fit positive losses (their logarithm)",
        "remove the row, or check that this is the validation loss and not a difference or a log-likelihood");
    public Diagnostic LogDuplicateStep(long step, int firstLine) => Make(C.LogDuplicateStep,
        $"step {Steps(step)} is logged again (first on line {firstLine})", "keep one row per step (a resumed run logs some steps twice)");
    public Diagnostic LogUnsortedSteps(long step, long previous) => Make(C.LogUnsortedSteps,
        $"step {Steps(step)} comes after step {Steps(previous)}", "sort the log by step");
    public Diagnostic LogStepOutsideRun(long step, string run, long total) => Make(C.LogStepOutsideRun,
        $"step {Steps(step)} is outside run '{run}', which has steps 1..{Steps(total)}",
        "check that the log belongs to this run, or complete the run's schedule in the .cpt file");
    public Diagnostic LogEmpty(string path) => Make(C.LogEmpty,
        $"'{path}' has no data rows", "export the log with a header line and at least one row");
    public Diagnostic LogLearningRateMismatch(long step, string run, double logged, double scheduled) => Make(C.LogLearningRateMismatch,
        $"the log's learning rate at step {Steps(step)} is {Number(logged)}, but run '{run}' schedules {Number(scheduled)} there (first differing step)",
        "correct the run's schedule in the .cpt file, or check that the log belongs to this run");
    public Diagnostic LogInvalidJson(string reason) => Make(C.LogInvalidJson,
        $"this line is not a JSON object: {reason}", "JSON Lines logs hold one object per line, e.g. {\"step\": 1000, \"loss\": 3.1}");
    public Diagnostic FitInvalidOption(string message, string hint) => Make(C.FitInvalidOption, message, hint);
    public Diagnostic FitFailed(string law) => Make(C.FitFailed,
        $"no start of the search for law '{law}' reached a finite objective", "check the logs and the runs' schedules");
    public Diagnostic FitRunWithoutOwnRows(string run) => Make(C.FitRunWithoutOwnRows,
        $"every logged row of run '{run}' repeats a row of another fitted run (shared pre-training), so it adds nothing to the fit",
        "log the run past its switch, or leave it out");
    public Diagnostic FitRunOnlyInWarmup(string run, long lastWarmupStep) => Make(C.FitRunWithoutOwnRows,
        $"every logged row of run '{run}' lies before step {Steps(Math.Max(lastWarmupStep, 1))} (step 0 or its initial warmup), where the laws do not describe the loss, so it adds nothing to the fit",
        "log the run past its warmup, or fit these rows with --fit-warmup");
    public Diagnostic FitFormNotSelected(string law, string why, string form, string remedy = "give the logs of two or more fitted runs, or choose the form with --form") =>
        Make(C.FitFormNotSelected, $"--form auto could not compare forms for law '{law}': {why}; it is fitted as {form}, the form a fit without --form uses", remedy);
    public Diagnostic FitCannotBeWritten(string law, string problem) => Make(C.FitCannotBeWritten,
        $"the fitted law '{law}' cannot be written into the file: with it, the file would not compile ({problem})",
        "fit without --write and paste the block where it applies, or fit the form the file's runs need");

    // ── 42xx export and import ───────────────────────────────────────────────────────────
    public Diagnostic PhaseNotExpressible(string target, string phase, string reason, string hint) => Make(C.PhaseNotExpressible,
        $"target '{target}' cannot express this {phase}: {reason}", hint);
    public Diagnostic ExportNotExact(string target, Export.Deviation deviation) => Make(C.ExportNotExact,
        $"the {target} settings would not reproduce this phase: step {Steps(deviation.Step)} would get LR {Number(deviation.Actual)} instead of {Number(deviation.Expected)} (off by {deviation.Text})",
        "see docs/export.md for the shapes each target reproduces exactly; use --allow-approximate to accept the deviation, or --target csv");
    public Diagnostic ApproximateExport(string target, string stage, Export.Deviation deviation) => Make(C.ApproximateExport,
        $"the {target} settings for stage '{stage}' are approximate: the LR differs by up to {deviation.Text}, at step {Steps(deviation.Step)} ({Number(deviation.Actual)} instead of {Number(deviation.Expected)})",
        "the law's predictions assume cptc's schedule; --target csv is exact");
    public Diagnostic UnknownExportTarget(string name, IEnumerable<string> targets) => Make(C.UnknownExportTarget,
        $"unknown export target '{name}'{Spelling.DidYouMean(name, targets)}", $"targets: {string.Join(", ", targets)}");
    public Diagnostic UnknownStage(string name, string run, IEnumerable<string> stages) => Make(C.UnknownStage,
        $"run '{run}' has no stage on '{name}'{Spelling.DidYouMean(name, stages)}", $"stages: {string.Join(", ", stages)}");
    public Diagnostic TableTooLong(long rows, long max) => Make(C.TooManyRows,
        $"this would print {Steps(rows)} rows; cptc prints at most {Steps(max)}", "export the run's framework settings (--target hf, megatron or torchtitan) instead of one row per step");
    public Diagnostic RunTooLongToCheck(long steps, long max) => Make(C.RunTooLongToCheck,
        $"the run has {Steps(steps)} steps; cptc checks a framework export on every step and does so for runs of up to {Steps(max)}",
        "shorten the run, or export a shorter run with the same phases and scale its lengths");
    public Diagnostic OptionOnlyForFrameworks(string option, string target, IEnumerable<string> frameworks) => Make(C.OptionOnlyForFrameworks,
        $"{option} applies to the framework targets ({string.Join(", ", frameworks)})", $"the {target} table is always exact and covers the whole run");
    public Diagnostic InvalidImportSetting(string framework, string message, string hint) => Make(C.InvalidImportSetting,
        $"{framework} setting {message}", hint);
    public Diagnostic ImportNotExpressible(string framework, string reason, string hint) => Make(C.ImportNotExpressible,
        $"this {framework} schedule cannot be written as .cpt phases: {reason}", hint);
    public Diagnostic UnknownImportFramework(string name, IEnumerable<string> frameworks) => Make(C.UnknownImportFramework,
        $"unknown framework '{name}'{Spelling.DidYouMean(name, frameworks)}", $"--from takes {string.Join(", ", frameworks)}");
    public Diagnostic InvalidImportName(string option, string name) => Make(C.InvalidImportName,
        $"{option} '{name}' is not a .cpt name", "a letter or _, then letters, digits, _ and inner hyphens (knowledge-pile), and not a keyword such as run");

    public Diagnostic InternalError(string message) => Make(C.InternalError,
        $"internal compiler error: {message}", "this is a bug in cptc; please report it with the input file");

    // ── sweeps and cptc optimize ─────────────────────────────────────────────────────────
    public Diagnostic SweepOfUnknownRun(string name, IEnumerable<string> runs) => Make(C.SweepOfUnknownRun,
        $"unknown run '{name}'{Spelling.DidYouMean(name, runs)}", "a sweep names the run it varies: `sweep RUN { … }`");
    public Diagnostic UnknownSweepAxis(string name, IEnumerable<string> axes) => Make(C.UnknownSweepAxis,
        $"unknown sweep axis '{name}'{Spelling.DidYouMean(name, axes)}", $"axes: {string.Join(", ", axes)}, replay DOMAIN");
    public Diagnostic DuplicateSweepAxis(string name) => Make(C.DuplicateSweepAxis,
        $"this sweep already varies {name}", "give all its values on one line");
    public Diagnostic UnknownRequirement(string name, IEnumerable<string> known) => Make(C.UnknownRequirement,
        $"unknown requirement '{name}'{Spelling.DidYouMean(name, known)}",
        "require LAW <= LOSS (at the end), LAW peak <= LOSS (never above after the switch), turning_length <= STEPS or cpt_tokens <= TOKENS");
    public Diagnostic DuplicateObjective() => Make(C.DuplicateObjective, "this sweep already has a `minimize` line", "combine them into one weighted sum");
    public Diagnostic SweepWithoutObjective(string run) => Make(C.SweepWithoutObjective,
        $"the sweep of run '{run}' says nothing to minimise, and the file has no pair of laws named after the run's two domains to balance",
        "add e.g. `minimize 0.3 * GENERAL + 0.7 * DOMAIN` with the names of your laws");
    public Diagnostic SweepWithoutAxes() => Make(C.SweepWithoutAxes,
        "this sweep varies nothing", "add an axis such as `cpt_peak_lr 1e-5 to 1e-4 step 1e-5`");
    public Diagnostic DuplicateSweep(string run) => Make(C.DuplicateSweep,
        $"run '{run}' already has a sweep in this file", "merge the two sweeps");
    public Diagnostic EmptySweepRange(string low, string high) => Make(C.EmptySweepRange,
        $"the range {low} to {high} is empty: its end is below its start", "write the smaller value first");
    public Diagnostic NonPositiveSweepStep(double step) => Make(C.NonPositiveSweepStep,
        $"a sweep range needs a positive step, not {Number(step)}", "write e.g. `step 1e-5`; for one value write just the value");
    public Diagnostic SweepValueOutOfRange(string axis, double value, string allowed) => Make(C.SweepValueOutOfRange,
        $"{axis} cannot be {Number(value)}: it must be {allowed}");
    public Diagnostic BadObjectiveWeights(string problem) => Make(C.BadObjectiveWeights,
        $"the objective's weights must be between 0 and 1 and sum to 1: {problem}", "e.g. `minimize 0.3 * fineweb + 0.7 * kp`");
    public Diagnostic AxisNotInFamily(string problem) => Make(C.AxisNotInFamily, problem,
        "a sweep only reshapes the phases its run already has (docs/optimize.md)");
    public Diagnostic TooManyCandidates(long count, long max) => Make(C.TooManyCandidates,
        $"this sweep has {Steps(count)} candidates; cptc optimize evaluates at most {Steps(max)} without --force",
        "use coarser steps (the refinement searches between grid points), or pass --force");
    public Diagnostic TooManyAxisValues(long count, long max) => Make(C.TooManyCandidates,
        $"this range has {Steps(count)} values; a sweep axis has at most {Steps(max)}",
        "use a coarser step (the refinement searches between grid points)");
    public Diagnostic RangeWithoutStep(string word) => Make(C.RangeWithoutStep,
        $"expected `step` after the range's end, found '{word}'", "write e.g. `0% to 50% step 10%`");
    public Diagnostic NoFeasibleCandidate(long count, string sweep) => Make(C.NoFeasibleCandidate,
        $"none of the {Steps(count)} candidates of the sweep of '{sweep}' meets all its requirements; the closest ones are listed",
        "loosen a requirement or widen the ranges");
    public Diagnostic NoValidCandidate(string sweep, string reason) => Make(C.NoValidCandidate,
        $"no candidate of the sweep of '{sweep}' can be evaluated: {reason}", "narrow the ranges to schedules the laws can predict");
    public Diagnostic TopOutOfRange(int top, int max) => Make(C.TopOutOfRange,
        $"--top needs a number from 1 to {max}, not {top}", "the default is 10");
    public Diagnostic WeightsNotTwoNumbers(string text) => Make(C.InvalidWeights,
        $"--weights needs two numbers, λ1 (general loss) and λ2 (domain loss), e.g. --weights 0.3,0.7; got '{text}'");
    public Diagnostic WeightsNotConvex(string text, string problem) => Make(C.InvalidWeights,
        $"--weights {text}: {problem}", "the two weights must be between 0 and 1 and sum to 1");
    public Diagnostic WeightsWithoutDomainLaws(string run, string? general, string? domain) => Make(C.WeightsWithoutDomainLaws,
        $"--weights needs laws named after both domains of run '{run}' ({general}, {domain})", "write the objective as `minimize …` in the sweep instead");
    public Diagnostic UnknownSweep(string message, IEnumerable<string> sweeps) => Make(C.UnknownSweep, message,
        sweeps.Any() ? $"sweeps in this file: {string.Join(", ", sweeps)}" : "add a `sweep RUN { … }` block (docs/optimize.md)");

    // ── a law block's uncertainty part (docs/language.md §7.8) ──
    public Diagnostic UnknownLawPart(string name) => Make(C.UnknownLawPart,
        $"a law block has no part '{name}'{Spelling.DidYouMean(name, ["uncertainty"])}", "after the parameters, only `uncertainty { … }` may follow (cptc fit --write writes it)");
    public Diagnostic UnknownUncertaintyEntry(string key, IEnumerable<string> known) => Make(C.UnknownUncertaintyEntry,
        $"unknown uncertainty entry '{key}'{Spelling.DidYouMean(key, known)}", "entries: runs, replicates, inflation, noise = V; sd P = V; corr P Q = V");
    public Diagnostic UncertaintyWrongSubjects(string key, int expected, int given) => Make(C.UnknownUncertaintyEntry,
        $"'{key}' takes {(expected == 0 ? "no parameter name" : expected == 1 ? "one parameter name" : $"{expected} different parameter names")}, not {given}",
        expected == 0 ? $"write `{key} = V`" : expected == 1 ? $"write `{key} P = V`" : $"write `{key} P Q = V`");
    public Diagnostic UncertaintyUnknownParameter(string name, string law, IEnumerable<string> parameters) => Make(C.UncertaintyUnknownParameter,
        $"law '{law}' has no parameter '{name}'{Spelling.DidYouMean(name, parameters)}", $"its parameters: {string.Join(" ", parameters)}");
    public Diagnostic DuplicateUncertaintyEntry(string entry) => Make(C.DuplicateUncertaintyEntry,
        $"{entry} is already given", "remove one of them");
    public Diagnostic UncertaintyIncomplete(string law, string missing) => Make(C.UncertaintyIncomplete,
        $"the uncertainty of law '{law}' lacks {missing}", "refit with `cptc fit --write` to write a complete part, or remove the part");
    public Diagnostic CorrelationNotPositiveDefinite(string law) => Make(C.CorrelationNotPositiveDefinite,
        $"the correlations of law '{law}' are not those of any joint distribution (the matrix is not positive definite)",
        "refit with `cptc fit --write`, or move the correlations toward 0");
    public Diagnostic UncertaintyValueOutOfRange(string entry, double value, string requirement) => Make(C.UncertaintyValueOutOfRange,
        $"{entry} is {DisplayFormat.Number(value)}; {requirement}");

    public Diagnostic InvalidIntervalLevel(string option, string text) => Make(C.InvalidIntervalLevel,
        $"{option} needs a level between 0 and 1, exclusive, not '{text}'", $"e.g. {option} 0.9 for a 90 % interval");
    public Diagnostic LawWithoutUncertainty(string law, string why) => Make(C.LawWithoutUncertainty,
        $"law '{law}' has no interval: {why}; its losses are point predictions",
        "`cptc fit --write` stores the fitted parameters' uncertainty in the block (docs/laws.md §9.1)");

    public Diagnostic IntervalBeyondReach(string law, string run, string step, double area, double ratio, double reach) => Make(C.IntervalBeyondReach,
        $"run '{run}' goes {DisplayFormat.Number(Math.Round(ratio, 2))}× as far along the LR area (S1 {DisplayFormat.Number(area)} at step {step}) " +
        $"as the rows law '{law}' was fitted on (S1 up to {DisplayFormat.Number(reach)}); its band there rests on leave-one-run-out errors of runs " +
        "no longer than those, so it may be too narrow or too wide",
        "fit on a run that goes as far, or hold one out with `cptc fit --holdout` to see how the law does that far out (docs/laws.md §9.1)");

    static string Printable(string text, int max = 20) =>
        string.Concat(text.Take(max).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString())) + (text.Length > max ? "…" : "");
}
