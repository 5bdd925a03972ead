using CptLang.Laws.Areas;
using CptLang.Laws.Fitting;
using CptLang.Laws.Schedules;

namespace CptLang.Fitting;

/// <summary>
/// <c>cptc fit --fit-lambda</c>: λ, the momentum of the annealing area (docs/laws.md §1), is not
/// a term of the law, but it shapes every area the law sees. A 1-D golden-section search over
/// <c>log10(1 − λ)</c> in [−4, −1] (λ from 0.9 to 0.9999), refitting the law at each λ, finds the
/// λ the logs prefer; the report gives the objective there and at the runs' (or the block's) λ,
/// so the user sees what choosing it is worth. The law's block then states it.
/// </summary>
internal static class LambdaSearch
{
    public const double LowExponent = -4, HighExponent = -1;
    const int Evaluations = 14;

    public sealed record Result(double Lambda, double Objective, double FileLambda, double FileObjective);

    /// <param name="rows">Each run's plan, observed steps and losses, the other runs that log
    /// each row too, and whether it is held out.</param>
    public static Result Search(FitForm form, Dictionary<string, double> fixedValues, string law,
        IReadOnlyList<(EvaluationPlan Plan, long[] Steps, double[] Losses, IReadOnlyList<string>[] Shared, double? Size, bool HeldOut)> rows)
    {
        double Objective(double lambda) => LawFitter.Fit(form, Runs(rows, law, lambda), fixedValues).Objective;

        double fileLambda = rows[0].Plan.Settings.Lambda;
        double fileObjective = Objective(fileLambda);
        // golden section on u = log10(1 − λ); the objective of a refit is smooth enough in u
        double phi = (Math.Sqrt(5) - 1) / 2, a = LowExponent, b = HighExponent;
        double c = b - phi * (b - a), d = a + phi * (b - a);
        double fc = Objective(ToLambda(c)), fd = Objective(ToLambda(d));
        for (int i = 2; i < Evaluations; i++)
        {
            if (fc <= fd) { b = d; d = c; fd = fc; c = b - phi * (b - a); fc = Objective(ToLambda(c)); }
            else { a = c; c = d; fc = fd; d = a + phi * (b - a); fd = Objective(ToLambda(d)); }
        }
        var (u, best) = fc <= fd ? (c, fc) : (d, fd);
        // three significant digits of 1 − λ are what the setting is worth writing
        double lambda = 1 - double.Parse((1 - ToLambda(u)).ToString("G3", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        // the fit at the λ that is written must beat the file's, or the file's λ stays
        double objective = fileObjective <= best ? double.PositiveInfinity : Objective(lambda);
        return objective < fileObjective ? new(lambda, objective, fileLambda, fileObjective) : new(fileLambda, fileObjective, fileLambda, fileObjective);
    }

    static double ToLambda(double exponent) => 1 - Math.Pow(10, exponent);

    /// <summary>The fitted runs' observations with their areas under <paramref name="lambda"/>.</summary>
    public static List<FitRun> Runs(IEnumerable<(EvaluationPlan Plan, long[] Steps, double[] Losses, IReadOnlyList<string>[] Shared, double? Size, bool HeldOut)> rows, string law, double lambda) =>
        [.. rows.Where(r => !r.HeldOut).Select(r => FitRun.Create(new ScheduleAreas(r.Plan.WithLambda(lambda)), law, r.Steps, r.Losses, r.Size).WithSharedRows(r.Shared))];
}
