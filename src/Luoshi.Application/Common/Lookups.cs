using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Common;

/// <summary>
/// Finding an org unit or an indicator by the code a request names, or refusing: a refusal naming the request's
/// field when the code is input to a change, a 404 when it names the resource asked for. Called on the set as the
/// use case wants it (tracked or not, with what it includes); the code is trimmed.
/// </summary>
internal static class Lookups
{
    public static async Task<OrgUnit> UnitByCodeAsync(this IQueryable<OrgUnit> units, string? code, string field, CancellationToken ct)
    {
        var trimmed = (code ?? string.Empty).Trim();
        return await units.SingleOrDefaultAsync(u => u.Code == trimmed, ct)
            ?? throw InputRefusedException.Single(field, new Text($"单位 {Parsing.Clip(trimmed)} 不存在", $"org unit '{Parsing.Clip(trimmed)}' does not exist"));
    }

    public static async Task<OrgUnit> UnitByCodeAsync(this IQueryable<OrgUnit> units, string? code, CancellationToken ct)
    {
        var trimmed = (code ?? string.Empty).Trim();
        return await units.SingleOrDefaultAsync(u => u.Code == trimmed, ct)
            ?? throw new NotFoundException(new Text("单位", "org unit"), code ?? string.Empty);
    }

    public static async Task<Indicator> IndicatorByCodeAsync(this IQueryable<Indicator> indicators, string? code, string field, CancellationToken ct)
    {
        var trimmed = (code ?? string.Empty).Trim();
        return await indicators.SingleOrDefaultAsync(i => i.Code == trimmed, ct)
            ?? throw InputRefusedException.Single(field, new Text($"指标 {Parsing.Clip(trimmed)} 不存在", $"indicator '{Parsing.Clip(trimmed)}' does not exist"));
    }

    public static async Task<Indicator> IndicatorByCodeAsync(this IQueryable<Indicator> indicators, string? code, CancellationToken ct)
    {
        var trimmed = (code ?? string.Empty).Trim();
        return await indicators.SingleOrDefaultAsync(i => i.Code == trimmed, ct)
            ?? throw new NotFoundException(new Text("指标", "indicator"), code ?? string.Empty);
    }
}
