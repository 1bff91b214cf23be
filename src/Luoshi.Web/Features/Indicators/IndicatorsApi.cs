using Luoshi.Application.Indicators;
using Luoshi.Domain.Identity;
using Luoshi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Web.Features.Indicators;

public static class IndicatorsApi
{
    public static RouteGroupBuilder MapIndicatorsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/indicators").WithTags("Indicators");

        g.MapGet("/", async (ListIndicators list, CancellationToken ct) => TypedResults.Ok(await list.Handle(ct)))
            .AllowAnonymous().WithSummary("指标列表 / list indicators");

        g.MapGet("/{code}", async (string code, GetIndicator get, CancellationToken ct) => TypedResults.Ok(await get.Handle(code, ct)))
            .AllowAnonymous().WithSummary("指标 / one indicator");

        g.MapPost("/", async Task<Created<IndicatorView>> (SaveIndicator.Request request, SaveIndicator save, CancellationToken ct) =>
        {
            var indicator = await save.Create(request, ct);
            return TypedResults.Created($"/api/indicators/{indicator.Code}", indicator);
        }).RequireAuthorization(SecurityServices.Policy(Permission.ManageIndicators)).WithSummary("新建指标 / define an indicator");

        g.MapPut("/{code}", async (string code, SaveIndicator.Request request, SaveIndicator save, CancellationToken ct) =>
            TypedResults.Ok(await save.Update(code, request, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ManageIndicators)).WithSummary("修改指标(需带版本号)/ redefine an indicator (send the version you read)");

        var targets = api.MapGroup("/targets").WithTags("Indicators");
        targets.MapGet("/", async (string? indicator, string? org, string? year, ListTargets list, CancellationToken ct) =>
            TypedResults.Ok(await list.Handle(new(indicator, org, year), ct)))
            .AllowAnonymous().WithSummary("目标值列表 / list targets");

        targets.MapPost("/", async (SetTarget.Request request, SetTarget set, CancellationToken ct) => TypedResults.Ok(await set.Handle(request, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ManageTargets)).WithSummary("设定目标值(追加版本)/ set a target (appends a version)");
        return api;
    }
}
