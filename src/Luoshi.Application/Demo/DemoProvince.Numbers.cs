using System.Globalization;

namespace Luoshi.Application.Demo;

public static partial class DemoProvince
{
    private static decimal Round(double value, int decimals) => Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero);

    private static string Fmt(double value, int decimals) => Fmt(Round(value, decimals), decimals);

    // A rounded negative fraction keeps its sign in decimal; "-0.0" would read oddly in a table.
    private static string Fmt(decimal value, int decimals) => (value == 0 ? 0m : value).ToString(FixedFormats[decimals], Inv);

    private static double[] Norm(params double[] weights)
    {
        double total = weights.Sum();
        return [.. weights.Select(w => w / total)];
    }

    private static double SmoothStep(double t) => t * t * (3 - (2 * t));

    private static int Poisson(double lambda, double u)
    {
        double p = Math.Exp(-lambda), cumulative = p;
        int k = 0;
        while (u > cumulative && k < 1000)
        {
            k++;
            p *= lambda / k;
            cumulative += p;
        }

        return k;
    }
}
