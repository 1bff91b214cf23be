using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Plans;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Plans;

/// <summary>
/// <c>code,kind,title,parent,lead,supporting,start,due,horizon,indicators</c> and optionally <c>completed</c>
/// (the date it was done); supporting and indicators are ';'-separated codes; kind
/// Strategy|Programme|Task|Milestone; horizon annual|threeYear|fiveYear.
/// </summary>
public sealed record PlanRow(
    string Code,
    string Kind,
    string Title,
    string? Parent,
    string? Lead,
    string? Supporting,
    string? Start,
    string? Due,
    string? Horizon,
    string? Indicators,
    string? Completed = null);

/// <summary>
/// Imports plan items through <see cref="SavePlanItem"/>, so a row passes the same checks as a form, and links
/// each to the indicators it names; all or nothing (<see cref="ImportData"/> tells how every import checks and writes).
/// </summary>
public sealed class ImportPlans(Data.LuoshiDbContext db, ICurrentActor actor)
{
    public static readonly string[] Required = ["code", "kind", "title", "parent", "lead", "supporting", "start", "due", "horizon", "indicators"];

    public static readonly string[] Optional = ["completed"];

    public async Task<ImportSummary> FromCsv(Stream stream, CancellationToken ct)
    {
        actor.RequireSignedIn();
        var t = CsvTable.Read(stream, Required, Optional);
        return await Handle([.. t.Rows.Select(r => (r.Line, new PlanRow(
            t.Text(r.Fields, "code"), t.Text(r.Fields, "kind"), t.Text(r.Fields, "title"), t.Trimmed(r.Fields, "parent"), t.Trimmed(r.Fields, "lead"), t.Trimmed(r.Fields, "supporting"),
            t.Trimmed(r.Fields, "start"), t.Trimmed(r.Fields, "due"), t.Trimmed(r.Fields, "horizon"), t.Trimmed(r.Fields, "indicators"), t.Trimmed(r.Fields, "completed"))))], ct);
    }

    public async Task<ImportSummary> Handle(IReadOnlyList<(int Line, PlanRow Row)> rows, CancellationToken ct)
    {
        var errors = new RowErrors();
        var save = new SavePlanItem(db, actor);
        int created = 0, updated = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (line, row) in rows)
        {
            var kind = errors.Try(line, "kind", () => (PlanItemKind?)Parsing.Enum<PlanItemKind>(row.Kind, "kind"));
            var horizon = string.IsNullOrWhiteSpace(row.Horizon) ? Horizon.Annual : errors.Try(line, "horizon", () => (Horizon?)Parsing.Enum<Horizon>(row.Horizon, "horizon"));
            var startDate = errors.Try(line, "start", () => Parsing.OptionalDate(row.Start, "start"));
            var dueDate = errors.Try(line, "due", () => Parsing.OptionalDate(row.Due, "due"));
            var completed = errors.Try(line, "completed", () => Parsing.OptionalDate(row.Completed, "completed"));
            if (errors.Any || kind is null || horizon is null)
            {
                break;
            }

            var existing = await db.PlanItems.AsNoTracking().Where(p => p.Code == row.Code).Select(p => (int?)p.Version).SingleOrDefaultAsync(ct);
            var request = new SavePlanItem.Request(row.Code, kind, row.Title, null, row.Parent, row.Lead, Split(row.Supporting), startDate, dueDate, horizon, Order: line, Version: existing, CompletedOn: completed);
            try
            {
                _ = existing is null ? await save.Create(request, ct) : await save.Update(row.Code, request, ct);
                if (existing is null)
                {
                    created++;
                }
                else
                {
                    updated++;
                }

                foreach (var code in Split(row.Indicators))
                {
                    var indicator = await db.Indicators.Include(i => i.PlanLinks).SingleOrDefaultAsync(i => i.Code == code, ct);
                    if (indicator is null)
                    {
                        errors.Add(line, "indicators", new Text($"指标 {Parsing.Clip(code)} 不存在", $"indicator '{Parsing.Clip(code)}' does not exist"));
                        break;
                    }

                    var planId = await db.PlanItems.Where(p => p.Code == row.Code).Select(p => p.Id).SingleAsync(ct);
                    indicator.LinkPlanItems(indicator.PlanLinks.Select(l => l.PlanItemId).Append(planId));
                    await db.SaveChangesAsync(ct);
                }
            }
            catch (InputRefusedException e)
            {
                foreach (var error in e.Errors)
                {
                    errors.Add(line, error.Field, error.Message);
                }
            }
            catch (DomainException e)
            {
                errors.Add(line, e.Field, e.Detail);
            }
            catch (ConflictException e)
            {
                errors.Add(line, e.Field, e.Detail);
            }

            if (errors.Any)
            {
                break;
            }
        }

        errors.ThrowIfAny();
        await tx.CommitAsync(ct);
        return new ImportSummary("plans", rows.Count, created, updated, rows.Count - created - updated);

        static string[] Split(string? codes) =>
            string.IsNullOrWhiteSpace(codes) ? [] : codes.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
