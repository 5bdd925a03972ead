using System.Globalization;
using System.Text;
using CptLang.Predicting;

namespace Cptc.Predict;

/// <summary><c>--format csv</c>: <c>step,lr,&lt;one column per law&gt;</c>, one row per step, every value
/// with full double precision (round-trip), culture-invariant. Law names are identifiers, so no
/// field needs quoting.</summary>
internal static class CsvReport
{
    public static string Write(Prediction prediction)
    {
        var table = prediction.Table;
        var laws = table.Laws;
        var text = new StringBuilder("step,lr");
        foreach (var law in laws) text.Append(',').Append(law.Name);
        text.Append('\n');
        var lr = table.Areas.LearningRate;
        for (int row = 0; row < table.Count; row++)
        {
            text.Append(table.Areas.StepAt(row).ToString(CultureInfo.InvariantCulture)).Append(',').Append(Number(lr[row]));
            for (int law = 0; law < laws.Length; law++) text.Append(',').Append(Number(table.Loss(law)[row]));
            text.Append('\n');
        }
        return text.ToString();
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
