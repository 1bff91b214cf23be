using Luoshi.Application.Common;
using Luoshi.Application.Organization;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Web.Features.Organization;

public static class OrganizationApi
{
    public static RouteGroupBuilder MapOrganizationApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/org-units").WithTags("Organization");

        g.MapGet("/", async (string? kind, string? parent, string? under, ListOrgUnits list, CancellationToken ct) =>
            TypedResults.Ok(await list.Handle(new(kind is null ? null : Parsing.Enum<OrgUnitKind>(kind, "kind"), parent, under), ct)))
            .AllowAnonymous().WithSummary("单位列表 / list org units (?kind=City, ?parent=CODE, ?under=CODE)");

        g.MapGet("/{code}", async (string code, GetOrgUnit get, CancellationToken ct) => TypedResults.Ok(await get.Handle(code, ct)))
            .AllowAnonymous().WithSummary("单位 / one org unit");

        g.MapPost("/", async Task<Created<OrgUnitView>> (CreateOrgUnit.Request request, CreateOrgUnit create, CancellationToken ct) =>
        {
            var unit = await create.Handle(request, ct);
            return TypedResults.Created($"/api/org-units/{unit.Code}", unit);
        }).RequireAuthorization(SecurityServices.Policy(Permission.ManageOrgUnits)).WithSummary("新建单位 / create an org unit");

        g.MapPut("/{code}", async (string code, UpdateOrgUnit.Request request, UpdateOrgUnit update, CancellationToken ct) =>
            TypedResults.Ok(await update.Handle(code, request, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ManageOrgUnits)).WithSummary("修改单位(需带版本号)/ update an org unit (send the version you read)");
        return api;
    }
}
