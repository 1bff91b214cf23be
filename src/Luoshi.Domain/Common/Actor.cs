namespace Luoshi.Domain.Common;

/// <summary>Who made a change and when: stamped on every appended version.</summary>
public readonly record struct Stamp(string Actor, DateTimeOffset At, string? Reason)
{
    public const int ActorMaxLength = 100;
    public const int ReasonMaxLength = 1000;

    // Times are kept in UTC: PostgreSQL's timestamptz stores no offset, and readers convert to China time for display.
    public static Stamp Of(string actor, DateTimeOffset at, string? reason = null) => new(
        Code.RequireText(actor, "actor", ActorMaxLength),
        at.ToUniversalTime(),
        Code.OptionalText(reason, "reason", ReasonMaxLength));
}
