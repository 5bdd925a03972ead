using System.Collections.Immutable;
using System.Reflection;
using static CptLang.Diagnostics.DiagnosticSeverity;

namespace CptLang.Diagnostics;

/// <summary>
/// Every diagnostic cptc can report, with its stable code. Codes are grouped by stage:
/// 0xxx syntax, 1xxx names and values, 2xxx schedule semantics, 3xxx laws, 4xxx command line and
/// files. A retired code is never reused. Each code is documented in docs/diagnostics.md (a test
/// checks it). Messages are built by <see cref="DiagnosticBuilder"/>.
/// </summary>
public static class DiagnosticCatalog
{
    // ── 0xxx syntax ──────────────────────────────────────────────────────────────────────
    public static readonly DiagnosticDescriptor FileTooLarge = new("CPT0001", Error, "File too large");
    public static readonly DiagnosticDescriptor BinaryFile = new("CPT0002", Error, "Not a text file");
    public static readonly DiagnosticDescriptor InvalidCharacter = new("CPT0003", Error, "Invalid character");
    public static readonly DiagnosticDescriptor UnexpectedToken = new("CPT0004", Error, "Unexpected token");
    public static readonly DiagnosticDescriptor MissingToken = new("CPT0005", Error, "Missing token");
    public static readonly DiagnosticDescriptor UnterminatedComment = new("CPT0006", Error, "Unterminated block comment");
    public static readonly DiagnosticDescriptor TooManyErrors = new("CPT0007", Error, "Too many errors");
    public static readonly DiagnosticDescriptor InvalidUtf8 = new("CPT0008", Error, "Invalid UTF-8");

    // ── 1xxx names, values and units ─────────────────────────────────────────────────────
    public static readonly DiagnosticDescriptor DuplicateRun = new("CPT1001", Error, "Duplicate run name");
    public static readonly DiagnosticDescriptor DuplicateLaw = new("CPT1002", Error, "Duplicate law name");
    public static readonly DiagnosticDescriptor DuplicateProperty = new("CPT1003", Error, "Property given twice");
    public static readonly DiagnosticDescriptor UnknownProperty = new("CPT1004", Error, "Unknown property or setting");
    public static readonly DiagnosticDescriptor NotANumber = new("CPT1005", Error, "Not a number");
    public static readonly DiagnosticDescriptor NumberOutOfRange = new("CPT1006", Error, "Number out of range");
    public static readonly DiagnosticDescriptor PercentNotAllowed = new("CPT1007", Error, "Percent not allowed here");
    public static readonly DiagnosticDescriptor InvalidSettingValue = new("CPT1008", Error, "Invalid setting value");
    public static readonly DiagnosticDescriptor UnknownDomain = new("CPT1009", Error, "Unknown domain");
    public static readonly DiagnosticDescriptor UnknownLaw = new("CPT1010", Error, "Unknown law");
    public static readonly DiagnosticDescriptor UnknownParameter = new("CPT1011", Error, "Unknown law parameter");
    public static readonly DiagnosticDescriptor DuplicateParameter = new("CPT1012", Error, "Law parameter given twice");
    public static readonly DiagnosticDescriptor MissingPeakLr = new("CPT1013", Error, "Run without peak_lr");
    public static readonly DiagnosticDescriptor UnknownPreset = new("CPT1014", Error, "Unknown parameter set");
    public static readonly DiagnosticDescriptor UnknownLawForm = new("CPT1060", Error, "Unknown law form");
    public static readonly DiagnosticDescriptor ValueMustBePositive = new("CPT1015", Error, "Value must be positive");
    public static readonly DiagnosticDescriptor UnknownUnit = new("CPT1016", Error, "Unknown length unit");
    public static readonly DiagnosticDescriptor MissingUnit = new("CPT1017", Error, "Length without unit");
    public static readonly DiagnosticDescriptor TokensWithoutTokensPerStep = new("CPT1018", Error, "Token length without tokens_per_step");
    public static readonly DiagnosticDescriptor NotWholeNumber = new("CPT1019", Error, "Not a whole number");
    public static readonly DiagnosticDescriptor SuffixNotAllowed = new("CPT1020", Error, "Scale suffix not allowed here");

    // ── 2xxx schedule semantics ──────────────────────────────────────────────────────────
    public static readonly DiagnosticDescriptor ShapeNeedsPositiveEnd = new("CPT2001", Error, "Shape cannot reach zero");
    public static readonly DiagnosticDescriptor NonPositiveLength = new("CPT2002", Error, "Length zero or negative");
    public static readonly DiagnosticDescriptor UntilBehind = new("CPT2003", Error, "'until' at or behind the current step");
    public static readonly DiagnosticDescriptor NegativeLearningRate = new("CPT2004", Error, "Negative learning rate");
    public static readonly DiagnosticDescriptor DecayRises = new("CPT2005", Error, "Decay that rises");
    public static readonly DiagnosticDescriptor WarmupFalls = new("CPT2006", Error, "Warmup that falls");
    public static readonly DiagnosticDescriptor ReplayOutOfRange = new("CPT2007", Error, "Replay ratio outside [0, 1)");
    public static readonly DiagnosticDescriptor UnknownShape = new("CPT2008", Error, "Unknown shape");
    public static readonly DiagnosticDescriptor ShapeNotForWarmup = new("CPT2009", Error, "Shape not available for warmups");
    public static readonly DiagnosticDescriptor InvalidShapeArgument = new("CPT2010", Error, "Invalid shape argument");
    public static readonly DiagnosticDescriptor SecondSwitch = new("CPT2011", Error, "More than one domain switch");
    public static readonly DiagnosticDescriptor MisplacedPretraining = new("CPT2012", Error, "Pre-training stage not first");
    public static readonly DiagnosticDescriptor SwitchWithoutPretraining = new("CPT2013", Error, "Switch without a pre-training stage");
    public static readonly DiagnosticDescriptor EmptyStage = new("CPT2014", Error, "Stage without steps");
    public static readonly DiagnosticDescriptor ReplayOutsideSwitch = new("CPT2015", Error, "Replay outside a switch stage");
    public static readonly DiagnosticDescriptor ReplayOfOtherDomain = new("CPT2016", Error, "Replay of a domain other than the pre-training one");
    public static readonly DiagnosticDescriptor DuplicateReplay = new("CPT2017", Error, "Replay given twice");
    public static readonly DiagnosticDescriptor SwitchToSameDomain = new("CPT2018", Error, "Switch to the domain already trained on");
    public static readonly DiagnosticDescriptor RunTooLong = new("CPT2019", Error, "Run too long");
    public static readonly DiagnosticDescriptor LearningRateJump = new("CPT2020", Warning, "Learning rate jumps between phases");
    public static readonly DiagnosticDescriptor RewarmupAbovePretrainingPeak = new("CPT2021", Warning, "Re-warmup above the pre-training peak");
    public static readonly DiagnosticDescriptor DropRises = new("CPT2022", Error, "Drop that rises");
    public static readonly DiagnosticDescriptor DropWithoutEffect = new("CPT2023", Warning, "Drop at the end of a run");
    public static readonly DiagnosticDescriptor TokensRoundedToSteps = new("CPT2024", Warning, "Token length not a whole number of steps");
    public static readonly DiagnosticDescriptor EmptyRun = new("CPT2025", Error, "Run without stages");
    public static readonly DiagnosticDescriptor UnusuallyLargeLearningRate = new("CPT2026", Warning, "Unusually large learning rate");
    public static readonly DiagnosticDescriptor FlatDecay = new("CPT2027", Warning, "Decay or warmup that does not move");
    public static readonly DiagnosticDescriptor MissingLength = new("CPT2029", Error, "Phase without a length");
    public static readonly DiagnosticDescriptor MissingDecayTarget = new("CPT2030", Error, "Decay without an end LR");
    public static readonly DiagnosticDescriptor ShapeOnStable = new("CPT2031", Error, "Shape on a stable phase");
    public static readonly DiagnosticDescriptor UnusuallySmallLearningRate = new("CPT2040", Warning, "Unusually small learning rate");
    // a law block's uncertainty part (docs/language.md §7.8)
    public static readonly DiagnosticDescriptor UnknownLawPart = new("CPT2041", Error, "Unknown part in a law block");
    public static readonly DiagnosticDescriptor UnknownUncertaintyEntry = new("CPT2042", Error, "Unknown uncertainty entry");
    public static readonly DiagnosticDescriptor UncertaintyUnknownParameter = new("CPT2043", Error, "Uncertainty of a parameter the law does not have");
    public static readonly DiagnosticDescriptor DuplicateUncertaintyEntry = new("CPT2044", Error, "Uncertainty entry given twice");
    public static readonly DiagnosticDescriptor UncertaintyIncomplete = new("CPT2045", Error, "Uncertainty part incomplete");
    public static readonly DiagnosticDescriptor CorrelationNotPositiveDefinite = new("CPT2046", Error, "Correlations not positive definite");
    public static readonly DiagnosticDescriptor UncertaintyValueOutOfRange = new("CPT2047", Error, "Uncertainty value out of range");

    // ── 3xxx laws ────────────────────────────────────────────────────────────────────────
    public static readonly DiagnosticDescriptor LawMissingParameters = new("CPT3001", Error, "Law missing parameters of its form");
    public static readonly DiagnosticDescriptor ParameterNotInForm = new("CPT3002", Error, "Parameter not part of the law's form");
    public static readonly DiagnosticDescriptor MixedLawForms = new("CPT3003", Error, "Parameters of two law forms");
    public static readonly DiagnosticDescriptor ParameterOutOfRange = new("CPT3004", Error, "Law parameter out of range");
    public static readonly DiagnosticDescriptor SumOfSums = new("CPT3005", Error, "Weighted sum of a weighted sum");
    public static readonly DiagnosticDescriptor PresetWithWeight = new("CPT3006", Error, "Parameter set used as a sum term");
    public static readonly DiagnosticDescriptor ReplayNeedsReplayLaw = new("CPT3007", Error, "Replay with a law that has no replay parameters");
    public static readonly DiagnosticDescriptor ReplayLawWithoutRole = new("CPT3008", Error, "Replay law not named after a domain");
    public static readonly DiagnosticDescriptor OpenLawWithKnownPretraining = new("CPT3009", Error, "Open-model law on a run with known pre-training");
    public static readonly DiagnosticDescriptor UnknownPretrainingNeedsOpenLaw = new("CPT3010", Error, "Unknown pre-training needs an open-model law");
    public static readonly DiagnosticDescriptor AnnealingLawAcrossSwitch = new("CPT3011", Warning, "Annealing law used across a domain switch");
    public static readonly DiagnosticDescriptor ModelSizeLooksLikeMillions = new("CPT3012", Warning, "Model size without a scale suffix");
    public static readonly DiagnosticDescriptor OverridesOnSum = new("CPT3013", Error, "Parameter overrides on a weighted sum");
    public static readonly DiagnosticDescriptor LawUndefined = new("CPT3014", Error, "Law undefined at a step");
    public static readonly DiagnosticDescriptor NonPositiveLoss = new("CPT3015", Warning, "Predicted loss not positive");
    public static readonly DiagnosticDescriptor LawCannotPredictRun = new("CPT3016", Warning, "Law cannot predict a run of the file");
    public static readonly DiagnosticDescriptor MultiPowerFormNotWritten = new("CPT3020", Error, "Multi-Power Law without its form");

    // ── 31xx fitting laws to logs (cptc fit) ─────────────────────────────────────────────
    public static readonly DiagnosticDescriptor FitOnBound = new("CPT3101", Warning, "Fitted parameter on a bound");
    public static readonly DiagnosticDescriptor FitNotIdentifiable = new("CPT3102", Warning, "Parameter not identifiable from the logs");
    public static readonly DiagnosticDescriptor FitFewPoints = new("CPT3103", Warning, "Fewer points than parameters");
    public static readonly DiagnosticDescriptor FitRunWithoutOwnRows = new("CPT3105", Warning, "Log without rows of its own");
    public static readonly DiagnosticDescriptor FitFormNotSelected = new("CPT3110", Warning, "Form not chosen by prediction");

    // ── 4xxx command line and files ──────────────────────────────────────────────────────
    public static readonly DiagnosticDescriptor CannotReadFile = new("CPT4001", Error, "Cannot read file");
    public static readonly DiagnosticDescriptor CannotWriteFile = new("CPT4002", Error, "Cannot write file");
    public static readonly DiagnosticDescriptor UnknownRun = new("CPT4003", Error, "Unknown or ambiguous run");
    public static readonly DiagnosticDescriptor StepOutsideRun = new("CPT4004", Error, "Invalid step or step outside the run");
    public static readonly DiagnosticDescriptor TooManyRows = new("CPT4005", Error, "Too many output rows");
    public static readonly DiagnosticDescriptor InvalidOptionValue = new("CPT4006", Error, "Invalid option value");
    public static readonly DiagnosticDescriptor OutOfMemory = new("CPT4007", Error, "Out of memory");
    public static readonly DiagnosticDescriptor FileChanged = new("CPT4008", Error, "File changed while cptc ran");
    public static readonly DiagnosticDescriptor ReadOnlyFile = new("CPT4009", Error, "Read-only file");
    public static readonly DiagnosticDescriptor InvalidCommandLine = new("CPT4010", Error, "Command line not understood");
    // ── 41xx training logs and cptc fit ──────────────────────────────────────────────────
    public static readonly DiagnosticDescriptor LogMissingColumn = new("CPT4101", Error, "Log without the named column");
    public static readonly DiagnosticDescriptor LogNotANumber = new("CPT4102", Error, "Log cell not a number");
    public static readonly DiagnosticDescriptor LogInvalidLoss = new("CPT4103", Error, "Loss not a positive number");
    public static readonly DiagnosticDescriptor LogDuplicateStep = new("CPT4104", Error, "Step logged twice");
    public static readonly DiagnosticDescriptor LogUnsortedSteps = new("CPT4105", Error, "Steps not in ascending order");
    public static readonly DiagnosticDescriptor LogStepOutsideRun = new("CPT4106", Error, "Logged step outside the run");
    public static readonly DiagnosticDescriptor LogEmpty = new("CPT4107", Error, "Log without rows");
    public static readonly DiagnosticDescriptor LogLearningRateMismatch = new("CPT4108", Error, "Logged learning rate differs from the schedule");
    public static readonly DiagnosticDescriptor LogInvalidJson = new("CPT4109", Error, "Invalid JSON Lines record");
    public static readonly DiagnosticDescriptor FitInvalidOption = new("CPT4110", Error, "Invalid fit option");
    public static readonly DiagnosticDescriptor FitFailed = new("CPT4111", Error, "Fit found no finite objective");
    public static readonly DiagnosticDescriptor FitCannotBeWritten = new("CPT4112", Error, "Fitted law cannot be written into the file");
    public static readonly DiagnosticDescriptor LogDuplicateColumn = new("CPT4113", Error, "Log column named twice or unnamed");
    public static readonly DiagnosticDescriptor LogExtraCells = new("CPT4114", Error, "Log row with more cells than the header");
    public static readonly DiagnosticDescriptor LogTooLarge = new("CPT4115", Error, "Log too large");
    public static readonly DiagnosticDescriptor LogNotText = new("CPT4116", Error, "Log not a text file");
    public static readonly DiagnosticDescriptor LogDuplicateKey = new("CPT4117", Error, "JSON Lines record with a key twice");

    // ── 42xx export and import (cptc export / cptc import) ───────────────────────────────
    public static readonly DiagnosticDescriptor PhaseNotExpressible = new("CPT4201", Error, "Phase not expressible by the export target");
    public static readonly DiagnosticDescriptor ExportNotExact = new("CPT4202", Error, "Export target does not reproduce the schedule exactly");
    public static readonly DiagnosticDescriptor ApproximateExport = new("CPT4203", Warning, "Approximate export");
    public static readonly DiagnosticDescriptor UnknownExportTarget = new("CPT4204", Error, "Unknown export target");
    public static readonly DiagnosticDescriptor UnknownStage = new("CPT4205", Error, "Unknown stage");
    public static readonly DiagnosticDescriptor RunTooLongToCheck = new("CPT4206", Error, "Run too long to check an export");
    public static readonly DiagnosticDescriptor OptionOnlyForFrameworks = new("CPT4207", Error, "Option only for framework targets");
    public static readonly DiagnosticDescriptor InvalidImportSetting = new("CPT4210", Error, "Invalid framework setting");
    public static readonly DiagnosticDescriptor ImportNotExpressible = new("CPT4211", Error, "Framework schedule not expressible in .cpt");
    public static readonly DiagnosticDescriptor UnknownImportFramework = new("CPT4212", Error, "Unknown import framework");
    public static readonly DiagnosticDescriptor InvalidImportName = new("CPT4213", Error, "Invalid name for an imported run or domain");
    // ── predict --interval (docs/cli.md) ──
    public static readonly DiagnosticDescriptor InvalidIntervalLevel = new("CPT4214", Error, "Invalid --interval level");
    public static readonly DiagnosticDescriptor LawWithoutUncertainty = new("CPT4215", Warning, "Law without uncertainty");
    public static readonly DiagnosticDescriptor IntervalBeyondReach = new("CPT4216", Warning, "Interval beyond the fitted rows");

    public static readonly DiagnosticDescriptor InternalError = new("CPT4999", Error, "Internal compiler error");

    // ── sweeps and cptc optimize: 11xx names, 21xx values, 43xx command ─────────────────
    public static readonly DiagnosticDescriptor SweepOfUnknownRun = new("CPT1101", Error, "Sweep of an unknown run");
    public static readonly DiagnosticDescriptor UnknownSweepAxis = new("CPT1102", Error, "Unknown sweep axis");
    public static readonly DiagnosticDescriptor DuplicateSweepAxis = new("CPT1103", Error, "Sweep axis given twice");
    public static readonly DiagnosticDescriptor UnknownRequirement = new("CPT1104", Error, "Unknown requirement");
    public static readonly DiagnosticDescriptor DuplicateObjective = new("CPT1105", Error, "Objective given twice");
    public static readonly DiagnosticDescriptor SweepWithoutObjective = new("CPT1106", Error, "Sweep without an objective");
    public static readonly DiagnosticDescriptor SweepWithoutAxes = new("CPT1107", Error, "Sweep without axes");
    public static readonly DiagnosticDescriptor DuplicateSweep = new("CPT1108", Error, "Two sweeps of one run");
    public static readonly DiagnosticDescriptor EmptySweepRange = new("CPT2101", Error, "Empty sweep range");
    public static readonly DiagnosticDescriptor NonPositiveSweepStep = new("CPT2102", Error, "Sweep step not positive");
    public static readonly DiagnosticDescriptor SweepValueOutOfRange = new("CPT2103", Error, "Sweep value out of range");
    public static readonly DiagnosticDescriptor BadObjectiveWeights = new("CPT2104", Error, "Objective weights not a convex combination");
    public static readonly DiagnosticDescriptor AxisNotInFamily = new("CPT2105", Error, "Run cannot vary this axis");
    public static readonly DiagnosticDescriptor TooManyCandidates = new("CPT2106", Error, "Too many candidates");
    public static readonly DiagnosticDescriptor RangeWithoutStep = new("CPT2107", Error, "Sweep range without step");
    public static readonly DiagnosticDescriptor NoFeasibleCandidate = new("CPT4301", Error, "No candidate meets the requirements");
    public static readonly DiagnosticDescriptor NoValidCandidate = new("CPT4302", Error, "No candidate can be evaluated");
    public static readonly DiagnosticDescriptor UnknownSweep = new("CPT4303", Error, "Unknown or ambiguous sweep");
    public static readonly DiagnosticDescriptor TopOutOfRange = new("CPT4304", Error, "--top out of range");
    public static readonly DiagnosticDescriptor InvalidWeights = new("CPT4305", Error, "Invalid --weights");
    public static readonly DiagnosticDescriptor WeightsWithoutDomainLaws = new("CPT4306", Error, "--weights without a law for each domain");

    /// <summary>Codes no longer reported, in code order: tombstones, never reused (docs/diagnostics.md, "Retired codes").</summary>
    public static ImmutableArray<RetiredCode> Retired { get; } =
    [
        new("CPT2028", "(never assigned)", "skipped when the 20xx codes were first numbered (CPT2027 is followed by CPT2029); never reported"),
        new("CPT3104", "Law form cptc cannot fit", "every law form is fitted now"),
    ];

    /// <summary>All descriptors, in code order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = typeof(DiagnosticCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Code, StringComparer.Ordinal)
        .ToImmutableArray();
}
