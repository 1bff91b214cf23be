using Luoshi.Application.Common;
using Luoshi.Application.Projects;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Web.Infrastructure;
using Luoshi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Web.Features.Projects;

public static class ProjectsApi
{
    public static RouteGroupBuilder MapProjectsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/projects").WithTags("Projects");

        g.MapGet("/", async (string? org, string? category, string? stage, ProjectQueries q, CancellationToken ct) => TypedResults.Ok(await q.List(org, category, stage, ct)))
            .AllowAnonymous().WithSummary("重大项目列表 / major projects (?org=&category=&stage=)");

        g.MapGet("/summary", async (int? year, DateOnly? asOf, string? org, bool? byCategory, ProjectQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.Summary(year, asOf, org, byCategory ?? false, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll))
            .WithSummary("按地区(逐级汇总)或类别的开工率、投资完成率 / start rate and investment completion by region (rolled up) or category");

        g.MapGet("/summary/export", async (string? format, int? year, DateOnly? asOf, string? org, ProjectQueries q, CancellationToken ct) =>
        {
            var rows = await q.Summary(year, asOf, org, false, ct);
            var (content, type, extension) = TableExport.Write(
                Parsing.Enum<ExportFormat>(format ?? "xlsx", "format"),
                "项目 projects",
                ["org", "orgName", "projects", "plannedToStart", "started", "startRate", "annualPlan", "completedYtd", "completionRate", "expectedYtd", "reason"],
                rows.Select(r => (IReadOnlyList<object?>)[r.Org, r.OrgName, r.Projects, r.PlannedToStart, r.Started, r.StartRate, r.AnnualPlan, r.CompletedYtd, r.CompletionRate, r.ExpectedYtd, r.Reason]));
            return TypedResults.File(content, type, $"luoshi-projects.{extension}");
        }).RequireAuthorization(SecurityServices.Policy(Permission.ReadAll)).ProducesFile(ApiContent.TableFormats).WithSummary("导出项目汇总 / export the summary as xlsx or csv");

        g.MapGet("/browse", async ([AsParameters] BrowseQuery b, ProjectQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.Browse(new ProjectFilter(b.Org, b.Category, b.Stage, b.Started, b.Year, b.InYear ?? false, b.Q, b.Sort, b.Desc ?? false, b.Page ?? 1, b.PageSize ?? ProjectQueries.DefaultPageSize), b.AsOf, ct)))
            .AllowAnonymous()
            .WithSummary("项目列表(筛选、排序、分页,附计数)/ the project list filtered, sorted and paged, with counts (?org=&category=&stage=&started=started|notStarted|overdue|late&year=&inYear=&q=&sort=&desc=&page=&pageSize=&asOf=)");

        g.MapGet("/{code}/curve", async (string code, int? year, DateOnly? asOf, ProjectQueries q, CancellationToken ct) => TypedResults.Ok(await q.Curve(code, year, asOf, ct)))
            .AllowAnonymous()
            .WithSummary("项目一年的累计完成投资与计划曲线(年度计划×S曲线)及开工状态 / a project's year: cumulative investment against the plan curve (annual plan × S-curve) and its start status");

        g.MapGet("/progress/template", async (string? org, string? month, ProjectFiles files, CancellationToken ct) =>
            Download(await files.Template(ProjectImportKind.ProjectProgress, new(org, Month: month), ct)))
          .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll))
          .ProducesFile(ApiContent.Xlsx)
          .WithSummary("下载项目月度进度Excel模板 / download the Excel template of monthly project progress (?org=&month=)");

        g.MapPost("/progress/upload", (HttpRequest request, ProjectFiles files, CancellationToken ct) => Upload(ProjectImportKind.ProjectProgress, request, files, ct))
          .RequireAuthorization(SecurityServices.Policy(Permission.ManagePlans))
          .AcceptsUpload(ProjectFile)
          .WithSummary("上传填好的项目进度模板或CSV(全部成功或全部不写,错误注明工作表、行、列)/ upload a filled progress template or CSV, all or nothing; errors name sheet, row and column");

        g.MapGet("/template/{kind}", async (string kind, string? org, int? year, string? month, string? format, ProjectFiles files, CancellationToken ct) =>
            Download(await files.Template(ProjectFiles.ParseKind(kind), new(org, year, month, Parsing.Enum<ExportFormat>(format ?? "xlsx", "format")), ct)))
          .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll))
          .ProducesFile(ApiContent.TableFormats)
          .WithSummary("下载项目、年度计划或月度进度模板(预填已录入的数据,即导出;format=csv 为可再导入的CSV)/ the template of projects, plans or progress, pre-filled with what is recorded (the export; format=csv gives a CSV that imports back) (?org=&year=&month=&format=xlsx|csv)");

        g.MapPost("/upload/{kind}", (string kind, HttpRequest request, ProjectFiles files, CancellationToken ct) => Upload(ProjectFiles.ParseKind(kind), request, files, ct))
          .RequireAuthorization(SecurityServices.Policy(Permission.ManagePlans))
          .AcceptsUpload(ProjectFile)
          .WithSummary("上传填好的项目、年度计划或进度模板或CSV(全部成功或全部不写,错误注明工作表、行、列)/ upload a filled template (.xlsx) or CSV of projects, plans or progress, all or nothing; errors name sheet, row and column");

        g.MapGet("/{code}", async (string code, int? year, ProjectQueries q, CancellationToken ct) => TypedResults.Ok(await q.Get(code, year, ct)))
            .AllowAnonymous().WithSummary("项目:计划与逐月进度(对照S曲线)/ a project with its plans and monthly progress against the S-curve");

        g.MapPost("/import/{kind}", async (string kind, HttpRequest request, ImportProjects import, CancellationToken ct) =>
        {
            var which = ProjectFiles.ParseKind(kind);
            await using var stream = (await FileOf(request, ct)).OpenReadStream();
            return TypedResults.Ok(await import.FromCsv(which, stream, ct));
        }).RequireAuthorization(SecurityServices.Policy(Permission.ManagePlans)).AcceptsUpload(new Text("CSV", "the CSV")).WithSummary("导入项目、年度计划或月度进度CSV / import projects, plans or progress (CSV)");
        return api;
    }

    private static readonly Text ProjectFile = new("填好的模板(.xlsx)或CSV", "the filled template (.xlsx) or a CSV");

    private static FileContentHttpResult Download(DownloadFile file) => TypedResults.File(file.Content, file.ContentType, file.FileName);

    private static async Task<Ok<ImportSummary>> Upload(ProjectImportKind kind, HttpRequest request, ProjectFiles files, CancellationToken ct)
    {
        var file = await FileOf(request, ct);
        await using var stream = file.OpenReadStream();
        return TypedResults.Ok(await files.Upload(kind, file.FileName, stream, ct));
    }

    private static async Task<IFormFile> FileOf(HttpRequest request, CancellationToken ct) =>
        request.HasFormContentType && (await request.ReadFormAsync(ct)).Files.GetFile("file") is { Length: > 0 } file
            ? file
            : throw InputRefusedException.Single("file", new Text("须以 multipart/form-data 上传 .xlsx 或 .csv(import 只收 CSV),字段名 file", "upload the file as multipart/form-data field 'file' (.xlsx or .csv; import takes CSV)"));

    /// <summary>The list's query string.</summary>
    public sealed record BrowseQuery(string? Org, string? Category, string? Stage, string? Started, int? Year, bool? InYear, string? Q, string? Sort, bool? Desc, int? Page, int? PageSize, DateOnly? AsOf);
}
