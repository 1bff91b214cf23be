using Luoshi.Application.Common;
using Luoshi.Application.Evaluation;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Web.Infrastructure;
using Luoshi.Web.Infrastructure.Caching;
using Luoshi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Luoshi.Web.Features.Evaluation;

public static class EvaluationApi
{
    public static RouteGroupBuilder MapEvaluationApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/evaluation").WithTags("Evaluation");

        g.MapGet("/", async (string? period, string? org, int? depth, DateOnly? asOf, string? status, string? indicator, Evaluate evaluate, AnswerCache answers, IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            // Resolving checks the reader's grant; what is asked then has one answer per data version, shared by every allowed reader.
            var q = new Evaluate.Query(period, org, depth, asOf, status, indicator);
            var resolved = await evaluate.Resolve(q, ct);
            var key = string.Join('|', "evaluation", resolved.Entry.Version, resolved.Period, resolved.AsOf.DayNumber, resolved.Scope?.Code, q.Depth, q.Status?.Trim(), q.Indicator?.Trim());
            var answer = await answers.GetOrAdd(key, () => Task.FromResult(JsonAnswer.Of(Evaluate.View(q, resolved), json.Value.SerializerOptions)), a => a.Size);
            return new JsonAnswerResult(answer);
        })
            .Produces<EvaluationView>()
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll))
            .WithSummary("评估:每个指标×单位的状态与原因 / where every indicator × unit stands, and why (?period=2026-06&org=330100&depth=1&asOf=2026-07-25&status=red)");

        g.MapGet("/export", async (string? format, string? period, string? org, int? depth, DateOnly? asOf, string? status, string? indicator, Evaluate evaluate, CancellationToken ct) =>
        {
            var view = await evaluate.Handle(new(period, org, depth, asOf, status, indicator), ct);
            var (content, type, extension) = TableExport.Write(Parsing.Enum<ExportFormat>(format ?? "xlsx", "format"), "评估 evaluation", EvaluationTable.Headers, EvaluationTable.Rows(view.Rows));
            return TypedResults.File(content, type, $"luoshi-evaluation-{view.Period}.{extension}");
        }).RequireAuthorization(SecurityServices.Policy(Permission.ReadAll)).ProducesFile(ApiContent.TableFormats).WithSummary("导出评估表 / export an evaluation as xlsx or csv (?format=xlsx|csv)");

        g.MapGet("/series", async (string? indicator, string? org, string? from, string? to, DateOnly? asOf, EvaluateIndicator series, CancellationToken ct) =>
            TypedResults.Ok(await series.Handle(indicator, org, from, to, asOf, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll))
            .WithSummary("一个指标在一个单位逐期的评估(数值、序时进度、状态、同比)/ one indicator at one unit period by period (?indicator=FAI&org=330100&from=2026-01&to=2026-06)");

        g.MapGet("/plan", async (string? period, DateOnly? asOf, EvaluatePlanTree plan, CancellationToken ct) =>
            TypedResults.Ok(await plan.Handle(period, asOf, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll))
            .WithSummary("计划树的汇总状态 / the plan tree with rolled-up statuses");

        g.MapGet("/checks", async (int? year, string? org, DateOnly? asOf, CalendarChecks checks, CancellationToken ct) =>
            TypedResults.Ok(await checks.Handle(year, org, asOf, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll))
            .WithSummary("双过半与开门红 / half-year and first-quarter checks");

        api.MapGet("/overview", async (string? period, string? org, string? rank, string? matrix, GetOverview overview, AnswerCache answers, IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            // As for the evaluation: the reader's grant is checked first, then the answer is one per data version.
            var q = new GetOverview.Query(period, org, rank, string.Equals(matrix, "all", StringComparison.OrdinalIgnoreCase));
            var answer = await answers.GetOrAdd(
                // Like the evaluation's, the answer holds its reasons in both languages as separate fields: one answer serves every language.
                await overview.KeyOf(q, ct),
                async () => JsonAnswer.Of(
                    OverviewView.From(await overview.Handle(q, ct) ?? throw new NotFoundException(new Text("总览数据", "overview data"), org ?? "province")),
                    json.Value.SerializerOptions),
                a => a.Size);
            return new JsonAnswerResult(answer);
        })
            .WithTags("Evaluation")
            .Produces<OverviewView>()
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll))
            .WithSummary("总览:要点指标、单位×指标灯阵、排名、双过半与开门红、红灰名单 / the overview: headline cards, the unit × indicator matrix, the ranking, the half-year and first-quarter checks, the red and grey lists (?period=2026-06&org=330000&rank=GDP&matrix=all)");
        return api;
    }
}
