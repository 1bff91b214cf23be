using System.Globalization;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Policies;

/// <summary>
/// A region's payout rate and days to pay at one month's end, over the cases applied for in that year.
/// </summary>
/// <param name="PayoutRate">Paid ÷ approved × 100, rounded to two decimals; null while nothing is approved.</param>
/// <param name="AvgDaysToPay">The mean working days from application to payment, rounded to two decimals; null while nothing is paid.</param>
public sealed record MonthDelivery(int Month, int Cases, int PaidCases, decimal ApprovedAmount, decimal PaidAmount, decimal? PayoutRate, decimal? AvgDaysToPay)
{
    /// <summary>Where the payout rate came from, for the reading's comment.</summary>
    public Text PayoutRateInputs => new(
        string.Create(CultureInfo.InvariantCulture, $"由{Year()}已兑现{PaidCases}笔{Amount(PaidAmount)}万元、应兑现{Amount(ApprovedAmount)}万元计算"),
        string.Create(CultureInfo.InvariantCulture, $"computed from {PaidCases} paid cases, {Amount(PaidAmount)} paid of {Amount(ApprovedAmount)} due (10,000 yuan){YearEn()}"));

    /// <summary>Where the days to pay came from, for the reading's comment.</summary>
    public Text DaysToPayInputs => new(
        string.Create(CultureInfo.InvariantCulture, $"由{Year()}已兑现{PaidCases}笔从申报到兑现的工作日数平均计算"),
        string.Create(CultureInfo.InvariantCulture, $"the mean working days from application to payment of {PaidCases} paid cases{YearEn()}"));

    private string Year() => Month == 1 ? "当年1月申报、月末前" : $"当年1–{Month}月申报、月末前";

    private string YearEn() => Month == 1 ? " applied for in January, by the month's end" : $" applied for in months 1–{Month}, by the month's end";

    private static string Amount(decimal v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>
/// 兑现率 and 平均兑现时长 as monthly indicators: for a year, at each month's end, over the cases applied for in that
/// year up to then — the year-to-date view a province reports. Both are ratios, so a region's figure is worked out
/// from every case in its subtree (paid ÷ approved from the sums, the mean over all the paid cases), never added up
/// or averaged from its children's figures: a county with one small claim must not weigh as much as a city.
/// The figures agree with <see cref="PolicyMetrics.Summarize"/> over the same cases on the same day.
/// </summary>
public static class PolicyDeliveryIndicators
{
    /// <summary>The months 1 to <paramref name="lastMonth"/> of <paramref name="year"/>, over the cases applied for in that year.</summary>
    public static IReadOnlyList<MonthDelivery> YearToDate(IEnumerable<CaseFacts> cases, WorkingCalendar calendar, int year, int lastMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lastMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastMonth, 12);
        var ofYear = cases.Where(c => c.Applied.Year == year)
            .Select(c => (Case: c, Days: c.Status == CaseStatus.Paid && c.PaidOn is { } paid ? calendar.WorkingDaysBetween(c.Applied, paid) : 0))
            .ToList();
        var months = new List<MonthDelivery>(lastMonth);
        for (int m = 1; m <= lastMonth; m++)
        {
            var asOf = new DateOnly(year, m, 1).AddMonths(1).AddDays(-1);
            int count = 0, paidCases = 0;
            long days = 0;
            decimal approved = 0, paid = 0;
            foreach (var (c, d) in ofYear)
            {
                if (c.Applied > asOf)
                {
                    continue;
                }

                count++;
                if (c.Status != CaseStatus.Rejected)
                {
                    approved += c.ApprovedAmount ?? 0;
                }

                if (c.Status == CaseStatus.Paid && c.PaidOn <= asOf)
                {
                    paidCases++;
                    days += d;
                    paid += c.PaidAmount ?? 0;
                }
            }

            decimal? rate = approved == 0 ? null : Math.Round(paid / approved * 100, 2, MidpointRounding.AwayFromZero);
            decimal? mean = paidCases == 0 ? null : Math.Round((decimal)days / paidCases, 2, MidpointRounding.AwayFromZero);
            months.Add(new MonthDelivery(m, count, paidCases, approved, paid, rate, mean));
        }

        return months;
    }

    /// <summary>
    /// <see cref="YearToDate"/> for every unit that has cases in its subtree: each case counts for its own unit and
    /// for every unit above it (<paramref name="parents"/> maps a unit to its parent, null at the root).
    /// </summary>
    public static IReadOnlyDictionary<int, IReadOnlyList<MonthDelivery>> ForTree(
        IEnumerable<(int OrgUnitId, CaseFacts Case)> cases,
        IReadOnlyDictionary<int, int?> parents,
        WorkingCalendar calendar,
        int year,
        int lastMonth)
    {
        var subtree = new Dictionary<int, List<CaseFacts>>();
        foreach (var (unit, c) in cases)
        {
            if (c.Applied.Year != year)
            {
                continue;
            }

            // A guard against a cycle in a broken tree: no path is longer than the number of units.
            int steps = 0;
            for (int? u = unit; u is { } id && steps <= parents.Count; u = parents.GetValueOrDefault(id), steps++)
            {
                if (!subtree.TryGetValue(id, out var list))
                {
                    subtree[id] = list = [];
                }

                list.Add(c);
            }
        }

        return subtree.ToDictionary(x => x.Key, x => YearToDate(x.Value, calendar, year, lastMonth));
    }
}
