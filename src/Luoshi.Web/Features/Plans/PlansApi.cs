using Luoshi.Application.Common;
using Luoshi.Application.Plans;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Plans;
using Luoshi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Web.Features.Plans;

public static class PlansApi
{
    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/plan-items").WithTags("Plans");

        g.MapGet("/", async (string? kind, string? parent, ListPlanItems list, CancellationToken ct) =>
            TypedResults.Ok(await list.Handle(new(kind is null ? null : Parsing.Enum<PlanItemKind>(kind, "kind"), parent), ct)))
            .AllowAnonymous().WithSummary("计划项列表 / list plan items");

        g.MapGet("/{code}", async (string code, GetPlanItem get, CancellationToken ct) => TypedResults.Ok(await get.Handle(code, ct)))
            .AllowAnonymous().WithSummary("计划项 / one plan item");

        g.MapPost("/", async Task<Created<PlanItemView>> (SavePlanItem.Request request, SavePlanItem save, CancellationToken ct) =>
        {
            var item = await save.Create(request, ct);
            return TypedResults.Created($"/api/plan-items/{item.Code}", item);
        }).RequireAuthorization(SecurityServices.Policy(Permission.ManagePlans)).WithSummary("新建计划项 / create a plan item");

        g.MapPut("/{code}", async (string code, SavePlanItem.Request request, SavePlanItem save, CancellationToken ct) =>
            TypedResults.Ok(await save.Update(code, request, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ManagePlans)).WithSummary("修改计划项(需带版本号)/ update a plan item (send the version you read)");
        return api;
    }
}
