using Luoshi.Application.Common;
using Luoshi.Application.Readings;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Luoshi.Web.Infrastructure;
using Luoshi.Web.Infrastructure.Security;

namespace Luoshi.Web.Features.Readings;

public static class ReadingsApi
{
    public static RouteGroupBuilder MapReadingsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/readings").WithTags("Readings");

        g.MapGet("/", async (string? indicator, string? org, string? from, string? to, int? limit, QueryReadings query, CancellationToken ct) =>
            TypedResults.Ok(await query.Handle(new(indicator, org, from, to, limit ?? 10_000), ct)))
            .AllowAnonymous().WithSummary("查询数据(匿名仅见已审核数据)/ current values by indicator, unit and period range (the public sees approved values only)");

        g.MapGet("/export", async (string? format, string? indicator, string? org, string? from, string? to, QueryReadings query, CancellationToken ct) =>
        {
            var rows = await query.Handle(new(indicator, org, from, to, QueryReadings.MaxRows), ct);
            var (content, type, extension) = TableExport.Write(Parsing.Enum<ExportFormat>(format ?? "xlsx", "format"), "数据 readings", ExportReadings.Header, ExportReadings.Rows(rows));
            return TypedResults.File(content, type, $"luoshi-readings.{extension}");
        }).AllowAnonymous().ProducesFile(ApiContent.TableFormats).WithSummary("导出数据 / export readings as xlsx or csv (the public gets approved values only)");

        g.MapPost("/", async (WriteReading.Request request, WriteReading write, CancellationToken ct) =>
            TypedResults.Ok(await write.Handle(request, ReadingSource.Api, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.WriteReadings)).WithSummary("写入数值(追加版本)/ write a value (appends a version)");

        g.MapPost("/import", async (HttpRequest request, ImportReadings import, CancellationToken ct) =>
        {
            if (!request.HasFormContentType || (await request.ReadFormAsync(ct)).Files.GetFile("file") is not { Length: > 0 } file)
            {
                throw InputRefusedException.Single("file", new Text("须以 multipart/form-data 上传CSV,字段名 file", "upload the CSV as multipart/form-data field 'file'"));
            }

            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await import.FromCsv(stream, null, ct));
        }).RequireAuthorization(SecurityServices.Policy(Permission.WriteReadings))
            .AcceptsUpload(new Text("数据CSV", "the readings CSV"))
            .WithSummary("导入数据CSV(全部成功或全部不导入)/ import readings from CSV (indicator,org,period,value[,comment]), all or nothing");

        g.MapGet("/history", async (string? indicator, string? org, string? period, GetReadingHistory history, CancellationToken ct) =>
            TypedResults.Ok(await history.Handle(indicator, org, period, ct)))
            .RequireAuthorization(SecurityServices.SignedIn).WithSummary("单元格历史(新在前)/ every version of one cell, newest first");
        return api;
    }
}
