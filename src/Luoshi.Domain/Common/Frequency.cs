namespace Luoshi.Domain.Common;

/// <summary>How often an indicator is reported, and equally the kind of a <see cref="Period"/>.</summary>
public enum Frequency
{
    Month = 1,
    Quarter = 2,
    Half = 3,
    Year = 4,
}

public static class FrequencyExtensions
{
    /// <summary>Number of months one period of this frequency spans.</summary>
    public static int Months(this Frequency f) => f switch
    {
        Frequency.Month => 1,
        Frequency.Quarter => 3,
        Frequency.Half => 6,
        Frequency.Year => 12,
        _ => throw new ArgumentOutOfRangeException(nameof(f)),
    };

    public static int PeriodsPerYear(this Frequency f) => 12 / f.Months();
}
