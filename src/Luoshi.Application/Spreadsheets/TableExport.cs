using System.Globalization;
using System.Text;
using CsvHelper;
using Luoshi.Domain.Common;

namespace Luoshi.Application.Spreadsheets;

public enum ExportFormat
{
    Csv,
    Json,
    Xlsx,
}

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
            return (Xlsx.Write(sheet, [.. headers.Select(h => new Xlsx.Column(h, 16))], rows), Xlsx.ContentType, "xlsx");
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
}
