using Luoshi.Application.Common;
using Luoshi.Application.Identity;
using Luoshi.Application.Organization;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests.Identity;

/// <summary>Users, their grants and passwords, sign-in without giving away who exists, and API tokens.</summary>
public sealed class IdentityTests
{
    private const string GoodPassword = "Luoshi-2026-ok";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AWeakPassword_IsRefused_NamingThePassword_AndNoUserIsCreated(Db db)
    {
        await using var host = await Seeded(db);

        foreach (var weak in new[] { "Short-1", "onlylowercaseletters", "abab-abab-abab" })
        {
            var e = await Should.ThrowAsync<DomainException>(() => Add(host, new("alice", Role.Reporter, "330100", weak)), weak);
            e.Field.ShouldBe("password", weak);
        }

        (await host.Query(d => d.Users.CountAsync())).ShouldBe(0);
        (await Add(host, new("alice", Role.Reporter, "330100", GoodPassword))).Name.ShouldBe("alice");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnUnknownRoleOrUnit_OrABadName_IsRefused_NamingTheField(Db db)
    {
        await using var host = await Seeded(db);

        (await Should.ThrowAsync<InputRefusedException>(() => Add(host, new("alice", null, "330100")))).Errors.ShouldHaveSingleItem().Field.ShouldBe("role");
        (await Should.ThrowAsync<DomainException>(() => Add(host, new("alice", (Role)99, "330100")))).Field.ShouldBe("role");
        (await Should.ThrowAsync<InputRefusedException>(() => Add(host, new("alice", Role.Reporter, "999999")))).Errors.ShouldHaveSingleItem().Field.ShouldBe("org");
        (await Should.ThrowAsync<DomainException>(() => Add(host, new("1alice", Role.Reporter, "330100")))).Field.ShouldBe("name");
        (await host.Query(d => d.Users.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AddingAGrantToAnExistingUser_KeepsOneUser_WithEachGrantOnce(Db db)
    {
        await using var host = await Seeded(db);
        await Add(host, new("Alice", Role.Reporter, "330100", GoodPassword, "张三"));
        await Add(host, new("alice", Role.Reviewer, "330200"));

        var user = await Add(host, new("alice", Role.Reporter, "330100"));

        user.Name.ShouldBe("alice", "names are kept in lower case");
        user.DisplayName.ShouldBe("张三");
        user.Grants.OrderBy(g => g.Role).ShouldBe([new GrantView(Role.Reporter, "330100"), new GrantView(Role.Reviewer, "330200")]);
        (await host.Query(d => d.Users.CountAsync())).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnAdminOfOneCity_AddsUsersInsideIt_ButNotElsewhere(Db db)
    {
        await using var host = await Seeded(db);
        await using var cityAdmin = host.SecondServer("city-admin", s => s.AddSingleton<ICurrentActor>(new FixedActor("city-admin", new ActorGrant(Role.Admin, "/330000/330100/"))));

        (await Add(cityAdmin, new("alice", Role.Reporter, "330100", GoodPassword))).Grants.ShouldHaveSingleItem().Org.ShouldBe("330100");
        await Should.ThrowAsync<ForbiddenException>(() => Add(cityAdmin, new("bob", Role.Reporter, "330200", GoodPassword)));
        await Should.ThrowAsync<ForbiddenException>(() => Add(cityAdmin, new("carol", Role.Admin, null, GoodPassword)));
        (await host.Query(d => d.Users.Select(u => u.Name).ToListAsync())).ShouldBe(["alice"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SignIn_WithAWrongPasswordOrAnUnknownName_FailsAlike(Db db)
    {
        await using var host = await Seeded(db);
        await Add(host, new("alice", Role.Reporter, "330100", GoodPassword));

        var wrongPassword = await SignIn(host, "alice", "Not-the-password-1");
        var unknownName = await SignIn(host, "nobody", "Not-the-password-1");
        var noPassword = await SignIn(host, "alice", null);

        wrongPassword.ShouldBe((SignInOutcome.WrongNameOrPassword, null));
        unknownName.ShouldBe(wrongPassword);
        noPassword.ShouldBe(wrongPassword);
        (await host.Query(d => d.Users.CountAsync())).ShouldBe(1, "a failed sign-in creates nobody");

        var ok = await SignIn(host, " ALICE ", GoodPassword);
        ok.Outcome.ShouldBe(SignInOutcome.Success);
        ok.User.ShouldNotBeNull().Name.ShouldBe("alice");
        ok.User.Grants.ShouldBe([new ActorGrant(Role.Reporter, "/330000/330100/")]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task FiveWrongPasswords_LockTheUserOut_EvenForTheRightPassword_UntilTheLockoutEnds(Db db)
    {
        await using var host = await Seeded(db);
        await Add(host, new("alice", Role.Reporter, "330100", GoodPassword));

        for (int k = 1; k < User.MaxFailedSignIns; k++)
        {
            (await SignIn(host, "alice", "Wrong-password-" + k)).Outcome.ShouldBe(SignInOutcome.WrongNameOrPassword);
        }

        (await SignIn(host, "alice", "Wrong-password-5")).Outcome.ShouldBe(SignInOutcome.LockedOut);
        (await SignIn(host, "alice", GoodPassword)).Outcome.ShouldBe(SignInOutcome.LockedOut);

        host.Clock.Now += User.LockoutDuration + TimeSpan.FromSeconds(1);
        (await SignIn(host, "alice", GoodPassword)).Outcome.ShouldBe(SignInOutcome.Success);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AToken_IsShownOnce_Authenticates_AndStopsWhenRevoked(Db db)
    {
        await using var host = await Seeded(db);
        await Add(host, new("alice", Role.Reporter, "330100", GoodPassword));
        await using var alice = host.SecondServer("alice", s => s.AddSingleton<ICurrentActor>(new FixedActor("alice", new ActorGrant(Role.Reporter, "/330000/330100/"))));

        var issued = await alice.Run<ManageTokens, IssuedToken>(m => m.Issue("alice", "导入脚本", null, default));

        issued.Token.ShouldStartWith(ApiToken.Prefix);
        var listed = (await alice.Run<ManageTokens, IReadOnlyList<TokenView>>(m => m.List("alice", default))).ShouldHaveSingleItem();
        listed.Hint.Length.ShouldBeLessThan(issued.Token.Length);
        issued.Token.ShouldStartWith(listed.Hint);
        (await host.Query(d => d.ApiTokens.Select(t => t.Hash).SingleAsync())).ShouldNotBe(issued.Token, "only a hash of the secret is stored");

        (await Authenticate(alice, issued.Token)).ShouldNotBeNull().Name.ShouldBe("alice");
        (await Authenticate(alice, issued.Token + "x")).ShouldBeNull();

        await alice.Run<ManageTokens, int>(async m => { await m.Revoke(issued.Id, default); return 0; });

        (await Authenticate(alice, issued.Token)).ShouldBeNull("a revoked token stops at once on the server that revoked it");
        (await alice.Run<ManageTokens, IReadOnlyList<TokenView>>(m => m.List("alice", default))).ShouldHaveSingleItem().RevokedAt.ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AToken_StopsAtItsExpiry_AndCannotExpireInThePast(Db db)
    {
        await using var host = await Seeded(db);
        await Add(host, new("alice", Role.Reporter, "330100", GoodPassword));

        (await Should.ThrowAsync<DomainException>(() => host.Run<ManageTokens, IssuedToken>(m => m.Issue("alice", "过期", AppHost.Now.AddDays(-1), default)))).Field.ShouldBe("expiresAt");

        var issued = await host.Run<ManageTokens, IssuedToken>(m => m.Issue("alice", "一周", AppHost.Now.AddDays(7).ToUniversalTime(), default));
        (await Authenticate(host, issued.Token)).ShouldNotBeNull();

        host.Clock.Now = AppHost.Now.AddDays(7).AddMinutes(1);
        (await Authenticate(host, issued.Token)).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnExpiryGivenInChinaTime_IsKeptAsTheSameInstant(Db db)
    {
        await using var host = await Seeded(db);
        await Add(host, new("alice", Role.Reporter, "330100", GoodPassword));
        var expiry = new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.FromHours(8));

        var issued = await host.Run<ManageTokens, IssuedToken>(m => m.Issue("alice", "八月前", expiry, default));

        issued.ExpiresAt.ShouldBe(expiry);
        (await host.Run<ManageTokens, IReadOnlyList<TokenView>>(m => m.List("alice", default))).ShouldHaveSingleItem().ExpiresAt.ShouldBe(expiry);
        (await Authenticate(host, issued.Token)).ShouldNotBeNull();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AUser_ManagesTheirOwnTokens_ButNotAnotherUsers(Db db)
    {
        await using var host = await Seeded(db);
        await Add(host, new("alice", Role.Reporter, "330100", GoodPassword));
        await Add(host, new("bob", Role.Reporter, "330200", GoodPassword));
        var bobs = await host.Run<ManageTokens, IssuedToken>(m => m.Issue("bob", "bob 的令牌", null, default));
        await using var alice = host.SecondServer("alice", s => s.AddSingleton<ICurrentActor>(new FixedActor("alice", new ActorGrant(Role.Reporter, "/330000/330100/"))));

        await Should.ThrowAsync<ForbiddenException>(() => alice.Run<ManageTokens, IssuedToken>(m => m.Issue("bob", "冒用", null, default)));
        await Should.ThrowAsync<ForbiddenException>(() => alice.Run<ManageTokens, IReadOnlyList<TokenView>>(m => m.List("bob", default)));
        await Should.ThrowAsync<ForbiddenException>(() => alice.Run<ManageTokens, int>(async m => { await m.Revoke(bobs.Id, default); return 0; }));

        (await Authenticate(host, bobs.Token)).ShouldNotBeNull().Name.ShouldBe("bob");
        (await host.Query(d => d.ApiTokens.CountAsync())).ShouldBe(1);
    }

    private static async Task<AppHost> Seeded(Db db)
    {
        var host = await AppHost.StartAsync(db);
        await host.Run<CreateOrgUnit, OrgUnitView>(c => c.Handle(new("330000", "测试省", OrgUnitKind.Province, null), default));
        await host.Run<CreateOrgUnit, OrgUnitView>(c => c.Handle(new("330100", "甲市", OrgUnitKind.City, "330000"), default));
        await host.Run<CreateOrgUnit, OrgUnitView>(c => c.Handle(new("330200", "乙市", OrgUnitKind.City, "330000"), default));
        return host;
    }

    private static Task<UserView> Add(AppHost host, AddUser.Request r) =>
        host.Run<AddUser, UserView>(a => a.Handle(r, default));

    private static Task<(SignInOutcome Outcome, SignedInUser? User)> SignIn(AppHost host, string? name, string? password) =>
        host.Run<SignIn, (SignInOutcome, SignedInUser?)>(s => s.Handle(name, password, default));

    private static Task<SignedInUser?> Authenticate(AppHost host, string token) =>
        host.Run<AuthenticateToken, SignedInUser?>(a => a.Handle(token, default));
}
