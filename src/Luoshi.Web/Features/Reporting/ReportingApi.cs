using Luoshi.Application.Common;
using Luoshi.Application.Reporting;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Reporting;
using Luoshi.Web.Infrastructure;
using Luoshi.Web.Infrastructure.Security;

namespace Luoshi.Web.Features.Reporting;

public static class ReportingApi
{
    public sealed record CommentRequest(string? Comment);

    public sealed record DecisionRequest(string? Comment);

    public static RouteGroupBuilder MapReportingApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/reporting").WithTags("Reporting");

        g.MapGet("/template", async (string? org, string? period, ReportFiles files, CancellationToken ct) =>
        {
            var (content, name) = await files.Template(org, period, ct);
            return TypedResults.File(content, ApiContent.Xlsx, name);
        }).RequireAuthorization(SecurityServices.SignedIn).ProducesFile(ApiContent.Xlsx).WithSummary("下载填报模板 / download the pre-filled Excel template (?org=&period=)");

        g.MapPost("/upload", async (string? org, string? period, HttpRequest request, ReportFiles files, CancellationToken ct) =>
        {
            var file = await FormFile(request, ct);
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await files.Upload(org, period, file.FileName, stream, ct));
        }).RequireAuthorization(SecurityServices.Policy(Permission.WriteReadings))
          .AcceptsUpload(new Text("填好的模板(.xlsx)或数据CSV", "the filled template (.xlsx) or a readings CSV"))
          .WithSummary("上传填好的模板或CSV(全部成功或全部不写)/ upload a filled template or a readings CSV, all or nothing (multipart field 'file')");

        g.MapGet("/timeliness", async (string? from, string? to, string? under, DateOnly? asOf, TimelinessReport report, CancellationToken ct) =>
            TypedResults.Ok(await report.Handle(from, to, under, asOf, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll)).WithSummary("报送及时性 / timeliness by unit and month");

        g.MapGet("/rules", async (ReportingSetup setup, CancellationToken ct) => TypedResults.Ok(await setup.Rules(ct)))
            .RequireAuthorization(SecurityServices.SignedIn).WithSummary("校验规则 / validation rules");
        g.MapPost("/rules", async (ReportingSetup.RuleRequest request, ReportingSetup setup, CancellationToken ct) => TypedResults.Ok(await setup.AddRule(request, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ManageIndicators)).WithSummary("新建校验规则 / add a validation rule");

        g.MapGet("/assignments", async (string? org, ReportingSetup setup, CancellationToken ct) => TypedResults.Ok(await setup.Assignments(org, ct)))
            .RequireAuthorization(SecurityServices.SignedIn).WithSummary("填报任务 / who reports what");
        g.MapPost("/assignments", async (ReportingSetup.AssignmentRequest request, ReportingSetup setup, CancellationToken ct) => TypedResults.Ok(await setup.Assign(request, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ManageTargets)).WithSummary("设定填报任务 / assign an indicator to a unit");

        g.MapGet("/revisions", async (string? state, string? org, Revisions revisions, CancellationToken ct) =>
            TypedResults.Ok(await revisions.List(state is null ? null : Parsing.Enum<RevisionState>(state, "state"), org, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll)).WithSummary("更正申请 / revision requests");
        g.MapPost("/revisions", async (Revisions.Request request, Revisions revisions, CancellationToken ct) => TypedResults.Ok(await revisions.Open(request, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.WriteReadings)).WithSummary("申请更正已审核数据 / ask to change an approved value");
        g.MapPost("/revisions/{id:int}/approve", async (int id, DecisionRequest request, Revisions revisions, CancellationToken ct) => TypedResults.Ok(await revisions.Decide(id, true, request.Comment, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReviewReadings)).WithSummary("批准更正 / approve a revision");
        g.MapPost("/revisions/{id:int}/reject", async (int id, DecisionRequest request, Revisions revisions, CancellationToken ct) => TypedResults.Ok(await revisions.Decide(id, false, request.Comment, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReviewReadings)).WithSummary("驳回更正 / reject a revision");

        var reports = api.MapGroup("/reports").WithTags("Reporting");
        reports.MapGet("/", async (string? state, string? under, string? period, bool? reviewable, ListReports list, CancellationToken ct) =>
            TypedResults.Ok(await list.Handle(new(state is null ? ReportState.Submitted : state == "all" ? null : Parsing.Enum<ReportState>(state, "state"), under, period, reviewable ?? false), ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll))
            .WithSummary("报表清单(默认为待审核)/ reports the caller may read, by default those waiting for review (?state=submitted|approved|returned|draft|all&under=&period=&reviewable=true)");
        reports.MapGet("/{org}/{period}", async (string org, string period, GetReport get, CancellationToken ct) => TypedResults.Ok(await get.Handle(org, period, ct)))
            .RequireAuthorization(SecurityServices.SignedIn).WithSummary("报表:状态、各项数值、问题与记录 / a report: state, lines, problems, history");
        Transition(reports, "submit", ReportAction.Submit, Permission.WriteReadings, new Text("报送", "submit"));
        Transition(reports, "approve", ReportAction.Approve, Permission.ReviewReadings, new Text("审核通过(锁定数据)", "approve (locks the values)"));
        Transition(reports, "return", ReportAction.Return, Permission.ReviewReadings, new Text("退回(须说明理由)", "return with a reason"));
        return api;
    }

    private static void Transition(RouteGroupBuilder reports, string verb, ReportAction action, Permission permission, Text summary) =>
        reports.MapPost($"/{{org}}/{{period}}/{verb}", async (string org, string period, CommentRequest? request, TransitionReport transition, CancellationToken ct) =>
            TypedResults.Ok(await transition.Handle(org, period, action, request?.Comment, ct)))
            .RequireAuthorization(SecurityServices.Policy(permission)).WithSummary(summary.Bilingual);

    /// <summary>The uploaded file, read without form binding so that a missing or empty field is a named problem, not a bare 400.</summary>
    private static async Task<IFormFile> FormFile(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            throw InputRefusedException.Single("file", new Text("须以 multipart/form-data 上传,字段名 file", "upload as multipart/form-data with a field named 'file'"));
        }

        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw InputRefusedException.Single("file", new Text("缺少文件字段 file", "the 'file' field is missing"));
        if (file.Length == 0)
        {
            throw InputRefusedException.Single("file", new Text("文件为空", "the file is empty"));
        }

        var name = file.FileName ?? string.Empty;
        if (!name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            throw InputRefusedException.Single("file", new Text("只接受 .xlsx 或 .csv 文件", "only .xlsx or .csv files are accepted"));
        }

        return file;
    }
}
