using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Import;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Projects;

/// <summary>
/// Monthly project progress by spreadsheet: a template listing a region's projects still under way for a
/// month (with what is already recorded), and the upload of a filled one (or a progress CSV). An upload
/// goes through the same checks as the CSV import and is written all or nothing; a refusal names the
/// sheet, row and column of every problem.
/// </summary>
public sealed class ProjectProgressFiles(Data.LuoshiDbContext db, ICurrentActor actor, ImportProjects import, TimeProvider clock)
{
    public const string SheetName = "项目进度";

    /// <summary>The columns, named by the English word that ends each header cell ("项目代码 project").</summary>
    public static readonly string[] Header = ["project", "name", "org", "month", "completedInvestment", "actualStart", "narrative"];
    private static readonly string[] Labels = ["项目代码", "项目名称", "所属地区", "月份", "本月完成投资(亿元)", "实际开工日期", "进展情况"];
    private static readonly string[] Written = ["project", "month", "completedInvestment", "actualStart", "narrative"];

    public async Task<(byte[] Content, string FileName)> Template(string? org, string? month, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        var period = string.IsNullOrWhiteSpace(month)
            ? Period.Containing(Frequency.Month, Evaluate.Today(clock)).Previous
            : Period.TryParse(month.Trim(), out var p) && p.Kind == Frequency.Month ? p : throw InputRefusedException.Single("month", "须为月份,如 2026-05 / a month such as 2026-05");
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(ct);
        var root = string.IsNullOrWhiteSpace(org)
            ? units.Where(u => u.Kind == OrgUnitKind.Province).OrderBy(u => u.Path, StringComparer.Ordinal).FirstOrDefault()
            : units.SingleOrDefault(u => u.Code == org.Trim()) ?? throw new NotFoundException("单位/org unit", org);
        if (root is null)
        {
            actor.RequireEverywhere(Permission.ReadAll);
        }
        else
        {
            actor.Require(Permission.ReadAll, root);
        }

        var inside = units.Where(u => root is null || u.Path.StartsWith(root.Path, StringComparison.Ordinal)).ToDictionary(u => u.Id);
        var ids = inside.Keys.ToList();
        var monthStart = period.Start;
        var projects = (await db.Projects.AsNoTracking().Where(x => ids.Contains(x.OrgUnitId)).ToListAsync(ct))
            .Where(x => x.ActualCompletion is not { } done || done >= monthStart)
            .OrderBy(x => inside[x.OrgUnitId].Path, StringComparer.Ordinal).ThenBy(x => x.Code, StringComparer.Ordinal)
            .ToList();
        var code = period.ToString();
        var projectIds = projects.Select(x => x.Id).ToList();
        var recorded = await db.ProjectProgress.AsNoTracking().Where(x => x.Month == code && projectIds.Contains(x.ProjectId)).ToDictionaryAsync(x => x.ProjectId, ct);
        Xlsx.Column[] columns =
        [
            new($"{Labels[0]} {Header[0]}", 14), new($"{Labels[1]} {Header[1]}", 34), new($"{Labels[2]} {Header[2]}", 14), new($"{Labels[3]} {Header[3]}", 12),
            new($"{Labels[4]} {Header[4]}", 26, DecimalOnly: true), new($"{Labels[5]} {Header[5]}", 22), new($"{Labels[6]} {Header[6]}", 40),
        ];
        var rows = projects.Select(x =>
        {
            var done = recorded.GetValueOrDefault(x.Id);
            return (IReadOnlyList<object?>)[x.Code, x.Name, inside[x.OrgUnitId].Code, code, done?.CompletedInvestment, x.ActualStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), done?.Narrative];
        });
        var note = $"{root?.Name ?? "全部 / all"} · {code}。每个项目一行:填写“本月完成投资”(当月数,亿元)、刚开工的项目填“实际开工日期”(如 2026-05-18),可写“进展情况”;其他列、工作表名称不要改动;“本月完成投资”为空的行不导入。"
            + " / One line per project: fill in this month's completed investment (100 million yuan), the actual start date for a project that just started (e.g. 2026-05-18) and, if you like, a narrative; keep the other columns and the sheet name. Lines without an amount are not imported.";
        return (Xlsx.Write(SheetName, columns, rows, note), $"luoshi-project-progress-{root?.Code ?? "all"}-{code}.xlsx");
    }

    public async Task<ImportSummary> Upload(string fileName, Stream file, CancellationToken ct)
    {
        if (!actor.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        if (fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return await import.FromCsv(ProjectImportKind.ProjectProgress, file, ct);
        }

        var (table, letters) = Read(file);
        try
        {
            return await import.Import(ProjectImportKind.ProjectProgress, table, $"Excel {Parsing.Clip(Path.GetFileName(fileName))}", ct);
        }
        catch (InputRefusedException e)
        {
            throw new InputRefusedException([.. e.Errors.Select(x => Locate(x, letters))], e.Message);
        }
    }

    /// <summary>Reads the sheet into the import's table: its header checked, each row by its sheet row number, blank lines left out.</summary>
    private static (CsvTable Table, IReadOnlyDictionary<string, string> Letters) Read(Stream file)
    {
        var sheet = Xlsx.Read(file, SheetName);
        if (sheet.Rows.Count == 0)
        {
            throw new InputRefusedException([new FieldError("sheet", $"工作表“{SheetName}”为空 / the sheet '{SheetName}' is empty", 1, "sheet")]);
        }

        // Header cells read "中文 english"; the English word names the column.
        var (headerRow, headerCells) = sheet.Rows[0];
        var errors = new List<FieldError>();
        var letters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (letter, cell) in headerCells.OrderBy(c => c.Key.Length).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            var name = cell.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;
            if (name.Length == 0)
            {
                continue;
            }

            if (!Header.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(new FieldError("header", $"工作表“{SheetName}”第{headerRow}行{letter}列:未知的列“{Parsing.Clip(cell.Text)}”/ sheet '{SheetName}' row {headerRow} column {letter}: unknown column '{Parsing.Clip(cell.Text)}'", headerRow, letter));
            }
            else if (!letters.TryAdd(name, letter))
            {
                errors.Add(new FieldError("header", $"工作表“{SheetName}”第{headerRow}行{letter}列:列 {name} 重复 / sheet '{SheetName}' row {headerRow} column {letter}: column {name} appears twice", headerRow, letter));
            }
        }

        foreach (var missing in new[] { "project", "month", "completedInvestment" }.Where(h => !letters.ContainsKey(h)))
        {
            errors.Add(new FieldError("header", $"工作表“{SheetName}”第{headerRow}行:缺少列 {missing} / sheet '{SheetName}' row {headerRow}: missing column {missing}", headerRow, missing));
        }

        if (errors.Count > 0)
        {
            throw new InputRefusedException(errors, "表头有误,未导入任何数据 / the header is wrong; nothing was imported");
        }

        var rows = new List<(int, string[])>();
        foreach (var (line, cells) in sheet.Rows.Skip(1))
        {
            string Text(string column) => letters.TryGetValue(column, out var l) && cells.TryGetValue(l, out var c) ? Cell(c, column) : string.Empty;
            var fields = Written.Select(Text).ToArray();
            // A template line left without an amount or a start is a project with nothing to report this month.
            if (fields[2].Length == 0 && fields[3].Length == 0)
            {
                continue;
            }

            rows.Add((line, fields));
        }

        return (CsvTable.Of(Written, rows), letters);
    }

    /// <summary>
    /// A cell as the import reads text: numbers in invariant notation; a date Excel turned into a serial
    /// number back into a date (or a month); a formula refused, since only the figure it shows is stored.
    /// </summary>
    private static string Cell(XlsxCell cell, string column)
    {
        if (cell.IsFormula)
        {
            return "=" + cell.Text;
        }

        if (cell.Number is { } n && !cell.IsText && column is "actualStart" or "month" && n is > 1 and < 2958466)
        {
            var date = DateOnly.FromDateTime(DateTime.FromOADate(n));
            return column == "month" ? date.ToString("yyyy-MM", CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (cell.Number is { } x && !cell.IsText)
        {
            return Math.Abs(x) < 1e14 ? ((decimal)x).ToString(CultureInfo.InvariantCulture) : x.ToString("R", CultureInfo.InvariantCulture);
        }

        return cell.Text.Trim();
    }

    /// <summary>The import names columns by name; a sheet's reader wants the sheet, the row and the column letter.</summary>
    private static FieldError Locate(FieldError error, IReadOnlyDictionary<string, string> letters)
    {
        var column = error.Column is { } name && letters.TryGetValue(name, out var letter) ? letter : error.Column;
        if (error.Row is not { } row)
        {
            return error;
        }

        var split = error.Message.IndexOf("/ ", StringComparison.Ordinal);
        var (zh, en) = split > 0 ? (error.Message[..split].Trim(), error.Message[(split + 2)..].Trim()) : (error.Message, error.Message);
        var where = column is null ? $"第{row}行" : $"第{row}行{column}列";
        var whereEn = column is null ? $"row {row}" : $"row {row} column {column}";
        return new FieldError(error.Field, $"工作表“{SheetName}”{where}({error.Field}):{zh} / sheet '{SheetName}' {whereEn} ({error.Field}): {en}", row, column);
    }
}
