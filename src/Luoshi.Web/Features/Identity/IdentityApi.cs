using Luoshi.Application.Common;
using Luoshi.Application.Identity;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Luoshi.Web.Features.Identity;

public static class IdentityApi
{
    public sealed record SignInRequest(string? Name, string? Password);

    public sealed record TokenRequest(string? Name, DateTimeOffset? ExpiresAt);

    /// <summary>Who is signed in and what they may do where.</summary>
    public sealed record Me(string Name, IReadOnlyList<ActorGrant> Grants);

    public static RouteGroupBuilder MapIdentityApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Identity");

        auth.MapPost("/sign-in", async Task<Results<Ok<UserView>, ProblemHttpResult>> (SignInRequest request, SignIn signIn, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        {
            var (outcome, user) = await signIn.Handle(request.Name, request.Password, ct);
            if (outcome == SignInOutcome.LockedOut)
            {
                return TypedResults.Problem(title: new Text("账户已锁定", "account locked").ToString(), detail: new Text($"连续{User.MaxFailedSignIns}次密码错误,请{User.LockoutDuration.TotalMinutes:0}分钟后再试", $"too many wrong passwords; try again in {User.LockoutDuration.TotalMinutes:0} minutes").ToString(), statusCode: StatusCodes.Status423Locked);
            }

            if (user is null)
            {
                return TypedResults.Problem(title: new Text("登录失败", "sign-in failed").ToString(), detail: new Text("用户名或密码错误", "wrong name or password").ToString(), statusCode: StatusCodes.Status401Unauthorized);
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, LuoshiClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
            return TypedResults.Ok(new UserView(user.Name, user.DisplayName, [.. user.Grants.Select(g => new GrantView(g.Role, g.ScopePath?.TrimEnd('/').Split('/').Last()))], false, false, clock.GetUtcNow()));
        }).AllowAnonymous().RequireRateLimiting(SecurityServices.SignInLimit).WithSummary("登录(Cookie)/ sign in (cookie)");

        auth.MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.NoContent();
        }).RequireAuthorization(SecurityServices.SignedIn).WithSummary("退出 / sign out");

        auth.MapGet("/me", (ICurrentActor actor) => TypedResults.Ok(new Me(actor.Name, actor.Grants)))
            .RequireAuthorization(SecurityServices.SignedIn).WithSummary("当前用户 / who am I");

        var tokens = api.MapGroup("/tokens").WithTags("Identity");
        tokens.MapGet("/", async (ICurrentActor actor, ManageTokens manage, CancellationToken ct) => TypedResults.Ok(await manage.List(actor.Name, ct)))
            .RequireAuthorization(SecurityServices.SignedIn).WithSummary("我的令牌 / my API tokens");
        tokens.MapPost("/", async (TokenRequest request, ICurrentActor actor, ManageTokens manage, CancellationToken ct) =>
            TypedResults.Ok(await manage.Issue(actor.Name, request.Name, request.ExpiresAt, ct)))
            .RequireAuthorization(SecurityServices.SignedIn).WithSummary("新建令牌(只显示一次)/ create an API token (shown once)");
        tokens.MapDelete("/{id:int}", async (int id, ManageTokens manage, CancellationToken ct) =>
        {
            await manage.Revoke(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(SecurityServices.SignedIn).WithSummary("撤销令牌 / revoke a token");

        var users = api.MapGroup("/users").WithTags("Identity");
        users.MapGet("/", async (ListUsers list, CancellationToken ct) => TypedResults.Ok(await list.Handle(ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ManageUsers)).WithSummary("用户列表 / users");
        users.MapPost("/", async (AddUser.Request request, AddUser add, CancellationToken ct) => TypedResults.Ok(await add.Handle(request, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ManageUsers)).WithSummary("新建用户或授权 / add a user or a grant");

        var audit = api.MapGroup("/audit").WithTags("Identity");
        audit.MapGet("/", async (string? user, string? entity, string? key, string? from, string? to, long? before, int? limit, ReadAudit read, CancellationToken ct) =>
            TypedResults.Ok(await read.List(new AuditFilter(user, entity, key, Parsing.OptionalDate(from, "from"), Parsing.OptionalDate(to, "to"), before), limit ?? 500, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAudit))
            .WithSummary("审计日志(新在前)/ audit log, newest first (?user=&entity=&key=&from=&to= days, both included; ?before=ID for the page after the entry ID)");
        audit.MapGet("/verify", async (ReadAudit read, CancellationToken ct) => TypedResults.Ok(await read.Verify(ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ReadAudit)).WithSummary("校验审计链 / verify the audit hash chain");
        return api;
    }
}
