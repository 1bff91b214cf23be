using Luoshi.Domain.Common;

namespace Luoshi.Domain.Tests.Common;

/// <summary>Stamps for appended versions, at fixed instants so history assertions are deterministic.</summary>
internal static class Stamps
{
    public static readonly DateTimeOffset Monday = new(2026, 5, 18, 9, 0, 0, TimeSpan.FromHours(8));

    public static Stamp By(string actor, int minutesLater = 0, string? reason = null) =>
        Stamp.Of(actor, Monday.AddMinutes(minutesLater), reason);
}
