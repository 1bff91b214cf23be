using Luoshi.Application.Publication;
using Luoshi.Domain.Identity;
using Luoshi.Web.Infrastructure.Security;

namespace Luoshi.Web.Features.Public;

/// <summary>What is on the public portal, and the switch: <c>/api/publication</c>.</summary>
public static class PublicationApi
{
    /// <summary>The body of a switch: on (true) or off (false).</summary>
    public sealed record SwitchRequest(bool? Public);

    public static RouteGroupBuilder MapPublicationApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/publication").WithTags("Publication");

        g.MapGet("/", async (Publish publish, CancellationToken ct) => TypedResults.Ok(await publish.List(ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll))
            .WithSummary("已公开到门户的指标、政策和项目 / what is on the public portal: indicators, policies, projects");

        g.MapPut("/{kind}/{code}", async (string kind, string code, SwitchRequest request, Publish publish, CancellationToken ct) =>
                TypedResults.Ok(await publish.Handle(Publish.ParseKind(kind), code, request.Public ?? throw Luoshi.Application.Common.InputRefusedException.Single("public", new Luoshi.Domain.Common.Text("须指定 public: true 或 false", "public (true or false) is required")), ct)))
            .RequireAuthorization(SecurityServices.SignedIn)
            .WithSummary("公开或取消公开(kind: indicator|policy|project;指标须指标管理权限,政策、项目须其单位的规划权限;留痕)/ switch onto or off the portal (kind indicator|policy|project; audited)");
        return g;
    }
}
