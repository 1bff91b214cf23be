namespace Luoshi.Web.Tests.Infrastructure;

/// <summary>Something a test class shares, started on first use once per database provider (an app, an app with its sign-in provider).</summary>
public sealed class PerProvider<T>(Func<Db, Task<T>> start)
{
    private readonly Dictionary<Db, Task<T>> _started = [];
    private readonly Lock _lock = new();

    public Task<T> For(Db db)
    {
        lock (_lock)
        {
            if (!_started.TryGetValue(db, out var task))
            {
                task = start(db);
                _started[db] = task;
            }

            return task;
        }
    }

    /// <summary>Everything started so far, for the fixture's disposal.</summary>
    public IReadOnlyList<Task<T>> Started
    {
        get
        {
            lock (_lock)
            {
                return [.. _started.Values];
            }
        }
    }
}
