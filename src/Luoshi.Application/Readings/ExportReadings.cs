using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Readings;

/// <summary>
/// Writes every current reading, streamed from the database in key order. The CSV starts with the
/// readings import header (<c>indicator,org,period,value</c>) so an export imports back unchanged.
/// </summary>
public sealed class ExportReadings(Data.LuoshiDbContext db)
{
    public static readonly string[] Header = ["indicator", "org", "period", "value", "comment", "state", "source", "version", "updatedAt", "updatedBy"];

    /// <summary>The rows of a readings query under <see cref="Header"/>, for <see cref="TableExport"/>.</summary>
    public static IEnumerable<IReadOnlyList<object?>> Rows(IEnumerable<ReadingView> rows) =>
        rows.Select(r => (IReadOnlyList<object?>)[r.Indicator, r.Org, r.Period, r.Value, r.Comment, r.State.ToString().ToLowerInvariant(), r.Source.ToString().ToLowerInvariant(), r.Version, r.UpdatedAt.ToString("O", CultureInfo.InvariantCulture), r.UpdatedBy]);

    public async Task<int> Handle(Stream output, ExportFormat format, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        int total = await db.Readings.CountAsync(ct);
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        var orgs = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        var rows = db.Readings.AsNoTracking().OrderBy(r => r.IndicatorId).ThenBy(r => r.OrgUnitId).ThenBy(r => r.PeriodStart).ThenBy(r => r.PeriodEnd).AsAsyncEnumerable();
        int n = 0;
        if (format == ExportFormat.Csv)
        {
            await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
            await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
            foreach (var h in Header)
            {
                csv.WriteField(h);
            }

            await csv.NextRecordAsync();
            await foreach (var r in rows.WithCancellation(ct))
            {
                csv.WriteField(indicators[r.IndicatorId]);
                csv.WriteField(orgs[r.OrgUnitId]);
                csv.WriteField(r.PeriodCode);
                csv.WriteField(r.Value is { } value ? Numbers.Format(value) : string.Empty);
                csv.WriteField(r.Comment ?? string.Empty);
                csv.WriteField(Camel(r.State.ToString()));
                csv.WriteField(Camel(r.Source.ToString()));
                csv.WriteField(r.Version.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(r.UpdatedAt.ToString("O", CultureInfo.InvariantCulture));
                csv.WriteField(r.UpdatedBy);
                await csv.NextRecordAsync();
                Report(++n);
            }
        }
        else
        {
            await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartArray();
            await foreach (var r in rows.WithCancellation(ct))
            {
                json.WriteStartObject();
                json.WriteString("indicator", indicators[r.IndicatorId]);
                json.WriteString("org", orgs[r.OrgUnitId]);
                json.WriteString("period", r.PeriodCode);
                if (r.Value is { } v)
                {
                    json.WriteNumber("value", Numbers.Normalize(v));
                }
                else
                {
                    json.WriteNull("value");
                }

                json.WriteString("comment", r.Comment);
                json.WriteString("state", Camel(r.State.ToString()));
                json.WriteString("source", Camel(r.Source.ToString()));
                json.WriteNumber("version", r.Version);
                json.WriteString("updatedAt", r.UpdatedAt);
                json.WriteString("updatedBy", r.UpdatedBy);
                json.WriteEndObject();
                if (json.BytesPending > 64 * 1024)
                {
                    await json.FlushAsync(ct);
                }

                Report(++n);
            }

            json.WriteEndArray();
            await json.FlushAsync(ct);
        }

        progress?.Report(new ImportProgress(n, total));
        return n;

        void Report(int done)
        {
            if (done % 5000 == 0)
            {
                progress?.Report(new ImportProgress(done, total));
            }
        }
    }

    private static string Camel(string s) => Common.Parsing.Camel(s);
}
