using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Publication;

/// <summary>What the public portal can show.</summary>
public enum PublicationKind
{
    Indicator = 1,
    Policy = 2,
    Project = 3,
}

/// <summary>Whether one indicator, policy or project is public, and since when.</summary>
public sealed record PublicationView(PublicationKind Kind, string Code, string Title, bool IsPublic, DateTimeOffset? PublishedAt);

/// <summary>
/// Switches an indicator, a policy or a major project onto or off the public portal (<c>luoshi publish</c>, the API, the
/// control on its page). Indicators take the indicator managers' permission; a policy or project the planners' over its
/// department or region. The switch is a change like any other: versioned and in the audit log, with who and when.
/// </summary>
public sealed class Publish(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock, PublicSnapshotCache snapshots)
{
    public static PublicationKind ParseKind(string? kind) => kind?.Trim().ToLowerInvariant() switch
    {
        "indicator" or "indicators" or "指标" => PublicationKind.Indicator,
        "policy" or "policies" or "政策" => PublicationKind.Policy,
        "project" or "projects" or "项目" => PublicationKind.Project,
        _ => throw InputRefusedException.Single("kind", new Text($"“{Parsing.Clip(kind ?? string.Empty)}”无效,应为 indicator、policy 或 project", $"unknown kind '{Parsing.Clip(kind ?? string.Empty)}'; one of indicator, policy, project")),
    };

    public async Task<PublicationView> Handle(PublicationKind kind, string? code, bool on, CancellationToken ct)
    {
        var key = string.IsNullOrWhiteSpace(code) ? throw InputRefusedException.Single("code", new Text("须指定代码", "code is required")) : code.Trim();
        var now = clock.GetUtcNow();
        PublicationView view;
        switch (kind)
        {
            case PublicationKind.Indicator:
                actor.RequireEverywhere(Permission.ManageIndicators);
                var indicator = await db.Indicators.IndicatorByCodeAsync(key, "code", ct);
                indicator.Publish(on, now);
                view = new(kind, indicator.Code, indicator.Name, indicator.IsPublic, indicator.PublishedAt);
                break;
            case PublicationKind.Policy:
                var policy = await db.Policies.SingleOrDefaultAsync(p => p.Code == key, ct) ?? throw new NotFoundException(new Text("政策", "policy"), key);
                actor.Require(Permission.ManagePlans, await db.OrgUnits.SingleAsync(u => u.Id == policy.LeadDepartmentId, ct));
                policy.Publish(on, now);
                view = new(kind, policy.Code, policy.Title, policy.IsPublic, policy.PublishedAt);
                break;
            case PublicationKind.Project:
                var project = await db.Projects.SingleOrDefaultAsync(p => p.Code == key, ct) ?? throw new NotFoundException(new Text("项目", "project"), key);
                actor.Require(Permission.ManagePlans, await db.OrgUnits.SingleAsync(u => u.Id == project.OrgUnitId, ct));
                project.Publish(on, now);
                view = new(kind, project.Code, project.Name, project.IsPublic, project.PublishedAt);
                break;
            default:
                throw InputRefusedException.Single("kind", new Text("类型无效", "unknown kind"));
        }

        await db.SaveChangesAsync(ct);
        if (kind == PublicationKind.Indicator)
        {
            snapshots.Forget();
        }

        return view;
    }

    /// <summary>Everything now public, by kind and code.</summary>
    public async Task<IReadOnlyList<PublicationView>> List(CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ReadAll);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.IsPublic).Select(i => new PublicationView(PublicationKind.Indicator, i.Code, i.Name, true, i.PublishedAt)).ToListAsync(ct);
        var policies = await db.Policies.AsNoTracking().Where(p => p.IsPublic).Select(p => new PublicationView(PublicationKind.Policy, p.Code, p.Title, true, p.PublishedAt)).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().Where(p => p.IsPublic).Select(p => new PublicationView(PublicationKind.Project, p.Code, p.Name, true, p.PublishedAt)).ToListAsync(ct);
        return [.. indicators.Concat(policies).Concat(projects).OrderBy(v => v.Kind).ThenBy(v => v.Code, StringComparer.Ordinal)];
    }
}
