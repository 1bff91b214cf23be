namespace Luoshi.Testing;

/// <summary>A clock that says what the test tells it, in China Standard Time.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "China Standard Time", "CST");

    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => China;
}
