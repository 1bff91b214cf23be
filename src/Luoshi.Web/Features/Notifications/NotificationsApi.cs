using Luoshi.Application.Notifications;
using Luoshi.Domain.Identity;
using Luoshi.Web.Infrastructure.Security;

namespace Luoshi.Web.Features.Notifications;

public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("Notifications");

        g.MapGet("/", async (string? org, bool? unread, int? limit, ReadInbox inbox, CancellationToken ct) =>
            TypedResults.Ok(await inbox.Handle(org, unread ?? false, limit ?? 100, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll)).WithSummary("单位站内通知(新在前)/ a unit's inbox, newest first (?org=330100&unread=true)");

        g.MapPost("/{id:long}/read", async (long id, MarkNotificationRead mark, CancellationToken ct) => TypedResults.Ok(await mark.Handle(id, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll)).WithSummary("标记已读 / mark read");
        return api;
    }
}
