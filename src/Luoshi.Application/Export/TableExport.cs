using System.Globalization;
using System.Text;
using CsvHelper;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Readings;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;

namespace Luoshi.Application.Export;

/// <summary>Tables people take away: an evaluation or a readings query as .xlsx or .csv, the same columns in both.</summary>
public static class TableExport
{
    public static (byte[] Content, string ContentType, string Extension) Write(ExportFormat format, string sheet, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        if (format == ExportFormat.Json)
        {
            throw new DomainException("format", new Text("表格导出只支持 xlsx 或 csv", "tables export as xlsx or csv"));
        }

        if (format == ExportFormat.Xlsx)
        {
            return (Xlsx.Write(sheet, [.. headers.Select(h => new Xlsx.Column(h, 16))], rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
        }

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var h in headers)
            {
                csv.WriteField(h);
            }

            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var v in row)
                {
                    csv.WriteField(v switch
                    {
                        null => string.Empty,
                        decimal d => Numbers.Format(d),
                        double x => x.ToString("0.######", CultureInfo.InvariantCulture),
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => v.ToString(),
                    });
                }

                csv.NextRecord();
            }
        }

        // A byte-order mark so that Excel opens the Chinese text of a CSV as UTF-8.
        return ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())], "text/csv; charset=utf-8", "csv");
    }

    public static readonly string[] EvaluationHeaders = ["indicator", "indicatorName", "org", "orgName", "period", "actual", "target", "qualifier", "expected", "status", "yoy", "yoyPoints", "national", "rank", "reason", "reasonEn"];

    public static IEnumerable<IReadOnlyList<object?>> EvaluationRows(IEnumerable<EvaluationRowView> rows) =>
        rows.Select(r => (IReadOnlyList<object?>)[r.Indicator, r.IndicatorName, r.Org, r.OrgName, r.Period, r.Actual, r.Target, r.Qualifier?.ToString(), r.Expected, r.Status.ToString().ToLowerInvariant(), r.Yoy, r.YoyPoints, r.National, r.Rank, r.Reason, r.ReasonEn]);

    public static readonly string[] ReadingHeaders = ["indicator", "org", "period", "value", "comment", "state", "source", "version", "updatedAt", "updatedBy"];

    public static IEnumerable<IReadOnlyList<object?>> ReadingRows(IEnumerable<ReadingView> rows) =>
        rows.Select(r => (IReadOnlyList<object?>)[r.Indicator, r.Org, r.Period, r.Value, r.Comment, r.State.ToString().ToLowerInvariant(), r.Source.ToString().ToLowerInvariant(), r.Version, r.UpdatedAt.ToString("O", CultureInfo.InvariantCulture), r.UpdatedBy]);
}
