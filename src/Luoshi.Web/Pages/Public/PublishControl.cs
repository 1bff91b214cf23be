using Luoshi.Application.Common;
using Luoshi.Application.Publication;
using Luoshi.Domain.Identity;

namespace Luoshi.Web.Pages.Public;

/// <summary>
/// The switch onto the public portal on a signed-in page (an indicator, a policy, a project): its state, a link to the
/// public page, and — for whoever may publish — the form that posts to the page's <c>Publish</c> handler.
/// <see cref="Publish.Handle"/> checks the permission over the unit itself; the form is shown to holders of it anywhere.
/// </summary>
public sealed record PublishControl(PublicationKind Kind, string Code, bool IsPublic, DateTimeOffset? PublishedAt, bool CanPublish, string PostUrl, string PublicUrl)
{
    public static async Task<PublishControl> For(Publish publish, ICurrentActor actor, PublicationKind kind, string code, string pagePath, CancellationToken ct)
    {
        var state = (await publish.List(ct)).FirstOrDefault(v => v.Kind == kind && v.Code == code);
        var permission = kind == PublicationKind.Indicator ? Permission.ManageIndicators : Permission.ManagePlans;
        var publicUrl = kind switch
        {
            PublicationKind.Indicator => $"/public/indicators/{Uri.EscapeDataString(code)}",
            PublicationKind.Policy => $"/public/policies/{Uri.EscapeDataString(code)}",
            _ => $"/public/projects?text={Uri.EscapeDataString(code)}",
        };
        return new PublishControl(kind, code, state is not null, state?.PublishedAt, actor.Can(permission, (string?)null), pagePath + "?handler=publish", publicUrl);
    }
}
