using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Organization;

/// <summary><c>code,name,kind,parent</c>; kind Province|City|County|Department|Reference.</summary>
public sealed record OrgRow(string Code, string Name, string Kind, string? Parent);

/// <summary>
/// Imports org units, all or nothing (<see cref="ImportData"/> tells how every import checks and writes). A parent
/// must come on an earlier line or exist already; moving a unit moves its descendants with it.
/// </summary>
public sealed class ImportOrgUnits(Data.LuoshiDbContext db, ICurrentActor actor)
{
    public static readonly string[] Required = ["code", "name", "kind", "parent"];

    public async Task<ImportSummary> FromCsv(Stream stream, CancellationToken ct)
    {
        actor.RequireSignedIn();
        var t = CsvTable.Read(stream, Required, []);
        return await Handle([.. t.Rows.Select(r => (r.Line, new OrgRow(t.Text(r.Fields, "code"), t.Text(r.Fields, "name"), t.Text(r.Fields, "kind"), t.Trimmed(r.Fields, "parent"))))], ct);
    }

    public async Task<ImportSummary> Handle(IReadOnlyList<(int Line, OrgRow Row)> rows, CancellationToken ct)
    {
        var errors = new RowErrors();
        var forbidden = new OutOfScope();
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, ct);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int created = 0, updated = 0;
        foreach (var (line, row) in rows)
        {
            if (!errors.FirstTime(line, seen, row.Code))
            {
                continue;
            }

            var kind = errors.Try(line, "kind", () => (OrgUnitKind?)Parsing.Enum<OrgUnitKind>(row.Kind, "kind"));
            OrgUnit? parent = null;
            if (!string.IsNullOrWhiteSpace(row.Parent) && !units.TryGetValue(row.Parent, out parent))
            {
                errors.Add(line, "parent", new Text($"上级单位 {Parsing.Clip(row.Parent)} 不存在(上级须在前面的行或已在系统中)", $"parent '{Parsing.Clip(row.Parent)}' does not exist (it must come on an earlier line or exist already)"));
                continue;
            }

            if (kind is null)
            {
                continue;
            }

            if (parent is null ? !actor.CanEverywhere(Permission.ManageOrgUnits) : !actor.Can(Permission.ManageOrgUnits, parent))
            {
                forbidden.Add(line, row.Parent ?? row.Code);
                continue;
            }

            if (units.TryGetValue(row.Code, out var unit))
            {
                var (version, oldPath) = (unit.Version, unit.Path);
                if (errors.Try(line, "name", () => unit.Rename(row.Name)) && errors.Try(line, "parent", () => unit.Place(kind.Value, parent)))
                {
                    if (unit.Path != oldPath)
                    {
                        foreach (var d in units.Values.Where(d => d != unit && d.Path.StartsWith(oldPath, StringComparison.Ordinal)))
                        {
                            d.FollowAncestor(oldPath, unit.Path);
                        }
                    }

                    updated += unit.Version != version ? 1 : 0;
                }
            }
            else
            {
                var column = string.IsNullOrWhiteSpace(row.Name) ? "name" : "code";
                var createdUnit = errors.Try(line, column, () => OrgUnit.Create(row.Code, row.Name, kind.Value, parent));
                if (createdUnit is not null)
                {
                    units[createdUnit.Code] = createdUnit;
                    db.OrgUnits.Add(createdUnit);
                    created++;
                }
            }
        }

        forbidden.ThrowIfAny();
        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return new ImportSummary("orgs", rows.Count, created, updated, rows.Count - created - updated);
    }
}
