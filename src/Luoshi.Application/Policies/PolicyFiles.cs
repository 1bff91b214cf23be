using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Projects;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Policies;

/// <summary>
/// Policies, measures, cases and the holiday calendar by spreadsheet: a template pre-filled with what is recorded
/// (so it doubles as the export, in .xlsx or as a CSV that imports back unchanged), and the upload of a filled one
/// (or a CSV), checked as the CSV import checks it and written all or nothing; a refusal names sheet, row and column.
/// </summary>
public sealed class PolicyFiles(Data.LuoshiDbContext db, ICurrentActor actor, ImportPolicies import)
{
    public static readonly IReadOnlyDictionary<PolicyImportKind, TemplateSheet> Sheets = new Dictionary<PolicyImportKind, TemplateSheet>
    {
        [PolicyImportKind.Policies] = new("政策",
        [
            new("code", "政策代码", 14, Required: true), new("title", "政策名称", 40, Required: true), new("package", "政策包", 16, Required: true),
            new("lead", "牵头部门", 12, Required: true), new("issued", "印发日期", 16, SheetCellKind.Date, Required: true),
            new("budget", "预算(万元)", 16, SheetCellKind.Number, Required: true), new("public", "公开", 10),
        ]),
        [PolicyImportKind.PolicyMeasures] = new("政策事项",
        [
            new("code", "事项代码", 14, Required: true), new("policy", "政策代码", 14, Required: true), new("title", "事项名称", 40, Required: true),
            new("kind", "类别", 12, Required: true), new("mode", "兑现方式", 14, Required: true),
            new("timeLimitDays", "时限(工作日)", 20, SheetCellKind.Number, Required: true), new("department", "责任部门", 14), new("conditions", "申领条件", 40),
        ]),
        [PolicyImportKind.PolicyCases] = new("兑现记录",
        [
            new("measure", "事项代码", 14, Required: true), new("enterprise", "统一社会信用代码", 30, Required: true), new("name", "企业名称", 30, Required: true),
            new("org", "所在地区", 12, Required: true), new("applied", "申报日期", 16, SheetCellKind.Date, Required: true), new("status", "状态", 12, Required: true),
            new("approvedAmount", "核定金额(万元)", 26, SheetCellKind.Number, Required: true), new("paidOn", "兑现日期", 14, SheetCellKind.Date, Required: true),
            new("paidAmount", "兑现金额(万元)", 24, SheetCellKind.Number, Required: true),
        ]),
        [PolicyImportKind.Holidays] = new("节假日",
        [
            new("date", "日期", 16, SheetCellKind.Date, Required: true), new("kind", "类型", 12, Required: true),
        ]),
    };

    private static readonly Dictionary<PolicyImportKind, Text> Notes = new()
    {
        [PolicyImportKind.Policies] = new("每项政策一行:代码、名称、政策包(如“8+4”中的某一包)、牵头部门(单位代码)、印发日期(如 2026-03-01)、预算(万元),公开填 是/否;工作表名称和表头不要改动。", "One line per policy: code, title, package, lead department (a unit code), issue date (e.g. 2026-03-01), budget (10,000 yuan), public yes/no; keep the sheet name and the header."),
        [PolicyImportKind.PolicyMeasures] = new("每个政策事项一行:类别填 减免/奖补/权益/资质,兑现方式填 免申即享/即申即享/申报,时限为工作日天数;责任部门为空时由政策的牵头部门负责。", "One line per measure: kind reduction/subsidy/entitlement/qualification (or 减免/奖补/权益/资质), mode automatic/instant/application (or 免申即享/即申即享/申报), the time limit in working days; an empty department means the policy's lead."),
        [PolicyImportKind.PolicyCases] = new("每个企业每次申报一行:统一社会信用代码18位,状态填 applied/approved/rejected/paid(或 已申报/审核通过/不予兑现/已兑现),尚不知道的单元格留空;已兑现的记录不能再修改。", "One line per enterprise claim: the 18-character credit code, status applied/approved/rejected/paid, empty cells where not yet known; a paid case cannot be changed."),
        [PolicyImportKind.Holidays] = new("每个法定节假日或调休上班日一行:类型填 holiday 或 workday;其余日子按周一至周五工作。", "One line per public holiday or make-up workday: kind holiday or workday; every other day follows Monday to Friday."),
    };

    public async Task<DownloadFile> Template(PolicyImportKind kind, ExportFormat format, CancellationToken ct)
    {
        actor.RequireSignedIn();
        actor.RequireEverywhere(Permission.ReadAll);
        if (format == ExportFormat.Json)
        {
            throw InputRefusedException.Single("format", new Text("应为 xlsx 或 csv", "xlsx or csv"));
        }

        var rows = await Rows(kind, ct);
        var sheet = Sheets[kind];
        var stem = $"luoshi-{ImportPolicies.KindName(kind)}";
        if (format == ExportFormat.Xlsx)
        {
            return new DownloadFile(sheet.Write(rows, Notes[kind].Bilingual), Xlsx.ContentType, $"{stem}.xlsx");
        }

        var (content, type, _) = TableExport.Write(ExportFormat.Csv, sheet.Name, sheet.Imported, rows.Select(sheet.ImportedValues));
        return new DownloadFile(content, type, $"{stem}.csv");
    }

    public async Task<ImportSummary> Upload(PolicyImportKind kind, string fileName, Stream file, CancellationToken ct)
    {
        actor.RequireSignedIn();
        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return await import.FromCsv(kind, file, ct);
        }

        var sheet = Sheets[kind].Read(file, _ => true);
        try
        {
            return await import.Import(kind, sheet.Table, $"Excel {Parsing.Clip(Path.GetFileName(fileName))}", ct);
        }
        catch (InputRefusedException e)
        {
            throw sheet.Locate(e);
        }
    }

    private async Task<List<IReadOnlyList<object?>>> Rows(PolicyImportKind kind, CancellationToken ct)
    {
        var codes = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        switch (kind)
        {
            case PolicyImportKind.Policies:
                return [.. (await db.Policies.AsNoTracking().OrderBy(p => p.Code).ToListAsync(ct)).Select(p => (IReadOnlyList<object?>)
                    [p.Code, p.Title, p.Package, codes[p.LeadDepartmentId], Day(p.Issued), Numbers.Normalize(p.Budget), p.IsPublic ? "是" : "否"])];
            case PolicyImportKind.PolicyMeasures:
                var policies = await db.Policies.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Code, ct);
                return [.. (await db.PolicyMeasures.AsNoTracking().OrderBy(m => m.Code).ToListAsync(ct)).Select(m => (IReadOnlyList<object?>)
                    [m.Code, policies[m.PolicyId], m.Title, Parsing.Camel(m.Kind.ToString()), Parsing.Camel(m.Mode.ToString()), m.TimeLimitDays, m.ResponsibleDepartmentId is { } d ? codes[d] : null, m.Conditions])];
            case PolicyImportKind.PolicyCases:
                var measures = await db.PolicyMeasures.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.Code, ct);
                return [.. (await db.PolicyCases.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct)).Select(c => (IReadOnlyList<object?>)
                    [measures[c.MeasureId], c.Enterprise, c.Name, codes[c.OrgUnitId], Day(c.Applied), Parsing.Camel(c.Status.ToString()), Amount(c.ApprovedAmount), Day(c.PaidOn), Amount(c.PaidAmount)])];
            default:
                return [.. (await db.CalendarDays.AsNoTracking().OrderBy(d => d.Date).ToListAsync(ct)).Select(d => (IReadOnlyList<object?>)[Day(d.Date), Parsing.Camel(d.Kind.ToString())])];
        }
    }

    private static decimal? Amount(decimal? v) => v is { } x ? Numbers.Normalize(x) : null;

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
