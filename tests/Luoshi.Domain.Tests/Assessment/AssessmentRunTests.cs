using Luoshi.Domain.Assessment;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Tests.Assessment;

public sealed class AssessmentRunTests
{
    private static readonly DateTimeOffset Monday = new(2026, 7, 20, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly string[] Group = ["330100", "330200"];

    private static RunRecord Record(char hash = 'a') => new("[]", """{"period":"2026-06"}""", new string(hash, 64), new DateOnly(2026, 7, 15));

    private static AssessmentRun Draft() => AssessmentRun.Draft(7, Record(), "考核办", Monday);

    private static AssessmentRun Published()
    {
        var run = Draft();
        run.Publish("考核办", Monday.AddHours(1));
        return run;
    }

    /// <summary>A published run as the store gives it back, with its id.</summary>
    private static AssessmentRun Stored(AssessmentRun run, int id)
    {
        typeof(AssessmentRun).GetProperty(nameof(AssessmentRun.Id))!.SetValue(run, id);
        return run;
    }

    [Fact]
    public void Draft_IsVersionOne_WithNoAppeals_AndTimesInUtc()
    {
        var run = Draft();

        run.State.ShouldBe(RunState.Draft);
        run.Version.ShouldBe(1);
        run.Appeals.ShouldBeEmpty();
        run.CreatedAt.Offset.ShouldBe(TimeSpan.Zero);
        run.PublishedAt.ShouldBeNull();
        run.SupersedesId.ShouldBeNull();
    }

    [Fact]
    public void Publish_FreezesTheDraft_AndStampsWhoAndWhen()
    {
        var run = Draft();

        run.Publish("考核办", Monday.AddHours(1));

        run.State.ShouldBe(RunState.Published);
        run.PublishedBy.ShouldBe("考核办");
        run.PublishedAt.ShouldBe(Monday.AddHours(1));
        run.Version.ShouldBe(2);
    }

    [Fact]
    public void Publish_APublishedRun_IsAConflictOnState_AndChangesNothing()
    {
        var run = Published();

        var e = Should.Throw<DomainConflictException>(() => run.Publish("另一人", Monday.AddHours(2)));

        e.Field.ShouldBe("state");
        e.Message.ShouldContain("已发布");
        run.PublishedBy.ShouldBe("考核办");
        run.Version.ShouldBe(2);
    }

    [Fact]
    public void Publish_ASupersededRun_IsAConflict()
    {
        var run = Stored(Published(), 1);
        run.Supersede(run.WithAppeal("330100", 2, "补计投资", Group), Record('b'), "考核办", Monday.AddDays(1));

        Should.Throw<DomainConflictException>(() => run.Publish("考核办", Monday.AddDays(2))).Field.ShouldBe("state");
    }

    [Fact]
    public void Appeal_OnADraft_IsAConflict_AndSoIsSupersedingIt()
    {
        var run = Stored(Draft(), 1);

        Should.Throw<DomainConflictException>(() => run.WithAppeal("330100", 2, "补计投资", Group)).Message.ShouldContain("只能对已发布的结果申诉");
        Should.Throw<DomainConflictException>(() => run.Supersede([new Adjustment("330100", 2, AssessmentRun.AppealPrefix + "补计投资")], Record('b'), "考核办", Monday))
            .Field.ShouldBe("state");
        run.State.ShouldBe(RunState.Draft);
    }

    [Fact]
    public void Supersede_MakesANewPublishedVersion_PointingBack_AndKeepsTheOldAsItWas()
    {
        var run = Stored(Published(), 41);
        var appeals = run.WithAppeal(" 330100 ", 2.5m, " 统计口径调整后补计投资 ", Group);

        var next = run.Supersede(appeals, Record('b'), "复核组", Monday.AddDays(3));

        next.State.ShouldBe(RunState.Published);
        next.SupersedesId.ShouldBe(41);
        next.SchemeVersionId.ShouldBe(run.SchemeVersionId);
        next.PublishedBy.ShouldBe("复核组");
        next.PublishedAt.ShouldBe(next.CreatedAt);
        next.InputsHash.ShouldBe(new string('b', 64));
        next.Appeals.ShouldBe([new Adjustment("330100", 2.5m, "申诉 / appeal: 统计口径调整后补计投资")]);
        run.State.ShouldBe(RunState.Superseded);
        run.InputsHash.ShouldBe(new string('a', 64));
        run.Appeals.ShouldBeEmpty();
        run.Version.ShouldBe(3);
    }

    [Fact]
    public void AppealsAccumulate_AlongTheChainOfVersions_AndOnlyTheLatestMayBeAppealed()
    {
        var first = Stored(Published(), 1);
        var second = Stored(first.Supersede(first.WithAppeal("330100", 2, "补计投资", Group), Record('b'), "考核办", Monday), 2);

        var third = second.Supersede(second.WithAppeal("330200", -1, "数据差错", Group), Record('c'), "考核办", Monday);

        third.Appeals.Select(a => (a.Org, a.Points)).ShouldBe([("330100", 2m), ("330200", -1m)]);
        Should.Throw<DomainConflictException>(() => first.WithAppeal("330200", 1, "再次申诉", Group)).Message.ShouldContain("取代");
    }

    [Theory]
    [InlineData(null, 2.0, "补计投资", "org")]
    [InlineData("999999", 2.0, "补计投资", "org")]
    [InlineData("330100", null, "补计投资", "points")]
    [InlineData("330100", 0.0, "补计投资", "points")]
    [InlineData("330100", 100.5, "补计投资", "points")]
    [InlineData("330100", 1.005, "补计投资", "points")]
    [InlineData("330100", 2.0, "  ", "reason")]
    [InlineData("330100", 2.0, "第一行\u0001", "reason")]
    public void Appeal_WithoutAUnitOfTheGroup_PointsOrReason_IsRefusedNamingTheField(string? org, double? points, string? reason, string field)
    {
        var run = Published();

        var e = Should.Throw<DomainException>(() => run.WithAppeal(org, (decimal?)points, reason, Group));

        e.ShouldNotBeOfType<DomainConflictException>();
        e.Field.ShouldBe(field);
        run.State.ShouldBe(RunState.Published);
    }

    [Fact]
    public void Appeal_ReasonLongerThanTheLimit_IsRefused()
    {
        Should.Throw<DomainException>(() => Published().WithAppeal("330100", 1, new string('理', AssessmentRun.AppealReasonMaxLength + 1), Group)).Field.ShouldBe("reason");
    }

    [Fact]
    public void Appeals_BeyondTheMaximum_AreAConflict()
    {
        var run = Stored(Published(), 1);
        for (int i = 0; i < AssessmentRun.MaxAppeals; i++)
        {
            run = Stored(run.Supersede(run.WithAppeal("330100", 1, $"第{i + 1}次", Group), Record('b'), "考核办", Monday), i + 2);
        }

        Should.Throw<DomainConflictException>(() => run.WithAppeal("330100", 1, "再一次", Group)).Field.ShouldBe("appeals");
    }

    [Fact]
    public void Supersede_WithAppealsThatDoNotExtendTheRecordByOne_IsAProgrammingError()
    {
        var run = Stored(Published(), 1);

        Should.Throw<ArgumentException>(() => run.Supersede([], Record('b'), "考核办", Monday));
        Should.Throw<InvalidOperationException>(() => Published().Supersede(Published().WithAppeal("330100", 1, "未保存", Group), Record('b'), "考核办", Monday));
    }

    [Fact]
    public void AsScored_AddsTheAppealsAfterTheSchemesOwnAdjustments()
    {
        var scheme = new Scheme("测试", 2026, null, Group, [new("C1", "项", 10, new("attainment"))], [new("330200", 1, "试点")], null, [new("合格")], null);
        var first = Stored(Published(), 1);
        var next = first.Supersede(first.WithAppeal("330100", 2, "补计投资", Group), Record('b'), "考核办", Monday);

        first.AsScored(scheme).ShouldBeSameAs(scheme);
        next.AsScored(scheme).Adjustments!.Select(a => a.Org).ShouldBe(["330200", "330100"]);
    }

    [Fact]
    public void IsReproducedBy_ComparesTheHash()
    {
        var run = Draft();

        run.IsReproducedBy(new string('a', 64)).ShouldBeTrue();
        run.IsReproducedBy(new string('b', 64)).ShouldBeFalse();
    }
}

public sealed class SchemeVersionTests
{
    private static readonly DateTimeOffset Monday = new(2026, 7, 20, 9, 0, 0, TimeSpan.FromHours(8));

    private static Scheme Scheme(string name = "测试考核") => new(name, 2026, null, ["330100"], [new("C1", "项", 10, new("attainment"))], null, null, [new("合格")], null);

    [Fact]
    public void First_IsVersionOne_TheSameTextIsTheSameVersion_AChangedTextTheNext()
    {
        var first = SchemeVersion.Of(Scheme(), "{v1}", null, "考核办", Monday);
        var same = SchemeVersion.Of(Scheme(), "{v1}", first, "另一人", Monday.AddDays(1));
        var second = SchemeVersion.Of(Scheme(), "{v2}", first, "另一人", Monday.AddDays(1));

        first.Version.ShouldBe(1);
        same.ShouldBeSameAs(first);
        second.Version.ShouldBe(2);
        second.CreatedBy.ShouldBe("另一人");
        first.Json.ShouldBe("{v1}");
    }

    [Fact]
    public void ANameTooLong_IsRefusedNamingTheField()
    {
        Should.Throw<DomainException>(() => SchemeVersion.Of(Scheme(new string('名', SchemeVersion.NameMaxLength + 1)), "{}", null, "考核办", Monday)).Field.ShouldBe("name");
    }

    [Fact]
    public void TheLatestOfAnotherScheme_IsAProgrammingError()
    {
        var other = SchemeVersion.Of(Scheme("另一方案"), "{}", null, "考核办", Monday);

        Should.Throw<ArgumentException>(() => SchemeVersion.Of(Scheme(), "{}", other, "考核办", Monday));
    }
}
