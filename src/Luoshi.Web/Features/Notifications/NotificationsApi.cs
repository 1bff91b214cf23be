using Luoshi.Application.Notifications;
using Luoshi.Domain.Identity;
using Luoshi.Web.Infrastructure.Security;

namespace Luoshi.Web.Features.Notifications;

public static class NotificationsApi
{
    public sealed record TestRequest(string? To);

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("Notifications");

        g.MapGet("/", async (string? org, bool? unread, int? limit, ReadInbox inbox, CancellationToken ct) =>
            TypedResults.Ok(await inbox.Handle(org, unread ?? false, limit ?? 100, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll)).WithSummary("单位站内通知(新在前)/ a unit's inbox, newest first (?org=330100&unread=true)");

        g.MapGet("/mine", async (int? limit, MyNotifications mine, CancellationToken ct) => TypedResults.Ok(await mine.Handle(limit ?? 100, ct)))
            .RequireAuthorization(SecurityServices.SignedIn).WithSummary("我的通知及发送记录(新在前)/ what was sent to me and when, newest first");

        g.MapPut("/preferences", async (NotificationPreferences.Request request, NotificationPreferences preferences, CancellationToken ct) =>
        {
            await preferences.Handle(request, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(SecurityServices.SignedIn).WithSummary("我的邮箱与接收方式 / my email address, digest or at once, muted kinds");

        g.MapGet("/failures", async (int? limit, DeliveryFailures failures, CancellationToken ct) => TypedResults.Ok(await failures.Handle(limit ?? 100, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ManageUsers)).WithSummary("发送失败(管理员)/ delivery failures (admins)");

        g.MapPost("/test", async (TestRequest request, SendTestEmail test, CancellationToken ct) =>
        {
            await test.Handle(request.To, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(SecurityServices.Policy(Permission.ManageUsers)).WithSummary("发测试邮件 / send a test email");

        g.MapPost("/{id:long}/read", async (long id, MarkNotificationRead mark, CancellationToken ct) => TypedResults.Ok(await mark.Handle(id, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAll)).WithSummary("标记已读 / mark read");
        return api;
    }
}
