using Luoshi.Domain.Common;
using Luoshi.Domain.Evaluation;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Luoshi.Application.Publication;

/// <summary>The public portal's settings (<c>Luoshi:Public:*</c>).</summary>
public sealed class PublicOptions
{
    public const string Section = "Luoshi:Public";

    /// <summary>Origins allowed to frame the embeds (CSP <c>frame-ancestors</c>), separated by spaces or commas; none by default.</summary>
    public string? FrameAncestors { get; set; }

    /// <summary>
    /// <see cref="FrameAncestors"/> as a CSP source list: <c>'none'</c> when empty; each origin must be an http(s) origin
    /// (scheme, host, optional port; a leading <c>*.</c> allowed) and is refused otherwise, naming the setting.
    /// </summary>
    public string FrameSources()
    {
        var origins = (FrameAncestors ?? string.Empty).Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var origin in origins)
        {
            if (origin != "'self'" && !System.Text.RegularExpressions.Regex.IsMatch(origin, @"^https?://(\*\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?$"))
            {
                throw new OptionsValidationException(Section, typeof(PublicOptions), [$"{Section}:FrameAncestors: “{origin}” 不是有效的来源(如 https://example.gov.cn)/ not an origin such as https://example.gov.cn"]);
            }
        }

        return origins.Length == 0 ? "'none'" : string.Join(' ', origins);
    }

    /// <summary>At most this often is the public snapshot rebuilt while data keeps changing (a reporting day): the public sees approved data this late at worst.</summary>
    public int RefreshSeconds { get; set; } = 60;
}

/// <summary>
/// The approved-only snapshot the public portal is answered from: the public indicators and the indicators their formulas
/// read, each reading at its latest approved version (a value submitted but not yet approved, or returned, is not seen; the
/// value approved before it is), with their targets; no plan items. Built by the same engine, so a public status and its
/// reason are the ones a signed-in reader would see on approved data (docs/adr/0036).
/// </summary>
public sealed record PublicSnapshot(EvaluationSnapshot Snapshot, IReadOnlySet<string> Indicators, long Version, DateTimeOffset BuiltAt)
{
    /// <summary>Whether <paramref name="code"/> is a public indicator (an input read only by a formula is not).</summary>
    public bool IsPublic(string code) => Indicators.Contains(code);

    public static async Task<PublicSnapshot> Load(Data.LuoshiDbContext db, long version, DateTimeOffset at, CancellationToken ct)
    {
        var builder = new EvaluationSnapshotBuilder();
        foreach (var u in await db.OrgUnits.AsNoTracking().ToListAsync(ct))
        {
            builder.AddUnit(u.Id, u.Code, u.Name, u.Kind, u.ParentId);
        }

        var all = await db.Indicators.AsNoTracking().ToListAsync(ct);
        var byCode = all.ToDictionary(i => i.Code, StringComparer.Ordinal);
        var published = all.Where(i => i.IsPublic).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var needed = Closure(published, byCode);
        var ids = needed.Select(c => byCode[c].Id).ToList();
        foreach (var i in all.Where(i => needed.Contains(i.Code)))
        {
            builder.AddIndicator(i.Id, i.Code, i.Name, i.Unit, i.Direction, i.Frequency, i.ValueKind, i.Aggregation, i.FormulaText, i.Tolerance, i.Profile, i.Decimals, i.DueDay);
        }

        foreach (var t in await db.Targets.AsNoTracking().Where(t => !t.IsDeleted && t.Value != null && ids.Contains(t.IndicatorId))
                     .Select(t => new { t.IndicatorId, t.OrgUnitId, t.PeriodCode, t.Value, t.Qualifier, t.UpperValue, t.Stretch }).ToListAsync(ct))
        {
            builder.AddTarget(t.IndicatorId, t.OrgUnitId, Period.Parse(t.PeriodCode), t.Value!.Value, t.Qualifier, t.UpperValue, t.Stretch);
        }

        var periods = new Dictionary<string, Period>(StringComparer.Ordinal);
        Period PeriodOf(string code) => periods.TryGetValue(code, out var p) ? p : periods[code] = Period.Parse(code);

        await foreach (var r in db.Readings.AsNoTracking().Where(r => ids.Contains(r.IndicatorId) && r.State == ReadingState.Approved && r.Value != null)
                           .Select(r => new { r.IndicatorId, r.OrgUnitId, r.PeriodCode, r.Value }).AsAsyncEnumerable().WithCancellation(ct))
        {
            builder.AddReading(r.IndicatorId, r.OrgUnitId, PeriodOf(r.PeriodCode), (double)r.Value!.Value);
        }

        // A cell whose current version awaits review (or was returned) shows the value approved before it, if any.
        var earlier = await (from r in db.Readings.AsNoTracking()
                             where ids.Contains(r.IndicatorId) && r.State != ReadingState.Approved
                             join v in db.ReadingVersions.AsNoTracking() on r.Id equals v.ReadingId
                             where v.State == ReadingState.Approved
                             select new { r.Id, r.IndicatorId, r.OrgUnitId, r.PeriodCode, v.Version, v.Value }).ToListAsync(ct);
        foreach (var cell in earlier.GroupBy(x => x.Id).Select(g => g.MaxBy(x => x.Version)!).Where(x => x.Value is not null))
        {
            builder.AddReading(cell.IndicatorId, cell.OrgUnitId, PeriodOf(cell.PeriodCode), (double)cell.Value!.Value);
        }

        // An unpublished indicator a public formula reads is named in the reason, its values are not (docs/adr/0036).
        builder.Withhold(needed.Where(c => !published.Contains(c)));
        return new PublicSnapshot(builder.Build(), published, version, at);
    }

    /// <summary>The public indicators and, transitively, every indicator their formulas read.</summary>
    private static HashSet<string> Closure(IEnumerable<string> codes, IReadOnlyDictionary<string, Indicator> byCode)
    {
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(codes);
        while (stack.TryPop(out var code))
        {
            if (byCode.TryGetValue(code, out var indicator) && needed.Add(code))
            {
                foreach (var input in indicator.Formula?.Inputs ?? [])
                {
                    stack.Push(input);
                }
            }
        }

        return needed;
    }
}

/// <summary>
/// The one <see cref="PublicSnapshot"/> of a server. It follows the evaluation data version, but is rebuilt at most once
/// per <see cref="PublicOptions.RefreshSeconds"/>, in the background, while the previous one keeps answering: anonymous
/// readers never wait for a reporting day's writes, and a reporting day's writes never wait for them. Only the first
/// request of a server waits for the first build.
/// </summary>
public sealed partial class PublicSnapshotCache(Data.DataVersionClock versions, IServiceScopeFactory scopes, TimeProvider clock, IOptions<PublicOptions> options, ILogger<PublicSnapshotCache> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PublicSnapshot? _current;
    private Task? _refresh;

    public async Task<PublicSnapshot> Current(Common.Deferred<Data.LuoshiDbContext> db, CancellationToken ct)
    {
        var version = (await versions.Current(db, ct)).Evaluation;
        var current = _current;
        if (current is null)
        {
            await _gate.WaitAsync(ct);
            try
            {
                return _current ??= await PublicSnapshot.Load(db.Value, (await versions.Fresh(db.Value, ct)).Evaluation, clock.GetUtcNow(), ct);
            }
            finally
            {
                _gate.Release();
            }
        }

        if (current.Version >= version || clock.GetUtcNow() - current.BuiltAt < TimeSpan.FromSeconds(Math.Max(0, options.Value.RefreshSeconds)))
        {
            return current;
        }

        if (options.Value.RefreshSeconds <= 0)
        {
            // No lag allowed (tests, a portal on its own replica): the reader waits for the data of now.
            await _gate.WaitAsync(ct);
            try
            {
                var fresh = (await versions.Fresh(db.Value, ct)).Evaluation;
                return _current is { } now && now.Version >= fresh ? now : _current = await PublicSnapshot.Load(db.Value, fresh, clock.GetUtcNow(), ct);
            }
            finally
            {
                _gate.Release();
            }
        }

        if (_refresh is null or { IsCompleted: true })
        {
            _refresh = Task.Run(Refresh, CancellationToken.None);
        }

        return current;
    }

    private (long Structure, IReadOnlyDictionary<string, DateTimeOffset?> Codes)? _codes;

    /// <summary>
    /// The indicators public now, with when each was published: read again whenever the structure counter moved (a
    /// switch changes an indicator's row, which moves it), so a switch off counts on this server at once and on another
    /// within the version clock's freshness — while the snapshot itself may lag.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset?>> PublicCodes(Common.Deferred<Data.LuoshiDbContext> db, CancellationToken ct)
    {
        var structure = (await versions.Current(db, ct)).Structure;
        if (_codes is { } known && known.Structure == structure)
        {
            return known.Codes;
        }

        var codes = (await db.Value.Indicators.AsNoTracking().Where(i => i.IsPublic).Select(i => new { i.Code, i.PublishedAt }).ToListAsync(ct))
            .ToDictionary(i => i.Code, i => i.PublishedAt, StringComparer.Ordinal);
        _codes = (structure, codes);
        return codes;
    }

    /// <summary>Drops the snapshot, so the next request builds one: after a publication switch through this server.</summary>
    public void Forget() => (_current, _codes) = (null, null);

    private async Task Refresh()
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.LuoshiDbContext>();
            var version = (await versions.Fresh(db, CancellationToken.None)).Evaluation;
            _current = await PublicSnapshot.Load(db, version, clock.GetUtcNow(), CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            RefreshFailed(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "the public snapshot could not be refreshed; the previous one keeps answering")]
    private static partial void RefreshFailed(ILogger logger, Exception e);
}
