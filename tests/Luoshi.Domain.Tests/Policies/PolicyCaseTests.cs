using Luoshi.Domain.Common;
using Luoshi.Domain.Policies;

namespace Luoshi.Domain.Tests.Policies;

public sealed class PolicyCaseTests
{
    private const string Enterprise = "91350100M000100Y43";
    private static readonly DateOnly Applied = new(2026, 3, 2);
    private static readonly Stamp Stamp = Stamp.Of("tester", new DateTimeOffset(2026, 3, 20, 1, 0, 0, TimeSpan.Zero), "test");

    private static PolicyCase Opened(CaseStatus status = CaseStatus.Applied, decimal? approved = null)
    {
        var c = PolicyCase.Open(1, Enterprise, Applied);
        c.Record(new CaseState("甲公司", 7, status, approved, null, null), Stamp);
        return c;
    }

    [Fact]
    public void Record_AppendsAVersionPerChange_AndNoneForTheSameState()
    {
        var c = Opened();
        c.Record(new CaseState("甲公司", 7, CaseStatus.Approved, 12.5m, null, null), Stamp).ShouldBeTrue();
        c.Record(new CaseState("甲公司", 7, CaseStatus.Approved, 12.5m, null, null), Stamp).ShouldBeFalse();
        c.Record(new CaseState("甲公司", 7, CaseStatus.Paid, 12.5m, new DateOnly(2026, 3, 9), 12.5m), Stamp).ShouldBeTrue();

        c.Version.ShouldBe(3);
        c.Versions.Select(v => v.Status).ShouldBe([CaseStatus.Applied, CaseStatus.Approved, CaseStatus.Paid]);
        c.Versions[1].ApprovedAmount.ShouldBe(12.5m);
    }

    [Fact]
    public void Record_RefusesToChangeAPaidCase()
    {
        var c = Opened(CaseStatus.Approved, 10);
        c.Record(new CaseState("甲公司", 7, CaseStatus.Paid, 10, new DateOnly(2026, 3, 9), 10), Stamp);

        var e = Should.Throw<DomainConflictException>(() => c.Record(new CaseState("甲公司", 7, CaseStatus.Paid, 10, new DateOnly(2026, 3, 9), 8), Stamp));
        e.Field.ShouldBe("status");
        c.PaidAmount.ShouldBe(10m);
        c.Version.ShouldBe(2);
    }

    [Theory]
    [InlineData(CaseStatus.Approved, null, null, null, "approvedAmount")]
    [InlineData(CaseStatus.Paid, "10", null, "10", "paidOn")]
    [InlineData(CaseStatus.Paid, "10", "2026-03-09", null, "paidAmount")]
    [InlineData(CaseStatus.Paid, "10", "2026-03-01", "10", "paidOn")]      // before the application
    [InlineData(CaseStatus.Paid, "10", "2026-03-09", "10.01", "paidAmount")] // more than approved
    [InlineData(CaseStatus.Approved, "10", "2026-03-09", null, "paidOn")]  // a payment day on an unpaid case
    [InlineData(CaseStatus.Rejected, "10", null, null, "approvedAmount")]
    [InlineData(CaseStatus.Approved, "-1", null, null, "approvedAmount")]
    public void Record_RefusesAStateThatDoesNotHangTogether(CaseStatus status, string? approved, string? paidOn, string? paid, string field)
    {
        var c = Opened();
        var state = new CaseState("甲公司", 7, status, Amount(approved), paidOn is null ? null : DateOnly.Parse(paidOn, System.Globalization.CultureInfo.InvariantCulture), Amount(paid));

        Should.Throw<DomainException>(() => c.Record(state, Stamp)).Field.ShouldBe(field);
        c.Version.ShouldBe(1);
        c.Status.ShouldBe(CaseStatus.Applied);
    }

    [Fact]
    public void Open_RefusesABadCreditCode()
    {
        Should.Throw<DomainException>(() => PolicyCase.Open(1, "91350100M000100Y44", Applied)).Field.ShouldBe("enterprise");
    }

    private static decimal? Amount(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
