using Luoshi.Domain.Common;
using Luoshi.Domain.Reporting;

namespace Luoshi.Domain.Tests.Reporting;

public sealed class ReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 18, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Due = new(2026, 7, 20);

    private static Report Open() => Report.Open(1, Period.OfMonth(2026, 6), Due);

    public static TheoryData<string, string, bool> Moves => new()
    {
        { "", "submit", true }, { "", "approve", false }, { "", "return", false },
        { "submit", "submit", false }, { "submit", "approve", true }, { "submit", "return", true },
        { "submit,approve", "submit", false }, { "submit,approve", "approve", false }, { "submit,approve", "return", false },
        { "submit,return", "submit", true }, { "submit,return", "approve", false }, { "submit,return", "return", false },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void EveryStateAndAction_IsAllowedOrRefusedAsTheFlowSays(string before, string action, bool allowed)
    {
        var report = Open();
        foreach (var step in before.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            Act(report, step);
        }

        var state = report.State;
        if (allowed)
        {
            Should.NotThrow(() => Act(report, action));
            report.Transitions[^1].From.ShouldBe(state);
        }
        else
        {
            Should.Throw<DomainConflictException>(() => Act(report, action)).Field.ShouldBe("state");
            report.State.ShouldBe(state);
        }
    }

    [Fact]
    public void Return_WithoutAReason_IsRefused()
    {
        var report = Open();
        report.Submit(Stamp.Of("rep", Now), Due, false);

        Should.Throw<DomainException>(() => report.Return(Stamp.Of("rev", Now), false)).Field.ShouldBe("comment");
    }

    [Fact]
    public void Resubmission_KeepsTheFirstSubmissionDate_ForTimeliness()
    {
        var report = Open();
        report.Submit(Stamp.Of("rep", Now), new DateOnly(2026, 7, 18), false);
        report.Return(Stamp.Of("rev", Now, "补充说明"), false);
        report.Submit(Stamp.Of("rep", Now), new DateOnly(2026, 7, 25), false);

        report.FirstSubmittedOn.ShouldBe(new DateOnly(2026, 7, 18));
        TimelinessRules.Judge(Due, report.FirstSubmittedOn, new DateOnly(2026, 8, 1)).ShouldBe(Timeliness.OnTime);
    }

    [Theory]
    [InlineData("2026-07-20", "2026-08-01", Timeliness.OnTime)]
    [InlineData("2026-07-21", "2026-08-01", Timeliness.Late)]
    [InlineData(null, "2026-07-20", Timeliness.NotDue)]
    [InlineData(null, "2026-07-21", Timeliness.Missing)]
    public void Timeliness_JudgesAgainstTheDueDate(string? submitted, string asOf, Timeliness expected) =>
        TimelinessRules.Judge(Due, submitted is null ? null : DateOnly.Parse(submitted, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);

    private static void Act(Report report, string action)
    {
        switch (action)
        {
            case "submit":
                report.Submit(Stamp.Of("rep", Now), Due, false);
                break;
            case "approve":
                report.Approve(Stamp.Of("rev", Now), false);
                break;
            default:
                report.Return(Stamp.Of("rev", Now, "理由"), false);
                break;
        }
    }
}

public sealed class ValidationRuleTests
{
    private static Func<string, double?> Values(params (string Code, double Value)[] values) =>
        code => values.Where(v => v.Code == code).Select(v => (double?)v.Value).FirstOrDefault();

    [Fact]
    public void Comparison_Violated_ExplainsWithBothSides()
    {
        var rule = ValidationRule.Comparison("R1", "PRIVATE_INV <= FAI", RuleSeverity.Error, "民间投资不能超过固定资产投资");

        var message = rule.Check(Values(("PRIVATE_INV", 150), ("FAI", 100)), Values());

        message.ShouldNotBeNull();
        message!.Value.Bilingual.ShouldContain("150");
        message!.Value.Bilingual.ShouldContain("100");
        rule.Check(Values(("PRIVATE_INV", 90), ("FAI", 100)), Values()).ShouldBeNull();
        rule.Inputs.ShouldBe(["PRIVATE_INV", "FAI"]);
    }

    [Fact]
    public void Comparison_WithAMissingInput_CannotBeJudged() =>
        ValidationRule.Comparison("R1", "A + B > C", RuleSeverity.Error, "m").Check(Values(("A", 1)), Values()).ShouldBeNull();

    [Theory]
    [InlineData("A B")]
    [InlineData("A <")]
    [InlineData("")]
    [InlineData("<= A")]
    public void Comparison_Malformed_IsRefused(string expression) =>
        Should.Throw<DomainException>(() => ValidationRule.Comparison("R1", expression, RuleSeverity.Error, "m")).Field.ShouldBe("expression");

    [Fact]
    public void Range_And_Change_Rules()
    {
        var range = ValidationRule.InRange("R2", "U", 0, 15, RuleSeverity.Error, "范围");
        var change = ValidationRule.ChangeAtMost("R3", "P", 40, RuleSeverity.Warning, "变动");

        range.Check(Values(("U", 16)), Values()).ShouldNotBeNull();
        range.Check(Values(("U", 5)), Values()).ShouldBeNull();
        change.Check(Values(("P", 50)), Values(("P", 30))).ShouldNotBeNull();
        change.Check(Values(("P", 35)), Values(("P", 30))).ShouldBeNull();
        change.Check(Values(("P", 35)), Values(("P", 0))).ShouldBeNull();
        Should.Throw<DomainException>(() => ValidationRule.InRange("R4", "U", 5, 1, RuleSeverity.Error, "m"));
        Should.Throw<DomainException>(() => ValidationRule.ChangeAtMost("R5", "U", 0, RuleSeverity.Error, "m"));
    }

    [Fact]
    public void Revision_CannotBeDecidedByItsRequester_OrTwice()
    {
        var now = DateTimeOffset.UnixEpoch;
        var request = RevisionRequest.Open(1, 10, 12, Stamp.Of("alice", now, "漏报"));

        Should.Throw<DomainConflictException>(() => request.Decide(true, Stamp.Of("alice", now)));
        request.Decide(true, Stamp.Of("bob", now));
        Should.Throw<DomainConflictException>(() => request.Decide(false, Stamp.Of("carol", now)));
        Should.Throw<DomainException>(() => RevisionRequest.Open(1, 10, 12, Stamp.Of("alice", now)));
    }
}
