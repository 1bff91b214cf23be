namespace Luoshi.Domain.Reporting;

public enum Timeliness
{
    /// <summary>Not due yet and not submitted.</summary>
    NotDue = 0,
    OnTime = 1,
    Late = 2,
    Missing = 3,
}

public static class TimelinessRules
{
    /// <summary>
    /// On time: first submitted on or before the due date. Late: after it. Missing: not submitted and the
    /// due date has passed. Judged on China dates, as the deadlines are set.
    /// </summary>
    public static Timeliness Judge(DateOnly due, DateOnly? firstSubmittedOn, DateOnly asOf) => firstSubmittedOn switch
    {
        { } on when on <= due => Timeliness.OnTime,
        not null => Timeliness.Late,
        null when asOf > due => Timeliness.Missing,
        _ => Timeliness.NotDue,
    };
}
