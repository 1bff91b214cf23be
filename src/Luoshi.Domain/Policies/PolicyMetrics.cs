using System.Globalization;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Policies;

/// <summary>A case as the metrics read it: who, when, where it stands, the amounts, and its measure's time limit.</summary>
public sealed record CaseFacts(string Enterprise, DateOnly Applied, CaseStatus Status, decimal? ApprovedAmount, DateOnly? PaidOn, decimal? PaidAmount, int TimeLimitDays);

/// <summary>Where one case stands on a day: its status then, the last day of its time limit, and (when paid) how long it took.</summary>
/// <param name="Status">The status as of the day: a payment after it is not known yet, so the case reads approved.</param>
/// <param name="Deadline">The last working day within the measure's limit, counted from the application.</param>
/// <param name="DaysToPay">Working days d with applied &lt; d ≤ paid; null when not paid by the day.</param>
public sealed record CaseTiming(CaseStatus Status, DateOnly Deadline, int? DaysToPay, bool? OnTime, bool Overdue);

/// <summary>The figures of a set of cases (a policy, a measure, a department's measures, a region with everything under it), each with its inputs.</summary>
public sealed record PolicyFigures(
    int Cases,
    int Enterprises,
    decimal ApprovedAmount,
    decimal PaidAmount,
    double? PayoutRate,
    int PaidCases,
    double? AvgDaysToPay,
    int PaidOnTime,
    double? OnTimeRate,
    int Overdue,
    int Measures,
    int AutomaticMeasures,
    double? AutoShare,
    decimal? Budget,
    double? BudgetExecution,
    Text Reason);

/// <summary>
/// 政策兑现 metrics as of a day. Amounts are summed and the rates taken from the sums (兑现率 = paid ÷ approved of the
/// whole set, never an average of the policies' rates), as ratios roll up everywhere in Luoshi. Time is counted in
/// working days of the <see cref="WorkingCalendar"/>, as the time limits are.
/// </summary>
public static class PolicyMetrics
{
    /// <summary>A case as of <paramref name="asOf"/> (which must not precede its application).</summary>
    public static CaseTiming Timing(CaseFacts c, WorkingCalendar calendar, DateOnly asOf)
    {
        var deadline = calendar.Deadline(c.Applied, c.TimeLimitDays);
        if (c.Status == CaseStatus.Paid && c.PaidOn is { } paid && paid <= asOf)
        {
            int days = calendar.WorkingDaysBetween(c.Applied, paid);
            return new CaseTiming(CaseStatus.Paid, deadline, days, days <= c.TimeLimitDays, false);
        }

        var status = c.Status == CaseStatus.Paid ? CaseStatus.Approved : c.Status;
        bool open = status is CaseStatus.Applied or CaseStatus.Approved;
        return new CaseTiming(status, deadline, null, null, open && deadline < asOf);
    }

    /// <summary>
    /// The figures of <paramref name="cases"/> as of <paramref name="asOf"/>; cases applied after it are left out.
    /// <list type="bullet">
    /// <item>approvedAmount (应兑现): the approved amounts of the cases not rejected; paidAmount (已兑现): what was paid by the day; payoutRate (兑现率) = paid ÷ approved × 100.</item>
    /// <item>avgDaysToPay (平均兑现时长): the mean, over the cases paid, of the working days from the application to the payment; onTimeRate = cases paid within the measure's limit ÷ cases paid × 100.</item>
    /// <item>overdue: cases applied or approved, not paid, whose last working day within the limit is before the day.</item>
    /// <item>enterprises (惠及企业数): distinct enterprises paid more than 0.</item>
    /// <item>autoShare (免申即享占比) = automatic measures ÷ measures × 100, over <paramref name="measures"/> when given; budgetExecution = paid ÷ <paramref name="budget"/> × 100 when a budget is given.</item>
    /// </list>
    /// A rate over nothing (no approved amount, no paid case, no measure, no budget) has no value.
    /// </summary>
    public static PolicyFigures Summarize(IEnumerable<CaseFacts> cases, WorkingCalendar calendar, DateOnly asOf, IEnumerable<DeliveryMode>? measures = null, decimal? budget = null)
    {
        int count = 0, paidCases = 0, onTime = 0, overdue = 0;
        long days = 0;
        decimal approved = 0, paid = 0;
        var enterprises = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            if (c.Applied > asOf)
            {
                continue;
            }

            count++;
            var t = Timing(c, calendar, asOf);
            if (t.Status != CaseStatus.Rejected)
            {
                approved += c.ApprovedAmount ?? 0;
            }

            if (t.DaysToPay is { } d)
            {
                paidCases++;
                days += d;
                onTime += t.OnTime == true ? 1 : 0;
                paid += c.PaidAmount ?? 0;
                if (c.PaidAmount > 0)
                {
                    enterprises.Add(c.Enterprise);
                }
            }

            overdue += t.Overdue ? 1 : 0;
        }

        var modes = measures?.ToList();
        int measureCount = modes?.Count ?? 0;
        int automatic = modes?.Count(m => m == DeliveryMode.Automatic) ?? 0;
        double? payoutRate = approved == 0 ? null : (double)(paid / approved) * 100;
        double? avgDays = paidCases == 0 ? null : (double)days / paidCases;
        double? onTimeRate = paidCases == 0 ? null : 100.0 * onTime / paidCases;
        double? autoShare = measureCount == 0 ? null : 100.0 * automatic / measureCount;
        double? execution = budget is > 0 ? (double)(paid / budget.Value) * 100 : null;
        return new PolicyFigures(
            count, enterprises.Count, approved, paid, payoutRate, paidCases, avgDays, onTime, onTimeRate, overdue,
            measureCount, automatic, autoShare, budget, execution,
            Reason(count, approved, paid, payoutRate, paidCases, avgDays, onTime, onTimeRate, overdue, enterprises.Count, modes is null ? null : (automatic, measureCount, autoShare), budget, execution, asOf));
    }

    private static Text Reason(
        int count, decimal approved, decimal paid, double? payoutRate, int paidCases, double? avgDays, int onTime, double? onTimeRate, int overdue, int enterprises,
        (int Automatic, int Measures, double? Share)? auto, decimal? budget, double? execution, DateOnly asOf)
    {
        var inv = CultureInfo.InvariantCulture;
        var zh = string.Create(inv, $"截至{asOf:yyyy-MM-dd}共{count}件;应兑现{Amount(approved)}万元,已兑现{Amount(paid)}万元,兑现率{Pct(payoutRate)};已兑现{paidCases}件,平均{Days(avgDays)}个工作日,其中{onTime}件在时限内(按时率{Pct(onTimeRate)});逾期未兑现{overdue}件;惠及企业{enterprises}家");
        var en = string.Create(inv, $"{count} cases by {asOf:yyyy-MM-dd}; {Amount(paid)} of {Amount(approved)} (10,000 yuan) approved paid ({Pct(payoutRate)}); {paidCases} paid in {Days(avgDays)} working days on average, {onTime} within the limit ({Pct(onTimeRate)}); {overdue} overdue; {enterprises} enterprises reached");
        if (auto is { } a)
        {
            zh += string.Create(inv, $";免申即享事项{a.Automatic}/{a.Measures}项({Pct(a.Share)})");
            en += string.Create(inv, $"; {a.Automatic} of {a.Measures} measures automatic ({Pct(a.Share)})");
        }

        if (budget is { } b)
        {
            zh += string.Create(inv, $";预算{Amount(b)}万元,执行率{Pct(execution)}");
            en += string.Create(inv, $"; budget {Amount(b)}, executed {Pct(execution)}");
        }

        return new Text(zh, en);
    }

    private static string Amount(decimal v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Days(double? v) => v is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) : "—";

    private static string Pct(double? rate) => rate is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}
