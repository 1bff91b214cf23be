using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;

namespace Luoshi.Domain.Tests.Identity;

public sealed class UserNotificationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("not an address")]
    [InlineData("a@b@c")]
    [InlineData("@example.org")]
    [InlineData("chen@")]
    [InlineData("Chen <chen@example.org>")]
    [InlineData("chen@example.org,wang@example.org")]
    public void SetEmail_RefusesWhatIsNotOneAddress_NamingTheField(string email)
    {
        var user = User.Create("chen", null, Now);

        Should.Throw<DomainException>(() => user.SetEmail(email)).Field.ShouldBe("email");
        user.Email.ShouldBeNull();
    }

    [Fact]
    public void Preferences_DigestByDefault_MutedKindsSortedOnce_AndBlankClearsTheAddress()
    {
        var user = User.Create("chen", null, Now);
        user.SetEmail(" chen@example.org ");
        bool digestByDefault = !user.EmailAtOnce;

        user.SetNotificationPreferences(digest: false, ["reportOverdue", "assigned", "assigned", " "]);

        digestByDefault.ShouldBeTrue();
        user.Email.ShouldBe("chen@example.org");
        user.EmailAtOnce.ShouldBeTrue();
        user.MutedKinds.ShouldBe("assigned,reportOverdue");
        user.WantsEmail("assigned").ShouldBeFalse();
        user.WantsEmail("escalated").ShouldBeTrue();
        Should.Throw<DomainException>(() => user.SetNotificationPreferences(true, ["no spaces allowed"])).Field.ShouldBe("mutedKinds");
        user.SetEmail("  ");
        user.Email.ShouldBeNull();
    }
}
