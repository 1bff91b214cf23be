namespace Luoshi.Testing;

/// <summary>
/// A clock that says what the test tells it. Its host zone is UTC, as a server's often is: the application's
/// calendar must never read the host's day (China's day begins eight hours earlier).
/// </summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
