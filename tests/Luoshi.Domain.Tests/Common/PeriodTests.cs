using FsCheck;
using FsCheck.Fluent;
using Luoshi.Domain.Common;

namespace Luoshi.Domain.Tests.Common;

public class PeriodTests
{
    private static readonly Gen<Period> AnyPeriod =
        from kind in Gen.Elements(Frequency.Month, Frequency.Quarter, Frequency.Half, Frequency.Year)
        from year in Gen.Choose(Period.MinYear, Period.MaxYear)
        from index in Gen.Choose(1, kind.PeriodsPerYear())
        select Period.Create(kind, year, index);

    [Theory]
    [InlineData("2026", Frequency.Year, 2026, 1)]
    [InlineData("2026H1", Frequency.Half, 2026, 1)]
    [InlineData("2026Q2", Frequency.Quarter, 2026, 2)]
    [InlineData("2026-05", Frequency.Month, 2026, 5)]
    public void Parse_EachKindOfCode_ReturnsKindYearAndIndex(string code, Frequency kind, int year, int index)
    {
        var period = Period.Parse(code);

        period.Kind.ShouldBe(kind);
        period.Year.ShouldBe(year);
        period.Index.ShouldBe(index);
        period.ToString().ShouldBe(code);
    }

    [Fact]
    public void Parse_QuarterCode_ReturnsQuarter() =>
        Period.Parse("2026Q2").ShouldBe(Period.OfQuarter(2026, 2));

    [Fact]
    public void Parse_LowerCaseLetter_IsAcceptedAndFormattedUpperCase()
    {
        Period.Parse("2026h2").ShouldBe(Period.OfHalf(2026, 2));
        Period.Parse("2026q4").ToString().ShouldBe("2026Q4");
    }

    [Fact]
    public void Parse_SurroundingWhitespace_IsTrimmed() =>
        Period.Parse(" \t2026-05\r\n ").ShouldBe(Period.OfMonth(2026, 5));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2026Q5")]
    [InlineData("2026Q0")]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("20261")]
    [InlineData("abcd")]
    [InlineData("2026H3")]
    [InlineData("2026H0")]
    [InlineData("１２３４")]
    [InlineData("２０２６-05")]
    [InlineData("2026Ｑ1")]
    [InlineData("2026-5")]
    [InlineData("2026-005")]
    [InlineData("2026 Q2")]
    [InlineData("2026/05")]
    [InlineData("2026M05")]
    [InlineData("2026Q")]
    [InlineData("2026-")]
    [InlineData("+2026")]
    [InlineData("-2026")]
    [InlineData("0000")]
    [InlineData("1948")]
    [InlineData("2101")]
    [InlineData("2026\0")]
    [InlineData("2026Q1; DROP TABLE readings")]
    public void Parse_MalformedCode_ThrowsDomainExceptionOnPeriod(string code)
    {
        var ex = Should.Throw<DomainException>(() => Period.Parse(code));

        ex.Field.ShouldBe("period");
        Period.TryParse(code, out _).ShouldBeFalse();
    }

    [Fact]
    public void Parse_Null_ThrowsDomainException()
    {
        Should.Throw<DomainException>(() => Period.Parse(null)).Field.ShouldBe("period");
        Period.TryParse(null, out _).ShouldBeFalse();
    }

    [Fact]
    public void Parse_VeryLongString_ThrowsWithShortMessage()
    {
        var hostile = new string('9', 100_000);

        var ex = Should.Throw<DomainException>(() => Period.Parse(hostile));

        ex.Message.Length.ShouldBeLessThan(300);
    }

    [Fact]
    public void TryParse_Malformed_ReturnsErrorQuotingInput()
    {
        Period.TryParse("2026Q9", out var period, out var error).ShouldBeFalse();

        period.ShouldBe(default);
        error.Bilingual.ShouldContain("2026Q9");
    }

    [Theory]
    [InlineData(1948)]
    [InlineData(2101)]
    public void Create_YearOutOfRange_Throws(int year) =>
        Should.Throw<DomainException>(() => Period.OfYear(year)).Field.ShouldBe("period");

    [Theory]
    [InlineData(Frequency.Quarter, 5)]
    [InlineData(Frequency.Month, 0)]
    [InlineData(Frequency.Month, 13)]
    [InlineData(Frequency.Half, 3)]
    [InlineData(Frequency.Year, 2)]
    public void Create_IndexOutOfRange_Throws(Frequency kind, int index) =>
        Should.Throw<DomainException>(() => Period.Create(kind, 2026, index)).Field.ShouldBe("period");

    [Theory]
    [InlineData("2026", "2026-01-01", "2026-12-31")]
    [InlineData("2026H1", "2026-01-01", "2026-06-30")]
    [InlineData("2026H2", "2026-07-01", "2026-12-31")]
    [InlineData("2026Q3", "2026-07-01", "2026-09-30")]
    [InlineData("2026-02", "2026-02-01", "2026-02-28")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2024Q1", "2024-01-01", "2024-03-31")]
    [InlineData("2026-04", "2026-04-01", "2026-04-30")]
    public void StartAndEnd_AreFirstAndLastDayCovered(string code, string start, string end)
    {
        var period = Period.Parse(code);

        period.Start.ShouldBe(DateOnly.ParseExact(start, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        period.End.ShouldBe(DateOnly.ParseExact(end, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026", 1, 12)]
    [InlineData("2026H1", 1, 6)]
    [InlineData("2026H2", 7, 12)]
    [InlineData("2026Q2", 4, 6)]
    [InlineData("2026Q4", 10, 12)]
    [InlineData("2026-05", 5, 5)]
    public void StartMonthAndEndMonth_SpanThePeriod(string code, int startMonth, int endMonth)
    {
        var period = Period.Parse(code);

        period.StartMonth.ShouldBe(startMonth);
        period.EndMonth.ShouldBe(endMonth);
    }

    [Fact]
    public void EndMonthPeriod_OfQuarter_IsItsLastMonth() =>
        Period.Parse("2026Q3").EndMonthPeriod.ShouldBe(Period.OfMonth(2026, 9));

    [Theory]
    [InlineData("2026", "2026Q2", true)]
    [InlineData("2026", "2026-12", true)]
    [InlineData("2026H1", "2026-06", true)]
    [InlineData("2026H1", "2026Q2", true)]
    [InlineData("2026H1", "2026-07", false)]
    [InlineData("2026Q2", "2026H1", false)]
    [InlineData("2026Q2", "2026Q2", true)]
    [InlineData("2026", "2027-01", false)]
    [InlineData("2026-05", "2026", false)]
    [InlineData("2026", "2025", false)]
    public void Contains_ChecksTheOtherLiesWithin(string outer, string inner, bool expected) =>
        Period.Parse(outer).Contains(Period.Parse(inner)).ShouldBe(expected);

    [Fact]
    public void Sort_MixedKinds_ReadsAsCalendar()
    {
        string[] calendar =
        [
            "2025", "2026-01", "2026Q1", "2026-06", "2026Q2", "2026H1", "2026-07",
            "2026-12", "2026Q4", "2026H2", "2026", "2027-01",
        ];
        var shuffled = calendar.Reverse().Select(Period.Parse).ToList();

        shuffled.Sort();

        shuffled.Select(p => p.ToString()).ShouldBe(calendar);
    }

    [Fact]
    public void Ordering_MonthBeforeQuarterEndingWithIt_QuarterBeforeHalf()
    {
        var june = Period.Parse("2026-06");
        var q2 = Period.Parse("2026Q2");
        var h1 = Period.Parse("2026H1");
        var sameQ2 = Period.Parse("2026Q2");

        (june < q2).ShouldBeTrue();
        (q2 < h1).ShouldBeTrue();
        (h1 > june).ShouldBeTrue();
        (q2 <= sameQ2).ShouldBeTrue();
        (q2 >= sameQ2).ShouldBeTrue();
        (Period.Parse("2026-07") > h1).ShouldBeTrue();
    }

    [Theory]
    [InlineData("2026Q2", "2025Q2")]
    [InlineData("2024-02", "2023-02")]
    [InlineData("2026H2", "2025H2")]
    [InlineData("2026", "2025")]
    public void SamePeriodLastYear_KeepsKindAndIndex(string code, string expected) =>
        Period.Parse(code).SamePeriodLastYear.ShouldBe(Period.Parse(expected));

    [Theory]
    [InlineData("2026-05", "2026-04")]
    [InlineData("2026-01", "2025-12")]
    [InlineData("2026Q1", "2025Q4")]
    [InlineData("2026H1", "2025H2")]
    [InlineData("2026", "2025")]
    public void Previous_CrossesYearBoundary(string code, string expected) =>
        Period.Parse(code).Previous.ShouldBe(Period.Parse(expected));

    [Theory]
    [InlineData("2026-05", "2026-06")]
    [InlineData("2026-12", "2027-01")]
    [InlineData("2026Q4", "2027Q1")]
    [InlineData("2026H2", "2027H1")]
    [InlineData("2026", "2027")]
    public void Next_CrossesYearBoundary(string code, string expected) =>
        Period.Parse(code).Next.ShouldBe(Period.Parse(expected));

    [Fact]
    public void PreviousAndNext_BeyondSupportedYears_ThrowDomainException()
    {
        Should.Throw<DomainException>(() => Period.Parse("1949-01").Previous);
        Should.Throw<DomainException>(() => Period.Parse("2100Q4").Next);
    }

    [Theory]
    [InlineData("2026-12", "2027-01-20")]
    [InlineData("2026-05", "2026-06-20")]
    [InlineData("2024-01", "2024-02-20")]
    [InlineData("2026Q1", "2026-04-20")]
    [InlineData("2026H1", "2026-07-20")]
    [InlineData("2026", "2027-01-20")]
    public void DueDate_ByDefault_Is20thOfFollowingMonth(string code, string due) =>
        Period.Parse(code).DueDate().ShouldBe(DateOnly.ParseExact(due, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void DueDate_WithDay_UsesThatDayOfFollowingMonth()
    {
        Period.Parse("2026-05").DueDate(15).ShouldBe(new DateOnly(2026, 6, 15));
        Period.Parse("2026-01").DueDate(1).ShouldBe(new DateOnly(2026, 2, 1));
    }

    [Fact]
    public void Split_YearIntoQuarters_ReturnsFourInOrder() =>
        Period.Parse("2026").Split(Frequency.Quarter).Select(p => p.ToString())
            .ShouldBe(["2026Q1", "2026Q2", "2026Q3", "2026Q4"]);

    [Fact]
    public void Split_HalfIntoMonths_ReturnsSixMonths() =>
        Period.Parse("2026H2").Split(Frequency.Month).Select(p => p.ToString())
            .ShouldBe(["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]);

    [Fact]
    public void Split_IntoSameKind_ReturnsItself() =>
        Period.Parse("2026Q2").Split(Frequency.Quarter).ShouldBe([Period.Parse("2026Q2")]);

    [Fact]
    public void Split_IntoLongerKind_ReturnsNothing() =>
        Period.Parse("2026Q2").Split(Frequency.Half).ShouldBeEmpty();

    [Theory]
    [InlineData(Frequency.Quarter, "2026-05-31", "2026Q2")]
    [InlineData(Frequency.Half, "2026-07-01", "2026H2")]
    [InlineData(Frequency.Half, "2026-06-30", "2026H1")]
    [InlineData(Frequency.Month, "2024-02-29", "2024-02")]
    [InlineData(Frequency.Year, "2026-12-31", "2026")]
    public void Containing_Date_ReturnsPeriodOfKind(Frequency kind, string date, string expected) =>
        Period.Containing(kind, DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(Period.Parse(expected));

    [Fact]
    public void Containing_DateOutsideSupportedYears_Throws() =>
        Should.Throw<DomainException>(() => Period.Containing(Frequency.Month, new DateOnly(1900, 1, 1)));

    [Theory]
    [InlineData(Frequency.Month, 1, 12)]
    [InlineData(Frequency.Quarter, 3, 4)]
    [InlineData(Frequency.Half, 6, 2)]
    [InlineData(Frequency.Year, 12, 1)]
    public void Frequency_MonthsAndPeriodsPerYear(Frequency kind, int months, int perYear)
    {
        kind.Months().ShouldBe(months);
        kind.PeriodsPerYear().ShouldBe(perYear);
    }

    [Fact]
    public void Frequency_Undefined_ThrowsArgumentOutOfRange() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ((Frequency)0).Months());

    [Fact]
    public void Property_ParseOfToString_RoundTrips() =>
        Prop.ForAll(AnyPeriod.ToArbitrary(), p => Period.Parse(p.ToString()) == p)
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Property_Ordering_IsConsistentWithEndDatesAndEquality() =>
        Prop.ForAll(AnyPeriod.ToArbitrary(), AnyPeriod.ToArbitrary(), (a, b) =>
        {
            int c = a.CompareTo(b);
            bool byEnd = a.End == b.End || (a.End < b.End) == (c < 0);
            bool antisymmetric = Math.Sign(c) == -Math.Sign(b.CompareTo(a));
            bool zeroOnlyWhenEqual = (c == 0) == (a == b);
            bool containedSortsFirst = !a.Contains(b) || b <= a;
            return byEnd && antisymmetric && zeroOnlyWhenEqual && containedSortsFirst;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Property_NextThenPrevious_ReturnsSamePeriod() =>
        Prop.ForAll(AnyPeriod.ToArbitrary(), p =>
            p.Year == Period.MaxYear || (p.Next.Previous == p && p.Next > p && p.Next.Start == p.End.AddDays(1)))
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Property_SplitIntoMonths_CoversThePeriodExactly() =>
        Prop.ForAll(AnyPeriod.ToArbitrary(), p =>
        {
            var months = p.Split(Frequency.Month).ToList();
            return months.Count == p.Kind.Months()
                && months[0].Start == p.Start
                && months[^1].End == p.End
                && months.All(p.Contains);
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData("2026-06-30", "2026-06")]
    [InlineData("2026-06-29", "2026-05")]
    [InlineData("2026-07-01", "2026-06")]
    [InlineData("2026-01-15", "2025-12")]
    [InlineData("2026-12-31", "2026-12")]
    [InlineData("2028-02-29", "2028-02")]
    [InlineData("2028-02-28", "2028-01")]
    public void LastCompleteMonth_CountsAMonthOnItsLastDay(string asOf, string expected) =>
        Period.LastCompleteMonth(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)).ToString().ShouldBe(expected);

    [Theory]
    [InlineData(Frequency.Quarter, "2026-06-30", "2026Q2")]
    [InlineData(Frequency.Quarter, "2026-06-29", "2026Q1")]
    [InlineData(Frequency.Half, "2026-06-30", "2026H1")]
    [InlineData(Frequency.Year, "2026-12-30", "2025")]
    public void LastComplete_OfOtherFrequencies_FollowsTheSameRule(Frequency kind, string asOf, string expected) =>
        Period.LastComplete(kind, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)).ToString().ShouldBe(expected);

    [Theory]
    [InlineData(2026, "2026-06-30", 6)]
    [InlineData(2026, "2026-06-29", 5)]
    [InlineData(2026, "2026-01-31", 1)]
    [InlineData(2026, "2026-01-30", 0)]
    [InlineData(2025, "2026-01-01", 12)]
    [InlineData(2027, "2026-12-31", 0)]
    public void CompleteMonthsOf_AYear_AsOfADay(int year, string asOf, int expected) =>
        Period.CompleteMonthsOf(year, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
}
