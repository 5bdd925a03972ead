using System.Globalization;
using System.Text;
using CptLang.Predicting;

namespace Cptc.Predict;

/// <summary><c>--format csv</c>: <c>step,lr,&lt;one column per law&gt;</c>, one row per step, every value
/// with full double precision (round-trip), culture-invariant. Law names are identifiers, so no
/// field needs quoting. With <c>--interval</c>, a law with a band has <c>&lt;law&gt;_lo</c> and
/// <c>&lt;law&gt;_hi</c> right after its column.</summary>
internal static class CsvReport
{
    public static string Write(Prediction prediction, PredictionIntervals? intervals = null)
    {
        var table = prediction.Table;
        var laws = table.Laws;
        var text = new StringBuilder("step,lr");
        for (int law = 0; law < laws.Length; law++)
        {
            text.Append(',').Append(laws[law].Name);
            if (intervals?.Laws[law] is not null) text.Append(',').Append(laws[law].Name).Append("_lo,").Append(laws[law].Name).Append("_hi");
        }
        text.Append('\n');
        var lr = table.Areas.LearningRate;
        for (int row = 0; row < table.Count; row++)
        {
            text.Append(table.Areas.StepAt(row).ToString(CultureInfo.InvariantCulture)).Append(',').Append(Number(lr[row]));
            for (int law = 0; law < laws.Length; law++)
            {
                text.Append(',').Append(Number(table.Loss(law)[row]));
                if (intervals?.Laws[law] is { } band) text.Append(',').Append(Number(band.Lower[row])).Append(',').Append(Number(band.Upper[row]));
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
