using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Identity;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Bench.ReportingDay;

/// <summary>A reporter of one unit: its user's bearer token and the unit it writes for.</summary>
public sealed record Reporter(string User, string Unit, string Token);

/// <summary>Who takes part in a reporting day: the reporters, each with a token of its own, a leader watching, and the supervision office that starts the day's run.</summary>
public sealed record Accounts(string Province, IReadOnlyList<Reporter> Reporters, string LeaderToken, string OfficeToken)
{
    /// <summary>Brings the copy's schema up to date with the app's own migrator, as <c>luoshi serve</c> would at start.</summary>
    public static async Task Migrate(DatabaseOptions database, CancellationToken ct)
    {
        await using var db = DataServices.CreateContext(database);
        await new DatabaseMigrator(db).MigrateAsync(ct);
    }

    /// <summary>
    /// Creates the users and tokens on a migrated copy through the same use
    /// cases <c>luoshi users add</c> and <c>luoshi tokens create</c> call (one process instead of two CLI starts per
    /// user). Each reporter holds Reporter over its own county — spread over the cities — and Leader over the
    /// province, so that it may read the province back after its write; the leader holds Leader over everything, the
    /// office Supervisor over everything (the day's run is the office's to start).
    /// </summary>
    public static async Task<Accounts> Create(DatabaseOptions database, int reporters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = DataServices.CreateContext(database);
        var operatorActor = FixedActor.Operator("bench");
        var clock = TimeProvider.System;
        var units = await db.OrgUnits.AsNoTracking().Select(u => new { u.Code, u.Kind }).ToListAsync(ct);
        var province = units.Where(u => u.Kind == OrgUnitKind.Province).Select(u => u.Code).Order(StringComparer.Ordinal).First();
        var counties = units.Where(u => u.Kind == OrgUnitKind.County).Select(u => u.Code).Order(StringComparer.Ordinal).ToList();
        var reporterUnits = Spread(counties, reporters);
        var addUser = new AddUser(db, operatorActor, clock);
        var tokens = new ManageTokens(db, operatorActor, clock);
        var expires = clock.GetUtcNow().AddDays(1);
        var list = new List<Reporter>(reporters);
        for (int k = 0; k < reporters; k++)
        {
            var unit = reporterUnits[k];
            var name = FormattableString.Invariant($"rday-{unit}");
            await addUser.Handle(new AddUser.Request(name, Role.Reporter, unit), ct);
            await addUser.Handle(new AddUser.Request(name, Role.Leader, province), ct);
            var token = await tokens.Issue(name, "reporting-day", expires, ct);
            list.Add(new Reporter(name, unit, token.Token));
        }

        // Over everything, not the province alone: the overview page shows the province to readers of the whole
        // tree and only a pointer to their own pages to everyone else (here the province is the whole tree).
        await addUser.Handle(new AddUser.Request("rday-leader", Role.Leader), ct);
        var leader = await tokens.Issue("rday-leader", "reporting-day", expires, ct);
        await addUser.Handle(new AddUser.Request("rday-office", Role.Supervisor), ct);
        var office = await tokens.Issue("rday-office", "reporting-day", expires, ct);
        return new Accounts(province, list, leader.Token, office.Token);
    }

    /// <summary>Every (counties / reporters)-th of the counties in code order: reporters in every city, not all in the first.</summary>
    public static IReadOnlyList<string> Spread(IReadOnlyList<string> counties, int reporters)
    {
        ArgumentNullException.ThrowIfNull(counties);
        if (reporters < 1 || counties.Count < reporters)
        {
            throw new InvalidOperationException($"the province has {counties.Count} counties; {reporters} reporters cannot each have one");
        }

        return [.. Enumerable.Range(0, reporters).Select(k => counties[k * counties.Count / reporters])];
    }
}
