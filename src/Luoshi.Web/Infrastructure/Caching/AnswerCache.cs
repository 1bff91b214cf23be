using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Luoshi.Web.Infrastructure.Caching;

/// <summary>
/// Answers of read endpoints and pages worked out once per question and data version, then shared by every
/// reader allowed to ask it (callers check permissions before they ask). Keys carry the data version, so a
/// write makes the next question a new key and old answers simply age out; the cache holds at most
/// <c>Luoshi:AnswerCacheMegabytes</c> (by each answer's estimated size). Concurrent askers of the same new
/// key wait for one computation instead of each running their own.
/// </summary>
public sealed class AnswerCache : IDisposable
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);
    private readonly MemoryCache? _cache;
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _pending = new(StringComparer.Ordinal);

    /// <param name="megabytes">The budget; 0 turns caching off (every question is worked out afresh).</param>
    public AnswerCache(int megabytes)
    {
        _cache = megabytes > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024L }) : null;
    }

    public bool Enabled => _cache is not null;

    /// <summary>The answer to <paramref name="key"/>, worked out by <paramref name="produce"/> when not yet known; a failure is not kept.</summary>
    /// <param name="size">The answer's size in bytes, roughly: what it counts against the budget.</param>
    public async Task<T> GetOrAdd<T>(string key, Func<Task<T>> produce, Func<T, long> size)
        where T : class
    {
        if (_cache is null)
        {
            return await produce();
        }

        if (_cache.TryGetValue(key, out var known) && known is T hit)
        {
            return hit;
        }

        var lazy = _pending.GetOrAdd(key, k => new Lazy<Task<object>>(() => Produce(k, produce, size)));
        try
        {
            return (T)await lazy.Value;
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, lazy));
        }
    }

    /// <summary>The answer kept under <paramref name="key"/>, if there is one; nothing is worked out.</summary>
    public T? Find<T>(string key)
        where T : class =>
        _cache is not null && _cache.TryGetValue(key, out var known) ? known as T : null;

    /// <summary>Keeps <paramref name="answer"/> under <paramref name="key"/> (nothing when caching is off).</summary>
    public void Put<T>(string key, T answer, long size)
        where T : class =>
        _cache?.Set(key, answer, new MemoryCacheEntryOptions { Size = Math.Max(1, size), SlidingExpiration = Idle });

    private async Task<object> Produce<T>(string key, Func<Task<T>> produce, Func<T, long> size)
        where T : class
    {
        var answer = await produce();
        Put(key, answer, size(answer));
        return answer;
    }

    public void Dispose() => _cache?.Dispose();
}
