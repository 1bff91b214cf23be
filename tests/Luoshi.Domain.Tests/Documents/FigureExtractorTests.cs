using Luoshi.Domain.Documents;

namespace Luoshi.Domain.Tests.Documents;

public class FigureExtractorTests
{
    private static IReadOnlyList<Figure> Figures(string text) => DocumentExtractor.Extract(text, NoTextConversion.Instance).Figures;

    [Fact]
    public void Growth_WithPeriodAndComparison_IsOneFigure()
    {
        var f = Figures("前三季度，全市规上工业增加值增长7.2%、高于全省1.1个百分点。").ShouldHaveSingleItem();

        f.Subject.ShouldBe("全市规上工业增加值");
        f.Value.ShouldBe(7.2m);
        f.Unit.ShouldBe("%");
        f.Measure.ShouldBe("增长");
        f.Period.ShouldBe("前三季度");
        f.Comparison.ShouldBe("高于全省1.1个百分点");
        f.Kind.ShouldBe(FigureKind.Actual);
        f.Text.ShouldBe("全市规上工业增加值增长7.2%、高于全省1.1个百分点");
    }

    [Fact]
    public void FromTo_KeepsBothEnds()
    {
        var f = Figures("城乡居民收入倍差从2.05缩小到1.98。").ShouldHaveSingleItem();

        f.Subject.ShouldBe("城乡居民收入倍差");
        f.From.ShouldBe(2.05m);
        f.Value.ShouldBe(1.98m);
        f.Measure.ShouldBe("缩小");
    }

    [Fact]
    public void Respectively_DistributesValuesOverSubjects()
    {
        var figures = Figures("1—8月，进口、出口分别增长3.1%、6.4%。");

        figures.Select(f => (f.Subject, f.Value, f.Measure, f.Period)).ShouldBe([("进口", 3.1m, "增长", "1—8月"), ("出口", 6.4m, "增长", "1—8月")]);
        figures.ShouldAllBe(f => f.Text == "进口、出口分别增长3.1%、6.4%");
    }

    [Fact]
    public void Targets_CarryTheirQualifiers()
    {
        var figures = Figures("今年主要预期目标是：地区生产总值增长5.5%左右，力争6%；城镇调查失业率控制在5.5%以内；研发投入强度达到3.2%以上；单位能耗下降2%—3%。");

        figures.Count.ShouldBe(4);
        figures.ShouldAllBe(f => f.Kind == FigureKind.Target);
        var gdp = figures[0];
        (gdp.Subject, gdp.Value, gdp.Qualifier, gdp.Stretch).ShouldBe(("地区生产总值", 5.5m, FigureQualifier.Around, 6m));
        (figures[1].Subject, figures[1].Value, figures[1].Qualifier).ShouldBe(("城镇调查失业率", 5.5m, FigureQualifier.AtMost));
        (figures[2].Subject, figures[2].Value, figures[2].Qualifier).ShouldBe(("研发投入强度", 3.2m, FigureQualifier.AtLeast));
        (figures[3].Value, figures[3].Upper, figures[3].Qualifier).ShouldBe((2m, 3m, FigureQualifier.Range));
    }

    [Fact]
    public void StretchAlone_AndAtMostBelow_AreTargets()
    {
        var figures = Figures("力争全年实际使用外资增长10%。安全生产事故起数下降到100起以下。");

        figures[0].Qualifier.ShouldBe(FigureQualifier.Stretch);
        figures[0].Kind.ShouldBe(FigureKind.Target);
        figures[1].Qualifier.ShouldBe(FigureQualifier.AtMost);
    }

    [Fact]
    public void DatesOrdinalsQuotedCountsAndCodes_AreNotFigures()
    {
        Figures("2024年3月5日，第14次会议部署“32条”和5G建设，“4+1”行动实施20周年，县（2023—2027年）规划。").ShouldBeEmpty();
    }

    [Fact]
    public void CountsWithoutAMeasure_AreNotFigures_ButWithOneTheyAre()
    {
        Figures("全省11个设区市都已部署。").ShouldBeEmpty();
        Figures("新增国家级专精特新企业120家。").ShouldHaveSingleItem().Measure.ShouldBe("新增");
    }

    [Theory]
    [InlineData("上半年", 2024, "2024H1")]
    [InlineData("1—5月", 2024, "2024-05")]
    [InlineData("一季度", 2024, "2024Q1")]
    [InlineData("前三季度", 2024, "2024-09")]
    [InlineData("2023年", 2024, "2023")]
    [InlineData("去年", 2024, "2023")]
    [InlineData(null, 2024, "2024")]
    public void PeriodWords_ReadAsReportingPeriods(string? words, int year, string expected) =>
        DocumentPeriods.Suggest(words, year)!.Value.ToString().ShouldBe(expected);
}
