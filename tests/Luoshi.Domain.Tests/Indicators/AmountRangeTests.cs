using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Tests.Common;

namespace Luoshi.Domain.Tests.Indicators;

/// <summary>
/// A value the database cannot hold (20 digits, 6 after the point) is refused naming its field, not failed on save:
/// the reliability suite's fuzzing sent decimal.MaxValue to POST /api/readings and /api/targets and got a 500 on PostgreSQL.
/// </summary>
public class AmountRangeTests
{
    [Fact]
    public void Reading_OutOfRange_IsRefused_AndLeavesTheReadingAsItWas()
    {
        var reading = Reading.Create(1, 2, Period.OfMonth(2026, 5), Frequency.Month);

        Should.Throw<DomainException>(() => reading.Record(decimal.MaxValue, null, ReadingSource.Api, ReadingState.Draft, Stamps.By("r"))).Field.ShouldBe("value");
        Should.Throw<DomainException>(() => reading.Record(-Numbers.Limit, null, ReadingSource.Api, ReadingState.Draft, Stamps.By("r"))).Field.ShouldBe("value");
        reading.Version.ShouldBe(0);
        reading.Value.ShouldBeNull();

        reading.Record(Numbers.Limit - 0.000001m, null, ReadingSource.Api, ReadingState.Draft, Stamps.By("r"));
        reading.Value.ShouldBe(99_999_999_999_999.999999m);
        Should.Throw<DomainException>(() => reading.Revise(decimal.MinValue, Stamps.By("r"))).Field.ShouldBe("value");
    }

    [Theory]
    [InlineData("value")]
    [InlineData("upperValue")]
    [InlineData("stretch")]
    public void Target_OutOfRange_IsRefusedNamingTheField(string field)
    {
        var target = Target.Create(1, 2, Period.OfYear(2026), Horizon.Annual);
        decimal huge = decimal.MaxValue;

        var e = field switch
        {
            "value" => Should.Throw<DomainException>(() => target.Set(huge, TargetQualifier.AtLeast, null, null, Stamps.By("p"))),
            "upperValue" => Should.Throw<DomainException>(() => target.Set(1, TargetQualifier.Range, huge, null, Stamps.By("p"))),
            _ => Should.Throw<DomainException>(() => target.Set(1, TargetQualifier.AtLeast, null, huge, Stamps.By("p"))),
        };

        e.Field.ShouldBe(field);
    }
}
