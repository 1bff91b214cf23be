using Luoshi.Domain.Documents;

namespace Luoshi.Domain.Tests.Documents;

/// <summary>
/// Whether a figure is planned or reached is often said once for a whole part of a text: by a lead-in before a
/// list, by a numbered demand (二要…), by a look-back (过去一年，…) or by the year the text is dated. These texts
/// show each such part, and the figures that only a wider reading gets right (counts in lists, thresholds inside
/// a subject, 分别 after a list of nouns, changes by an amount).
/// </summary>
public sealed class FigureContextTests
{
    private static IReadOnlyList<Figure> Figures(string text) => DocumentExtractor.Extract(text, NoTextConversion.Instance).Figures;

    private static (string Subject, decimal Value, string Unit, FigureQualifier? Qualifier, FigureKind Kind)[] Read(string text) =>
        [.. Figures(text).Select(f => (f.Subject, f.Value, f.Unit, f.Qualifier, f.Kind))];

    [Fact]
    public void NumberedLinesAfterALeadIn_AreTargets_AndTheirNumbersAreNotFigures()
    {
        var figures = Read("""
            明年，市政府将集中力量办好八件民生实事：
            1.新建城市书房40家；
            2.改造背街小巷120条；
            3.新增停车泊位1.5万个左右；
            4.力争建成口袋公园60个。
            """);

        figures.ShouldBe(
        [
            ("城市书房", 40m, "家", null, FigureKind.Target),
            ("背街小巷", 120m, "条", null, FigureKind.Target),
            ("停车泊位", 1.5m, "万个", FigureQualifier.Around, FigureKind.Target),
            ("口袋公园", 60m, "个", FigureQualifier.Stretch, FigureKind.Target),
        ]);
    }

    [Fact]
    public void EnumeratedParagraphsAfterADeploymentLeadIn_AreTargets_UnlessMarkedAsReached()
    {
        var figures = Read("""
            下一步，全区要重点做好四个方面工作。

            一是扩大有效投资。全年实施区级重点项目85个，完成投资210亿元。

            二是稳住外贸基本盘。全区已累计培育外贸企业320家，出口总额实现两位数增长。
            """);

        figures.ShouldBe(
        [
            ("区级重点项目", 85m, "个", null, FigureKind.Target),
            ("投资", 210m, "亿元", null, FigureKind.Target),
            ("外贸企业", 320m, "家", null, FigureKind.Actual),
        ]);
    }

    [Fact]
    public void AReviewsLeadIn_DoesNotMakeItsListTargets()
    {
        var figures = Read("""
            过去一年，我们主要抓了以下工作：
            一是产业转型加快。新增国家级专精特新企业14家。
            二是城乡面貌改善。建成美丽乡村示范村30个。
            """);

        figures.Select(f => f.Kind).ShouldAllBe(k => k == FigureKind.Actual);
        figures.Length.ShouldBe(2);
    }

    [Fact]
    public void AParagraphOpenedByANumberedDemand_StatesTargets()
    {
        var figures = Read("""
            三要兜牢民生底线。新增城镇就业岗位6000个，城乡低保标准提高到每月950元，新开办老年食堂25家。
            """);

        figures.Select(f => (f.Value, f.Kind)).ShouldBe([(6000m, FigureKind.Target), (950m, FigureKind.Target), (25m, FigureKind.Target)]);
    }

    [Fact]
    public void ALookBack_ReadsItsQualifiersAsReached_UntilTheTextTurnsForward()
    {
        var figures = Read("""
            五年来，全县经济总量跨上新台阶。农业总产值稳定在90亿元以上。森林覆盖率保持在72%左右。今年，全县农业总产值要达到95亿元以上。
            """);

        figures.ShouldBe(
        [
            ("农业总产值", 90m, "亿元", FigureQualifier.AtLeast, FigureKind.Actual),
            ("森林覆盖率", 72m, "%", FigureQualifier.Around, FigureKind.Actual),
            ("全县农业总产值", 95m, "亿元", FigureQualifier.AtLeast, FigureKind.Target),
        ]);
    }

    [Fact]
    public void AParagraphOpenedByAYearBeforeTheDocuments_LooksBack()
    {
        var text = """
            关于全市2026年预算草案的报告
            （2026年1月12日）
            2025年，全市教育支出完成96.4亿元，占一般公共预算支出的比重保持在18%以上。
            2026年，全市教育支出安排102亿元，占比保持在18%以上。
            """;

        var figures = Read(text);

        figures.Where(f => f.Value == 18m).Select(f => f.Kind).ShouldBe([FigureKind.Actual, FigureKind.Target]);
        figures.Single(f => f.Value == 96.4m).Kind.ShouldBe(FigureKind.Actual);
    }

    [Fact]
    public void ASharesOfThePlan_AndEstimates_AreReached()
    {
        var figures = Read("1至10月，全市完成固定资产投资580亿元，完成年度计划的86.5%，新开工项目73个。预计全年规上工业增加值增长7%左右。");

        figures.Select(f => (f.Value, f.Kind)).ShouldBe([(580m, FigureKind.Actual), (86.5m, FigureKind.Actual), (73m, FigureKind.Actual), (7m, FigureKind.Actual)]);
        figures[^1].Qualifier.ShouldBe(FigureQualifier.Around);
    }

    [Fact]
    public void ABoundThatPicksOutWhatIsCounted_IsPartOfTheSubject()
    {
        var counted = Figures("全市年销售收入5000万元以上的企业达到260家。").ShouldHaveSingleItem();
        counted.Value.ShouldBe(260m);
        counted.Subject.ShouldContain("企业");

        var share = Figures("力争到2028年，亩均税收30万元以上企业占比达到60%。").ShouldHaveSingleItem();
        (share.Value, share.Qualifier, share.Kind).ShouldBe((60m, FigureQualifier.Stretch, FigureKind.Target));
        share.Subject.ShouldContain("占比");

        // A bound after a verb of change is the figure itself.
        Figures("全县农民收入实现增长8%以上的目标。").ShouldHaveSingleItem().Value.ShouldBe(8m);
    }

    [Fact]
    public void CountsWithATotalWord_AListedVerbOrAPartOfTheWhole_AreFigures()
    {
        var figures = Read("本次推介会共签约项目52个，其中外资项目9个。全镇已建成共富工坊14家、乡村博物馆5座。");

        figures.Select(f => (f.Value, f.Unit)).ShouldBe([(52m, "个"), (9m, "个"), (14m, "家"), (5m, "座")]);
        figures[1].Subject.ShouldContain("外资项目");
        figures[3].Subject.ShouldBe("乡村博物馆");

        // A count with no verb at all still says nothing.
        Figures("会议明确了5个方面重点。").ShouldBeEmpty();
    }

    [Fact]
    public void FromAndTo_WithWhatItCameFromAndWhen()
    {
        var cut = Figures("企业开办时间从原来的3个工作日压缩到0.5天。").Where(f => f.Unit == "天").ShouldHaveSingleItem();
        cut.Value.ShouldBe(0.5m);

        var grown = Figures("全市数字经济核心产业营业收入从2021年的820亿元增加到2025年的1350亿元。").ShouldHaveSingleItem();
        (grown.Value, grown.From, grown.Kind).ShouldBe((1350m, 820m, FigureKind.Actual));
        grown.Subject.ShouldBe("全市数字经济核心产业营业收入");
    }

    [Fact]
    public void RespectivelyAfterAListOfNouns_TakesItsSubjectsFromThem()
    {
        var figures = Read("去年，全省火灾起数和直接财产损失双双下降，分别下降9.4%和15.1%。");

        figures.Select(f => (f.Subject, f.Value)).ShouldBe([("全省火灾起数", 9.4m), ("直接财产损失", 15.1m)]);
    }

    [Fact]
    public void AChangeByAnAmount_IsAFigureOfItsOwn_ButAGapInPointsStaysAComparison()
    {
        var figures = Figures("全镇村级集体经济收入达到1260万元，比上年增加180万元。城镇化率达到61.2%，高于全省0.8个百分点。");

        figures.Select(f => f.Value).ShouldBe([1260m, 180m, 61.2m]);
        figures[1].Subject.ShouldBe(figures[0].Subject);
        figures[2].Comparison.ShouldBe("高于全省0.8个百分点");
    }

    [Fact]
    public void AnAverage_KeepsTheWholeSubject()
    {
        Figures("一季度城镇调查失业率平均为5.1%。").ShouldHaveSingleItem().Subject.ShouldBe("城镇调查失业率");
    }

    [Fact]
    public void ACountBeforeItsNoun_AfterTheVerb_CountsThatNoun_ButARepeatedCountIsNoFigure()
    {
        var figures = Read("""
            今年要在每个街道至少建成2家社区食堂，选派不少于300名机关干部到村任职。
            市政府确定的20项民生实事中，已完成12项。
            """);

        figures.Select(f => (f.Subject, f.Value, f.Qualifier)).ShouldBe(
        [
            ("社区食堂", 2m, FigureQualifier.AtLeast),
            ("机关干部", 300m, FigureQualifier.AtLeast),
            ("民生实事", 20m, null),
            ("民生实事", 12m, null),
        ]);

        Figures("对排名靠后的5个乡镇，由县领导约谈。").ShouldBeEmpty();
    }

    [Fact]
    public void WorkingDaysAgesAndPieces_AreUnits()
    {
        Figures("不动产登记办理时间压缩至3个工作日。").ShouldHaveSingleItem().Unit.ShouldBe("个工作日");
        var age = Figures("过去五年，全市人均预期寿命提高到81.5岁。").ShouldHaveSingleItem();
        (age.Unit, age.Kind).ShouldBe(("岁", FigureKind.Actual));
        Figures("老旧小区加装电梯450部。").ShouldHaveSingleItem().Unit.ShouldBe("部");

        // An age that picks out people is part of what is counted.
        var f = Figures("为80周岁以上老年人发放高龄津贴1.2万人次。").ShouldHaveSingleItem();
        f.Value.ShouldBe(1.2m);
    }

    [Fact]
    public void AShareWrittenAfterAFigure_IsTheShareOfThatFigure()
    {
        var f = Figures("其中，非税收入38.6亿元，占一般公共预算收入的比重为21.4%。")[1];

        f.Subject.ShouldStartWith("非税收入");
        f.Subject.ShouldContain("占一般公共预算收入");
    }

    [Fact]
    public void ABoundWithItsBasis_QualifiesTheFigure()
    {
        var f = Figures("要加快资金拨付，上半年支出进度不低于全年预算的55%。").ShouldHaveSingleItem();

        (f.Subject, f.Value, f.Qualifier, f.Kind).ShouldBe(("支出进度", 55m, FigureQualifier.AtLeast, FigureKind.Target));
    }

    [Fact]
    public void PartsOfAReport_AreReadByTheirHeadings()
    {
        var figures = Read("""
            二、取得的成效

            1.全区新增市场主体1.8万户，群众办事满意率保持在98%以上。

            三、下一步工作安排

            1.新建社区嵌入式服务设施15处。
            2.改造燃气老旧管网80公里。
            """);

        figures.Select(f => (f.Value, f.Kind)).ShouldBe(
        [
            (1.8m, FigureKind.Actual), (98m, FigureKind.Actual), (15m, FigureKind.Target), (80m, FigureKind.Target),
        ]);
    }

    [Fact]
    public void WhatWasPlannedBefore_IsNoTarget()
    {
        var f = Figures("该项目原计划6月底完工，目前工程进度仅为45%。").ShouldHaveSingleItem();

        (f.Value, f.Kind).ShouldBe((45m, FigureKind.Actual));
        f.Subject.ShouldBe("工程进度");
    }
}
