using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Tests.Common;

namespace Luoshi.Domain.Tests.Indicators;

public class ReadingTests
{
    private static Reading MayReading() => Reading.Create(1, 2, Period.OfMonth(2026, 5), Frequency.Month);

    private static Reading ApprovedReading(decimal value)
    {
        var reading = MayReading();
        reading.Record(value, null, ReadingSource.Entry, ReadingState.Approved, Stamps.By("reporter"));
        return reading;
    }

    [Fact]
    public void Create_PeriodOfIndicatorFrequency_StartsEmptyDraft()
    {
        var reading = Reading.Create(3, 4, Period.Parse("2024-02"), Frequency.Month);

        reading.IndicatorId.ShouldBe(3);
        reading.OrgUnitId.ShouldBe(4);
        reading.PeriodCode.ShouldBe("2024-02");
        reading.Period.ShouldBe(Period.OfMonth(2024, 2));
        reading.PeriodStart.ShouldBe(new DateOnly(2024, 2, 1));
        reading.PeriodEnd.ShouldBe(new DateOnly(2024, 2, 29));
        reading.State.ShouldBe(ReadingState.Draft);
        reading.Value.ShouldBeNull();
        reading.Version.ShouldBe(0);
        reading.Versions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2026Q2", Frequency.Month)]
    [InlineData("2026-06", Frequency.Quarter)]
    [InlineData("2026", Frequency.Half)]
    [InlineData("2026H1", Frequency.Year)]
    public void Create_PeriodOfOtherFrequency_IsRefused(string code, Frequency frequency)
    {
        var ex = Should.Throw<DomainException>(() => Reading.Create(1, 2, Period.Parse(code), frequency));

        ex.Field.ShouldBe("period");
        ex.Message.ShouldContain(code);
    }

    [Fact]
    public void Record_AppendsVersionsAndKeepsOldValues()
    {
        var reading = MayReading();

        reading.Record(100m, "初报", ReadingSource.Entry, ReadingState.Draft, Stamps.By("reporter"));
        reading.Record(101.5m, null, ReadingSource.Entry, ReadingState.Submitted, Stamps.By("reporter", 30, "更正"));

        reading.Value.ShouldBe(101.5m);
        reading.State.ShouldBe(ReadingState.Submitted);
        reading.Version.ShouldBe(2);
        reading.UpdatedAt.ShouldBe(Stamps.Monday.AddMinutes(30));
        reading.Versions.Select(v => v.Value).ShouldBe([100m, 101.5m]);
        reading.Versions.Select(v => v.Version).ShouldBe([1, 2]);
        reading.Versions[0].Comment.ShouldBe("初报");
        reading.Versions[0].State.ShouldBe(ReadingState.Draft);
        reading.Versions[1].Reason.ShouldBe("更正");
    }

    [Fact]
    public void Record_NullValue_ClearsAsAVersion()
    {
        var reading = MayReading();
        reading.Record(100m, null, ReadingSource.Entry, ReadingState.Draft, Stamps.By("reporter"));

        reading.Record(null, "误填,删除", ReadingSource.Entry, ReadingState.Draft, Stamps.By("reporter", 1));

        reading.Value.ShouldBeNull();
        reading.Version.ShouldBe(2);
        reading.Versions.Select(v => v.Value).ShouldBe([100m, null]);
    }

    [Theory]
    [InlineData(ReadingSource.Entry)]
    [InlineData(ReadingSource.Api)]
    public void Record_OnApprovedFromEntryOrApi_IsConflictAndAppendsNothing(ReadingSource source)
    {
        var reading = ApprovedReading(100m);

        var ex = Should.Throw<DomainConflictException>(() =>
            reading.Record(120m, null, source, ReadingState.Submitted, Stamps.By("reporter", 5)));

        ex.Field.ShouldBe("value");
        reading.Value.ShouldBe(100m);
        reading.State.ShouldBe(ReadingState.Approved);
        reading.Versions.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(ReadingSource.Import)]
    [InlineData(ReadingSource.Computed)]
    public void Record_OnApprovedFromImportOrComputed_ReplacesKeepingHistory(ReadingSource source)
    {
        var reading = ApprovedReading(100m);

        reading.Record(120m, null, source, ReadingState.Approved, Stamps.By("operator", 5));

        reading.Value.ShouldBe(120m);
        reading.Source.ShouldBe(source);
        reading.Versions.Select(v => v.Value).ShouldBe([100m, 120m]);
        reading.Versions.Select(v => v.Source).ShouldBe([ReadingSource.Entry, source]);
    }

    [Theory]
    [InlineData(ReadingState.Draft)]
    [InlineData(ReadingState.Submitted)]
    [InlineData(ReadingState.Returned)]
    public void Record_EntryWhenNotApproved_IsAccepted(ReadingState state)
    {
        var reading = MayReading();
        reading.Record(1m, null, ReadingSource.Entry, state, Stamps.By("reporter"));

        reading.Record(2m, null, ReadingSource.Entry, ReadingState.Submitted, Stamps.By("reporter", 1));

        reading.Value.ShouldBe(2m);
    }

    [Fact]
    public void Record_CommentIsTrimmedAndBlankIsNull()
    {
        var reading = MayReading();

        reading.Record(1m, "  口径调整  ", ReadingSource.Entry, ReadingState.Draft, Stamps.By("reporter"));
        reading.Comment.ShouldBe("口径调整");

        reading.Record(1m, "   ", ReadingSource.Entry, ReadingState.Draft, Stamps.By("reporter", 1));
        reading.Comment.ShouldBeNull();
    }

    [Fact]
    public void Record_CommentWithControlCharacters_IsRefused() =>
        Should.Throw<DomainException>(() => MayReading().Record(1m, "bad\0comment", ReadingSource.Entry, ReadingState.Draft, Stamps.By("reporter")))
            .Field.ShouldBe("comment");

    [Fact]
    public void Record_RefusedComment_LeavesValueUnchanged()
    {
        var reading = MayReading();
        reading.Record(100m, null, ReadingSource.Entry, ReadingState.Draft, Stamps.By("reporter"));
    
        Should.Throw<DomainException>(() => reading.Record(999m, new string('x', Reading.CommentMaxLength + 1), ReadingSource.Entry, ReadingState.Draft, Stamps.By("reporter", 1)));
    
        reading.Value.ShouldBe(100m);
        reading.Value.ShouldBe(reading.Versions[^1].Value);
    }

    [Fact]
    public void Record_UndefinedSourceOrState_IsRefused()
    {
        var reading = MayReading();

        Should.Throw<DomainException>(() => reading.Record(1m, null, (ReadingSource)0, ReadingState.Draft, Stamps.By("reporter")))
            .Field.ShouldBe("source");
        Should.Throw<DomainException>(() => reading.Record(1m, null, ReadingSource.Entry, (ReadingState)9, Stamps.By("reporter")))
            .Field.ShouldBe("source");
        reading.Versions.ShouldBeEmpty();
    }
}
