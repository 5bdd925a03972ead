using System.Globalization;

namespace Cptc.Predict;

/// <summary>Learning rates the way ML engineers write them: 2e-4, 2.5e-5, 0.</summary>
internal static class LearningRateFormat
{
    public static string Short(double lr)
    {
        if (lr == 0) return "0";
        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(lr)));
        double mantissa = Math.Round(lr / Math.Pow(10, exponent), 4);
        if (Math.Abs(mantissa) >= 10) { mantissa /= 10; exponent++; }
        return $"{mantissa.ToString("0.####", CultureInfo.InvariantCulture)}e{exponent}";
    }
}
