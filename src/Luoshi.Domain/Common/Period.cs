using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Luoshi.Domain.Common;

/// <summary>
/// A reporting period: a year <c>2026</c>, a half <c>2026H1</c>, a quarter <c>2026Q2</c> or a month
/// <c>2026-05</c>. Periods of different kinds compare by their end, then by length (a month sorts before
/// the quarter that ends with it), so that a sorted list reads as a calendar.
/// </summary>
public readonly record struct Period : IComparable<Period>
{
    public const int MinYear = 1949;
    public const int MaxYear = 2100;

    public Frequency Kind { get; }
    public int Year { get; }

    /// <summary>1 for a year; 1–2 for a half; 1–4 for a quarter; 1–12 for a month.</summary>
    public int Index { get; }

    private Period(Frequency kind, int year, int index)
    {
        Kind = kind;
        Year = year;
        Index = index;
    }

    public static Period OfYear(int year) => Create(Frequency.Year, year, 1);
    public static Period OfHalf(int year, int half) => Create(Frequency.Half, year, half);
    public static Period OfQuarter(int year, int quarter) => Create(Frequency.Quarter, year, quarter);
    public static Period OfMonth(int year, int month) => Create(Frequency.Month, year, month);

    public static Period Create(Frequency kind, int year, int index)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new DomainException("period", new Text($"年份须在{MinYear}–{MaxYear}之间", $"year must be between {MinYear} and {MaxYear}: {year}"));
        }

        if (index < 1 || index > kind.PeriodsPerYear())
        {
            throw new DomainException("period", new Text("期次超出范围", $"index {index} is out of range for {kind}"));
        }

        return new Period(kind, year, index);
    }

    /// <summary>The period of the given frequency that contains <paramref name="date"/>.</summary>
    public static Period Containing(Frequency kind, DateOnly date) =>
        Create(kind, date.Year, ((date.Month - 1) / kind.Months()) + 1);

    /// <summary>
    /// The latest period of <paramref name="kind"/> that is over as of <paramref name="asOf"/>. On its last day a
    /// period counts as complete: 双过半 is judged on 30 June with the first half's figures, so as of 30 June June is
    /// in, and from 1 June to 29 June it is the month in progress and left out. The one place this rule lives.
    /// </summary>
    public static Period LastComplete(Frequency kind, DateOnly asOf)
    {
        var containing = Containing(kind, asOf);
        return asOf == containing.End ? containing : containing.Previous;
    }

    /// <summary>The latest month that is over as of <paramref name="asOf"/> (see <see cref="LastComplete"/>).</summary>
    public static Period LastCompleteMonth(DateOnly asOf) => LastComplete(Frequency.Month, asOf);

    /// <summary>How many months of <paramref name="year"/> are over as of <paramref name="asOf"/>: 0 before the year's first month ends, 12 once the year is over.</summary>
    public static int CompleteMonthsOf(int year, DateOnly asOf)
    {
        var last = LastCompleteMonth(asOf);
        return last.Year > year ? 12 : last.Year < year ? 0 : last.Index;
    }

    /// <summary>First month (1–12) covered by the period.</summary>
    public int StartMonth => ((Index - 1) * Kind.Months()) + 1;

    /// <summary>Last month (1–12) covered by the period; for cumulative indicators, the month whose year-to-date value is the period's value.</summary>
    public int EndMonth => Index * Kind.Months();

    public DateOnly Start => new(Year, StartMonth, 1);
    public DateOnly End => new DateOnly(Year, EndMonth, 1).AddMonths(1).AddDays(-1);

    /// <summary>The same period one year earlier: the base of a year-on-year comparison.</summary>
    public Period SamePeriodLastYear => Create(Kind, Year - 1, Index);

    /// <summary>The period just before this one, of the same kind: the base of a period-on-period comparison.</summary>
    public Period Previous => Index > 1 ? Create(Kind, Year, Index - 1) : Create(Kind, Year - 1, Kind.PeriodsPerYear());

    public Period Next => Index < Kind.PeriodsPerYear() ? Create(Kind, Year, Index + 1) : Create(Kind, Year + 1, 1);

    /// <summary>The month at the end of this period (the month whose year-to-date value a cumulative indicator reports for it).</summary>
    public Period EndMonthPeriod => OfMonth(Year, EndMonth);

    public bool Contains(Period other) => other.Start >= Start && other.End <= End;

    /// <summary>
    /// When data for this period is due: by default the 20th of the month after the period ends
    /// (provincial statistics bureaus publish monthly figures around then).
    /// </summary>
    public DateOnly DueDate(int dayOfFollowingMonth = 20) => dayOfFollowingMonth is >= 1 and <= 28
        ? End.AddDays(dayOfFollowingMonth)
        : throw new ArgumentOutOfRangeException(nameof(dayOfFollowingMonth), "1–28");

    /// <summary>Periods of <paramref name="kind"/> that lie within this one, in order.</summary>
    public IEnumerable<Period> Split(Frequency kind)
    {
        if (kind.Months() > Kind.Months())
        {
            yield break;
        }

        for (int m = StartMonth; m <= EndMonth; m += kind.Months())
        {
            yield return Containing(kind, new DateOnly(Year, m, 1));
        }
    }

    public int CompareTo(Period other)
    {
        int c = End.CompareTo(other.End);
        return c != 0 ? c : Kind.Months().CompareTo(other.Kind.Months());
    }

    public static bool operator <(Period a, Period b) => a.CompareTo(b) < 0;
    public static bool operator >(Period a, Period b) => a.CompareTo(b) > 0;
    public static bool operator <=(Period a, Period b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Period a, Period b) => a.CompareTo(b) >= 0;

    public override string ToString() => Kind switch
    {
        Frequency.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        Frequency.Half => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}H{Index}"),
        Frequency.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}Q{Index}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Index:D2}"),
    };

    public static Period Parse(string? text) =>
        TryParse(text, out var p, out var error) ? p : throw new DomainException("period", error);

    public static bool TryParse([NotNullWhen(true)] string? text, out Period period) => TryParse(text, out period, out _);

    public static bool TryParse(string? text, out Period period, out Text error)
    {
        period = default;
        var s = text?.Trim() ?? string.Empty;
        error = new Text("期间格式应为 2026、2026H1、2026Q2 或 2026-05", $"period must look like 2026, 2026H1, 2026Q2 or 2026-05: '{Truncate(s)}'");
        if (s.Length is < 4 or > 7 || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year))
        {
            return false;
        }

        Frequency kind;
        int index;
        var rest = s.AsSpan(4);
        if (rest.IsEmpty)
        {
            kind = Frequency.Year;
            index = 1;
        }
        else if (rest.Length == 2 && (rest[0] is 'H' or 'h' or 'Q' or 'q') && char.IsAsciiDigit(rest[1]))
        {
            kind = rest[0] is 'H' or 'h' ? Frequency.Half : Frequency.Quarter;
            index = rest[1] - '0';
        }
        else if (rest.Length == 3 && rest[0] == '-' && char.IsAsciiDigit(rest[1]) && char.IsAsciiDigit(rest[2]))
        {
            kind = Frequency.Month;
            index = ((rest[1] - '0') * 10) + (rest[2] - '0');
        }
        else
        {
            return false;
        }

        if (year is < MinYear or > MaxYear || index < 1 || index > kind.PeriodsPerYear())
        {
            return false;
        }

        period = new Period(kind, year, index);
        error = default;
        return true;
    }

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
