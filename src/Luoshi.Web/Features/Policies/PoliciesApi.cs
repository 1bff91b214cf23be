using Luoshi.Application.Common;
using Luoshi.Application.Policies;
using Luoshi.Application.Projects;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Web.Features.Policies;

public static class PoliciesApi
{
    public static RouteGroupBuilder MapPoliciesApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/policies").WithTags("Policies");

        g.MapGet("/", async (string? package, DateOnly? asOf, PolicyQueries q, CancellationToken ct) => TypedResults.Ok(await q.List(package, asOf, ct)))
            .AllowAnonymous().WithSummary("政策及其兑现情况(公开的政策;可读全部者含未公开)/ policies with their delivery figures (?package=&asOf=)");

        g.MapGet("/summary", async (DateOnly? asOf, string? by, string? policy, PolicyQueries q, CancellationToken ct) => TypedResults.Ok(await q.Summary(asOf, by, policy, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll))
            .WithSummary("按政策、事项、责任部门或地区(逐级汇总)的兑现率、兑现时长、按时率、逾期 / payout rate, days to pay, on-time rate and overdue by policy, measure, department or region rolled up (?asOf=&by=policy|measure|department|region&policy=)");

        g.MapGet("/summary/export", async (string? format, DateOnly? asOf, string? by, string? policy, PolicyQueries q, CancellationToken ct) =>
        {
            var rows = await q.Summary(asOf, by, policy, ct);
            var (content, type, extension) = TableExport.Write(
                Parsing.Enum<ExportFormat>(format ?? "xlsx", "format"),
                "政策兑现 policies",
                ["key", "name", "cases", "enterprises", "approvedAmount", "paidAmount", "payoutRate", "avgDaysToPay", "onTimeRate", "overdue", "autoShare", "budget", "budgetExecution", "reason"],
                rows.Select(r => (IReadOnlyList<object?>)[r.Key, r.Name, r.Cases, r.Enterprises, r.ApprovedAmount, r.PaidAmount, r.PayoutRate, r.AvgDaysToPay, r.OnTimeRate, r.Overdue, r.AutoShare, r.Budget, r.BudgetExecution, r.Reason.ToString()]));
            return TypedResults.File(content, type, $"luoshi-policies.{extension}");
        }).RequireAuthorization(SecurityServices.Policy(Permission.ReadAll)).WithSummary("导出兑现汇总 / export the summary as xlsx or csv");

        g.MapGet("/cases", async ([AsParameters] CaseQuery c, PolicyQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.Cases(new CaseFilter(c.Policy, c.Measure, c.Org, c.Department, c.Status, c.Enterprise, c.Page ?? 1, c.PageSize ?? PolicyQueries.DefaultPageSize), c.AsOf, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll))
            .WithSummary("兑现记录(筛选、分页)/ cases filtered and paged (?policy=&measure=&org=&department=&status=applied|approved|rejected|paid|overdue&enterprise=&page=&pageSize=&asOf=)");

        g.MapGet("/cases/history", async (string measure, string enterprise, DateOnly applied, PolicyQueries q, CancellationToken ct) =>
            TypedResults.Ok(await q.History(measure, enterprise, applied, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll))
            .WithSummary("一条兑现记录的各个版本 / a case's versions (?measure=&enterprise=&applied=)");

        g.MapGet("/enterprises/{code}", async (string code, DateOnly? asOf, PolicyQueries q, CancellationToken ct) => TypedResults.Ok(await q.Enterprise(code, asOf, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll))
            .WithSummary("一企一档:企业申领与兑现的全部记录 / one enterprise's claims and payments");

        g.MapGet("/template/{kind}", async (string kind, string? format, PolicyFiles files, CancellationToken ct) =>
            Download(await files.Template(ImportPolicies.ParseKind(kind), Parsing.Enum<ExportFormat>(format ?? "xlsx", "format"), ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll))
            .WithSummary("下载政策、政策事项、兑现记录或节假日模板(预填已录入的数据,即导出)/ the template of policies, policy-measures, policy-cases or holidays, pre-filled (the export) (?format=xlsx|csv)");

        g.MapPost("/upload/{kind}", async (string kind, HttpRequest request, PolicyFiles files, CancellationToken ct) =>
        {
            var which = ImportPolicies.ParseKind(kind);
            var file = await FileOf(request, ct);
            await using var stream = file.OpenReadStream();
            return TypedResults.Ok(await files.Upload(which, file.FileName, stream, ct));
        }).RequireAuthorization(SecurityServices.Policy(Permission.ManagePlans))
            .WithSummary("上传填好的模板或CSV(全部成功或全部不写,错误注明工作表、行、列)/ upload a filled template or CSV, all or nothing; errors name sheet, row and column");

        g.MapPost("/import/{kind}", async (string kind, HttpRequest request, ImportPolicies import, CancellationToken ct) =>
        {
            var which = ImportPolicies.ParseKind(kind);
            await using var stream = (await FileOf(request, ct)).OpenReadStream();
            return TypedResults.Ok(await import.FromCsv(which, stream, ct));
        }).RequireAuthorization(SecurityServices.Policy(Permission.ManagePlans)).WithSummary("导入政策、政策事项、兑现记录或节假日CSV / import policies, measures, cases or holidays (CSV)");

        g.MapGet("/{code}", async (string code, DateOnly? asOf, PolicyQueries q, CancellationToken ct) => TypedResults.Ok(await q.Get(code, asOf, ct)))
            .AllowAnonymous().WithSummary("政策:事项及其兑现情况、兑现曲线 / a policy: its measures with their figures and the payout curve");
        return api;
    }

    private static FileContentHttpResult Download(DownloadFile file) => TypedResults.File(file.Content, file.ContentType, file.FileName);

    private static async Task<IFormFile> FileOf(HttpRequest request, CancellationToken ct) =>
        request.HasFormContentType && (await request.ReadFormAsync(ct)).Files.GetFile("file") is { Length: > 0 } file
            ? file
            : throw InputRefusedException.Single("file", new Text("须以 multipart/form-data 上传 .xlsx 或 .csv(import 只收 CSV),字段名 file", "upload the file as multipart/form-data field 'file' (.xlsx or .csv; import takes CSV)"));

    /// <summary>The case list's query string.</summary>
    public sealed record CaseQuery(string? Policy, string? Measure, string? Org, string? Department, string? Status, string? Enterprise, int? Page, int? PageSize, DateOnly? AsOf);
}
