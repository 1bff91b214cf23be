using Luoshi.Application.Assessment;
using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Web.Infrastructure;
using Luoshi.Web.Infrastructure.Security;

namespace Luoshi.Web.Features.Assessment;

public static class AssessmentApi
{
    private static readonly Text SchemeBody = new("考核方案JSON(示例 docs/examples/city-assessment-2026.json)", "the assessment scheme as JSON (example: docs/examples/city-assessment-2026.json)");

    public sealed record AppealRequest(string? Org, decimal? Points, string? Reason);

    public static RouteGroupBuilder MapAssessmentApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/assessment").WithTags("Assessment");

        g.MapPost("/preview", async (HttpRequest request, DateOnly? asOf, PreviewAssessment preview, CancellationToken ct) =>
            TypedResults.Ok(await preview.Handle(await Body(request, ct), asOf, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll)).AcceptsRawJson(SchemeBody).WithSummary("按方案试算(不保存)/ score a scheme without storing it (body: the scheme JSON)");

        g.MapPost("/runs", async (HttpRequest request, DateOnly? asOf, RunAssessment run, CancellationToken ct) =>
            TypedResults.Ok(await run.Handle(await Body(request, ct), asOf, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ManageTargets)).AcceptsRawJson(SchemeBody).WithSummary("保存方案版本并计算草稿结果 / store the scheme version and compute a draft run");

        g.MapGet("/runs/{id:int}", async (int id, GetRun get, CancellationToken ct) => TypedResults.Ok(await get.Handle(id, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll)).WithSummary("考核结果 / a run with every point explained");

        g.MapPost("/runs/{id:int}/publish", async (int id, PublishRun publish, CancellationToken ct) => TypedResults.Ok(await publish.Handle(id, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ManageTargets)).WithSummary("发布(冻结)/ publish: the result is frozen");

        g.MapGet("/runs/{id:int}/verify", async (int id, VerifyRun verify, CancellationToken ct) => TypedResults.Ok(await verify.Handle(id, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll)).WithSummary("重算核验:同样输入得同样哈希 / recompute: the same inputs give the same hash");

        g.MapPost("/runs/{id:int}/appeals", async (int id, AppealRequest request, AcceptAppeal appeal, CancellationToken ct) =>
            TypedResults.Ok(await appeal.Handle(id, new AcceptAppeal.Request(request.Org, request.Points, request.Reason), ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ManageTargets)).WithSummary("受理申诉,生成新版本(旧版本保留)/ accept an appeal as a new version; the old one is kept");

        g.MapGet("/schemes", async (AssessmentCatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.Schemes(ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll)).WithSummary("考核方案及其版本 / schemes with their versions");

        g.MapGet("/schemes/{id:int}", async (int id, AssessmentCatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.Scheme(id, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll)).WithSummary("一个方案版本(JSON)/ one scheme version as JSON");

        g.MapPost("/schemes", async (HttpRequest request, SaveScheme save, CancellationToken ct) =>
        {
            var saved = await save.Handle(await Body(request, ct), ct);
            return saved.Created
                ? (IResult)TypedResults.Created($"/api/assessment/schemes/{saved.Version.Id}", saved)
                : TypedResults.Ok(saved);
        }).RequireAuthorization(SecurityServices.Policy(Permission.ManageTargets)).AcceptsRawJson(SchemeBody).Produces<SavedScheme>(StatusCodes.Status200OK).Produces<SavedScheme>(StatusCodes.Status201Created).WithSummary("保存方案为新版本(从不覆盖)/ save a scheme as a new version (never overwrites; unchanged stores nothing)");

        g.MapGet("/runs", async (AssessmentCatalog catalog, CancellationToken ct) => TypedResults.Ok(await catalog.Runs(ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll)).WithSummary("考核结果列表 / the runs, newest first");

        g.MapGet("/runs/{id:int}/export", async (int id, string? format, GetRun get, AssessmentCatalog catalog, CancellationToken ct) =>
        {
            var run = await get.Handle(id, ct);
            var exportFormat = Parsing.Enum<ExportFormat>(format ?? "xlsx", "format");
            if (exportFormat == ExportFormat.Xlsx)
            {
                return TypedResults.File(AssessmentWorkbook.Write(run, await catalog.SchemeOfRun(id, ct)), ApiContent.Xlsx, $"luoshi-assessment-{id}.xlsx");
            }

            var (content, type, extension) = TableExport.Write(
                exportFormat,
                "考核 assessment",
                ["rank", "org", "orgName", "score", "grade", "vetoed", "criteria"],
                run.Results.Select(r => (IReadOnlyList<object?>)[r.Rank, r.Org, r.OrgName, r.Score, r.Grade, r.Vetoed ? "一票否决 veto" : null, string.Join(";", r.Criteria.Select(c => c.Explanation))]));
            return TypedResults.File(content, type, $"luoshi-assessment-{id}.{extension}");
        }).RequireAuthorization(SecurityServices.Policy(Permission.ReadAll)).ProducesFile(ApiContent.TableFormats).WithSummary("导出:xlsx为排名与得分明细两张表,csv为排名 / export: xlsx holds the ranking and the breakdown sheets, csv the ranking");
        return api;
    }

    private static async Task<string> Body(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        return string.IsNullOrWhiteSpace(body) ? throw InputRefusedException.Single("scheme", new Text("请求体须为方案JSON", "the body must be the scheme JSON")) : body;
    }
}
