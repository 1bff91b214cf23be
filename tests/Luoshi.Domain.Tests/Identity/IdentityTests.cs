using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;

namespace Luoshi.Domain.Tests.Identity;

public sealed class UserTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("Alice", "alice")]
    [InlineData(" reporter.hz ", "reporter.hz")]
    public void Create_NormalisesTheName(string name, string expected) => User.Create(name, null, Now).Name.ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("1abc")]
    [InlineData("张三")]
    [InlineData("a b")]
    [InlineData("robert'); drop table users;--")]
    public void Create_RefusesBadNames(string name) => Should.Throw<DomainException>(() => User.Create(name, null, Now)).Field.ShouldBe("name");

    [Theory]
    [InlineData("short1A")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("abababababab1")]
    [InlineData(null)]
    public void CheckPasswordStrength_RefusesWeakPasswords(string? password) =>
        Should.Throw<DomainException>(() => User.CheckPasswordStrength(password)).Field.ShouldBe("password");

    [Fact]
    public void CheckPasswordStrength_AcceptsAMixedPassword() => Should.NotThrow(() => User.CheckPasswordStrength("Luoshi-demo-2026"));

    [Fact]
    public void FailedSignIns_LockAfterTheFifth_ForFifteenMinutes()
    {
        var user = User.Create("bob", null, Now);

        for (int i = 0; i < User.MaxFailedSignIns - 1; i++)
        {
            user.RecordFailedSignIn(Now);
            user.IsLockedOut(Now).ShouldBeFalse();
        }

        user.RecordFailedSignIn(Now);

        user.IsLockedOut(Now).ShouldBeTrue();
        user.IsLockedOut(Now.AddMinutes(14)).ShouldBeTrue();
        user.IsLockedOut(Now.AddMinutes(15)).ShouldBeFalse();
    }

    [Fact]
    public void SuccessfulSignIn_ResetsTheCount()
    {
        var user = User.Create("bob", null, Now);
        user.RecordFailedSignIn(Now);
        user.RecordFailedSignIn(Now);

        user.RecordSignIn(Now);

        user.FailedSignIns.ShouldBe(0);
        user.LastSignInAt.ShouldBe(Now);
    }

    [Fact]
    public void Grant_SameRoleAndScopeTwice_IsOneGrant()
    {
        var user = User.Create("carol", null, Now);

        user.Grant(Role.Reporter, 5);
        user.Grant(Role.Reporter, 5);
        user.Grant(Role.Reviewer, 5);

        user.Grants.Count.ShouldBe(2);
    }

    [Fact]
    public void Permissions_FollowTheTable()
    {
        Role.Admin.Grants(Permission.ManageUsers).ShouldBeTrue();
        Role.Reporter.Grants(Permission.WriteReadings).ShouldBeTrue();
        Role.Reporter.Grants(Permission.ManageTargets).ShouldBeFalse();
        Role.Leader.Grants(Permission.ReadAll).ShouldBeTrue();
        Role.Leader.Grants(Permission.WriteReadings).ShouldBeFalse();
        Role.Public.Grants(Permission.ReadAll).ShouldBeFalse();
        Permissions.Holding(Permission.ManageOrgUnits).ShouldBe([Role.Admin]);
    }
}

public sealed class ApiTokenTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Issue_StoresOnlyTheHash_AndAShortHint()
    {
        var (token, secret) = ApiToken.Issue(1, "script", Now, null);

        secret.ShouldStartWith(ApiToken.Prefix);
        secret.Length.ShouldBeGreaterThan(40);
        token.Hash.ShouldBe(ApiToken.HashOf(secret));
        token.Hash.ShouldNotContain(secret);
        secret.ShouldStartWith(token.Hint);
        token.Hint.Length.ShouldBeLessThan(12);
    }

    [Fact]
    public void Issue_TwiceGivesDifferentSecrets() => ApiToken.Issue(1, "a", Now, null).Secret.ShouldNotBe(ApiToken.Issue(1, "a", Now, null).Secret);

    [Fact]
    public void Validity_EndsWithRevocationOrExpiry()
    {
        var (expiring, _) = ApiToken.Issue(1, "a", Now, Now.AddDays(1));
        var (revoked, _) = ApiToken.Issue(1, "b", Now, null);
        revoked.Revoke(Now);

        expiring.IsValid(Now).ShouldBeTrue();
        expiring.IsValid(Now.AddDays(1)).ShouldBeFalse();
        revoked.IsValid(Now).ShouldBeFalse();
        Should.Throw<DomainException>(() => ApiToken.Issue(1, "c", Now, Now.AddMinutes(-1))).Field.ShouldBe("expiresAt");
    }
}

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 9, 0, 0, TimeSpan.Zero);

    private static List<AuditEntry> Chain(int n)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (int i = 0; i < n; i++)
        {
            var e = AuditEntry.Create(Now.AddSeconds(i), "alice", "update", "Reading", "k" + i, "{\"Value\":1}", "{\"Value\":2}", "req", "127.0.0.1");
            typeof(AuditEntry).GetProperty(nameof(AuditEntry.Id))!.SetValue(e, (long)(i + 1));
            e.Chain(previous);
            previous = e.Hash;
            entries.Add(e);
        }

        return entries;
    }

    [Fact]
    public void Verify_AnUntouchedChain_IsIntact() => AuditChain.Verify(Chain(10)).ShouldBeNull();

    [Fact]
    public void Verify_AChangedField_IsFoundAtThatEntry()
    {
        var chain = Chain(10);
        typeof(AuditEntry).GetProperty(nameof(AuditEntry.After))!.SetValue(chain[4], "{\"Value\":999}");

        AuditChain.Verify(chain).ShouldBe(5);
    }

    [Fact]
    public void Verify_ARemovedEntry_IsFoundAtTheNextOne()
    {
        var chain = Chain(10);
        chain.RemoveAt(3);

        AuditChain.Verify(chain).ShouldBe(5);
    }

    [Fact]
    public void Verify_ARehashedForgery_StillBreaksTheLinkAfterIt()
    {
        var chain = Chain(10);
        typeof(AuditEntry).GetProperty(nameof(AuditEntry.Actor))!.SetValue(chain[2], "mallory");
        chain[2].Chain(chain[1].Hash);

        AuditChain.Verify(chain).ShouldBe(4);
    }

    [Fact]
    public void Create_KeepsWholeMicrosecondsInUtc()
    {
        var e = AuditEntry.Create(new DateTimeOffset(2026, 1, 1, 8, 0, 0, TimeSpan.FromHours(8)).AddTicks(1234567), "a", "x", "E", "k", null, null, null, null);

        e.At.Offset.ShouldBe(TimeSpan.Zero);
        (e.At.UtcTicks % 10).ShouldBe(0);
    }
}
