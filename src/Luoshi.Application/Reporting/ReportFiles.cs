using System.Globalization;
using System.Text;
using Luoshi.Application.Common;
using Luoshi.Application.Readings;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Reporting;

public sealed record UploadSummary(string Org, string Period, int Rows, int Written, int Unchanged, int Skipped);

/// <summary>
/// The spreadsheet way of reporting: a pre-filled template for a unit and period, and the upload of a
/// filled template (or a readings CSV). An upload is checked whole — sheet, header, every row — and
/// written in one transaction, or refused naming sheet, row and column.
/// </summary>
public sealed class ReportFiles(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public const string SheetName = "填报";
    private static readonly string[] Header = ["indicator", "name", "unit", "previous", "target", "value", "comment"];
    private static readonly string[] Labels = ["指标代码", "指标名称", "计量单位", "上期值", "年度目标", "本期值", "说明"];

    public async Task<(byte[] Content, string FileName)> Template(string? org, string? period, CancellationToken ct)
    {
        var content = await ReportContents.Load(db, org, period, track: false, ct);
        actor.Require(Permission.ReadAll, content.Unit);
        Xlsx.Column[] columns =
        [
            new($"{Labels[0]} {Header[0]}", 18), new($"{Labels[1]} {Header[1]}", 28), new($"{Labels[2]} {Header[2]}", 10),
            new($"{Labels[3]} {Header[3]}({content.Lines.FirstOrDefault()?.PreviousPeriod})", 16), new($"{Labels[4]} {Header[4]}", 14),
            new($"{Labels[5]} {Header[5]}", 14, DecimalOnly: true), new($"{Labels[6]} {Header[6]}", 40),
        ];
        var rows = content.Lines.Select(l => (IReadOnlyList<object?>)[l.Indicator, l.Name, l.Unit, l.Previous, l.Target, l.Value, l.Comment]);
        var note = new Text(
            $"{content.Unit.Name}({content.Unit.Code})· {content.Period} · 截止 {content.DueDate:yyyy-MM-dd}。只填“本期值”和“说明”两列,不要改动其他列、行或工作表名称",
            $"{content.Unit.Name} ({content.Unit.Code}) · {content.Period} · due {content.DueDate:yyyy-MM-dd}. Fill in only 'value' and 'comment'; keep the other columns, rows and the sheet name.");
        var bytes = Xlsx.Write(SheetName, columns, rows, note.ToString());
        return (bytes, $"luoshi-{content.Unit.Code}-{content.Period}.xlsx");
    }

    public async Task<UploadSummary> Upload(string? org, string? period, string fileName, Stream file, CancellationToken ct)
    {
        var content = await ReportContents.Load(db, org, period, track: false, ct);
        actor.Require(Permission.WriteReadings, content.Unit);
        if (content.Report is { IsOpenForEntry: false } report)
        {
            throw new DomainConflictException("state", new Text($"报表{Domain.Reporting.Report.Describe(report.State)},不能再上传;已审核的数据须提出更正申请", $"the report is {report.State.ToString().ToLowerInvariant()}; approved values change only through a revision request"));
        }

        var rows = fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? FromCsv(file, content) : FromXlsx(file);
        var errors = new RowErrors();
        var byCode = content.Indicators.ToDictionary(i => i.Indicator.Code, i => i.Indicator, StringComparer.Ordinal);
        var cells = new List<(Indicator Indicator, decimal Value, string? Comment)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int skipped = 0;
        foreach (var row in rows)
        {
            if (!byCode.TryGetValue(row.Indicator, out var indicator))
            {
                errors.Add(row.Line, row.IndicatorColumn, new Text($"{content.Unit.Code} 在 {content.Period} 不报送指标 {Parsing.Clip(row.Indicator)}", $"{content.Unit.Code} does not report '{Parsing.Clip(row.Indicator)}' for {content.Period}"));
                continue;
            }

            if (!seen.Add(row.Indicator))
            {
                errors.Add(row.Line, row.IndicatorColumn, new Text($"指标 {row.Indicator} 重复", $"indicator {row.Indicator} appears twice"));
                continue;
            }

            if (row.Error is { } error)
            {
                errors.Add(row.Line, row.ValueColumn, error);
                continue;
            }

            if (row.Comment is { Length: > Reading.CommentMaxLength })
            {
                errors.Add(row.Line, row.CommentColumn, new Text($"说明不能超过{Reading.CommentMaxLength}字", $"the comment is longer than {Reading.CommentMaxLength}"));
                continue;
            }

            if (row.Value is null)
            {
                skipped++;
                continue;
            }

            cells.Add((indicator, row.Value.Value, row.Comment));
        }

        var code = content.Period.ToString();
        var ids = cells.Select(c => c.Indicator.Id).ToList();
        var existing = await db.Readings.Where(r => r.OrgUnitId == content.Unit.Id && r.PeriodCode == code && ids.Contains(r.IndicatorId)).ToDictionaryAsync(r => r.IndicatorId, ct);
        foreach (var (indicator, _, _) in cells.Where(c => existing.TryGetValue(c.Indicator.Id, out var r) && r.State == ReadingState.Approved))
        {
            var line = rows.First(r => r.Indicator == indicator.Code);
            errors.Add(line.Line, line.ValueColumn, new Text($"{indicator.Code} 已审核锁定,须提出更正申请", $"{indicator.Code} is approved and locked; request a revision"));
        }

        errors.ThrowIfAny();
        var stamp = Stamp.Of(actor.Name, clock.GetUtcNow(), new Text("上传", $"upload {Parsing.Clip(fileName)}").Bilingual);
        int written = 0;
        foreach (var (indicator, value, comment) in cells)
        {
            if (!existing.TryGetValue(indicator.Id, out var reading))
            {
                reading = Reading.Create(indicator.Id, content.Unit.Id, content.Period, indicator.Frequency);
                db.Readings.Add(reading);
            }
            else if (reading.Value == value && reading.Comment == comment)
            {
                continue;
            }

            reading.Record(value, comment, ReadingSource.Import, ReadingState.Draft, stamp);
            written++;
        }

        await db.SaveChangesAsync(ct);
        return new UploadSummary(content.Unit.Code, code, rows.Count, written, cells.Count - written, skipped);
    }

    private sealed record UploadRow(int Line, string Indicator, decimal? Value, string? Comment, Text? Error, string IndicatorColumn, string ValueColumn, string CommentColumn);

    private static List<UploadRow> FromXlsx(Stream file)
    {
        var sheet = Xlsx.Read(file, SheetName);
        if (sheet.Rows.Count == 0)
        {
            throw new InputRefusedException([new FieldError("sheet", new Text("工作表为空", "the sheet is empty"), 1, "sheet")]);
        }

        // Header cells read "中文 english"; the English word names the column.
        var (headerRow, headerCells) = sheet.Rows[0];
        var columns = headerCells.ToDictionary(c => c.Value.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Split('(')[0] ?? string.Empty, c => c.Key, StringComparer.Ordinal);
        var errors = new RowErrors();
        foreach (var missing in new[] { "indicator", "value" }.Where(h => !columns.ContainsKey(h)))
        {
            errors.Add(headerRow, missing, new Text($"缺少列 {missing}", $"missing column {missing}"));
        }

        foreach (var (name, letter) in columns.Where(c => !Header.Contains(c.Key)))
        {
            errors.Add(headerRow, letter, new Text($"未知的列 '{Parsing.Clip(name)}'", $"unknown column '{Parsing.Clip(name)}'"));
        }

        errors.ThrowIfAny();
        string ic = columns["indicator"], vc = columns["value"], cc = columns.GetValueOrDefault("comment", "G");
        var rows = new List<UploadRow>();
        foreach (var (line, cells) in sheet.Rows.Skip(1))
        {
            var indicator = cells.GetValueOrDefault(ic).Text?.Trim() ?? string.Empty;
            if (indicator.Length == 0 && cells.Values.All(c => string.IsNullOrWhiteSpace(c.Text)))
            {
                continue;
            }

            var cell = cells.GetValueOrDefault(vc);
            Text? error = null;
            decimal? value = null;
            if (cell.IsFormula)
            {
                error = new Text("单元格含公式,请填写数值", "the cell holds a formula; enter a number");
            }
            else if (cell.Number is { } n)
            {
                value = double.IsFinite(n) && Math.Abs(n) < 1e14 ? Math.Round((decimal)n, 6) : null;
                error = value is null ? Numbers.OutOfRange : null;
            }
            else if (!string.IsNullOrWhiteSpace(cell.Text))
            {
                error = new Text($"不是数字:'{Parsing.Clip(cell.Text)}'", $"not a number: '{Parsing.Clip(cell.Text)}'");
            }

            var comment = cells.GetValueOrDefault(cc).Text;
            rows.Add(new UploadRow(line, indicator, value, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), error, ic, vc, cc));
        }

        return rows;
    }

    private static List<UploadRow> FromCsv(Stream file, ReportContent content)
    {
        var table = CsvTable.Read(file, ImportReadings.Required, ImportReadings.Optional);
        var errors = new RowErrors();
        var rows = new List<UploadRow>();
        foreach (var (line, fields) in table.Rows)
        {
            var org = table.Get(fields, "org")?.Trim();
            var period = table.Get(fields, "period")?.Trim();
            if (org != content.Unit.Code)
            {
                errors.Add(line, "org", new Text($"文件中的单位 {Parsing.Clip(org ?? "")} 与所报单位 {content.Unit.Code} 不符", $"the row's unit is not {content.Unit.Code}"));
            }

            if (!Period.TryParse(period, out var p) || p != content.Period)
            {
                errors.Add(line, "period", new Text($"文件中的期间 {Parsing.Clip(period ?? "")} 与所报期间 {content.Period} 不符", $"the row's period is not {content.Period}"));
            }

            var text = table.Get(fields, "value")?.Trim() ?? string.Empty;
            decimal? value = null;
            Text? error = null;
            if (text.Length > 0)
            {
                try
                {
                    value = Parsing.Decimal(text, "value");
                }
                catch (DomainException e)
                {
                    error = e.Detail;
                }
            }

            var comment = table.Get(fields, "comment");
            rows.Add(new UploadRow(line, table.Get(fields, "indicator")?.Trim() ?? string.Empty, value, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), error, "indicator", "value", "comment"));
        }

        errors.ThrowIfAny();
        return rows;
    }
}
