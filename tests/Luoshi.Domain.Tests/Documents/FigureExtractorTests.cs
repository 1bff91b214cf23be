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
    public void Respectively_PairedModifiersShareTheNounAfterThem()
    {
        var figures = Figures("全年城镇和农村居民人均可支配收入分别增长4.6%、6.1%。");

        figures.Select(f => f.Subject).ShouldBe(["城镇居民人均可支配收入", "农村居民人均可支配收入"]);
        // Without a known pair nothing is shared: 工业 is not cut into 工业业投资.
        Figures("工业、服务业投资分别增长8%、5%。").Select(f => f.Subject).ShouldNotContain("工业业投资");
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
    [InlineData("粮食总产量稳定在600万吨以上。", 600, "万吨", FigureQualifier.AtLeast)]
    [InlineData("全年旅客发送量达到1.2亿人次左右。", 1.2, "亿人次", FigureQualifier.Around)]
    [InlineData("去年新增风电装机120万千瓦。", 120, "万千瓦", null)]
    [InlineData("全社会用电量达到480亿千瓦时。", 480, "亿千瓦时", null)]
    [InlineData("新建高标准农田35万亩。", 35, "万亩", null)]
    [InlineData("新开工棚户区改造住房2.5万套。", 2.5, "万套", null)]
    [InlineData("竣工商品住宅面积下降到900万平方米。", 900, "万平方米", null)]
    [InlineData("新能源汽车产量达到6.4万辆。", 6.4, "万辆", null)]
    [InlineData("新增供水能力1.5亿立方米。", 1.5, "亿立方米", null)]
    [InlineData("港口集装箱吞吐量达到280万标箱。", 280, "万标箱", null)]
    [InlineData("新增光纤宽带用户12万户。", 12, "万户", null)]
    public void UnitsWithAMultiplier_AreKeptWhole_WithTheQualifierAfterThem(string text, double value, string unit, FigureQualifier? qualifier)
    {
        var f = Figures(text).ShouldHaveSingleItem();

        (f.Value, f.Unit, f.Qualifier).ShouldBe(((decimal)value, unit, qualifier));
    }

    [Theory]
    [InlineData("今年全市地区生产总值增长6.1%。", "全市地区生产总值", "今年")]
    [InlineData("上半年规上工业增加值同比增长8%。", "规上工业增加值", "上半年")]
    [InlineData("2025年居民人均可支配收入增长5.2%。", "居民人均可支配收入", "2025年")]
    [InlineData("前三季度，社会消费品零售总额增长4.4%。", "社会消费品零售总额", "前三季度")]
    [InlineData("今年以来，实际使用外资增长9%。", "实际使用外资", "今年以来")]
    [InlineData("过去五年，一般公共预算收入年均增长6.2%。", "一般公共预算收入", null)]
    public void GrowthRates_BelongToTheSubject_AndTimeWordsGoToThePeriod(string text, string subject, string? period)
    {
        var f = Figures(text).ShouldHaveSingleItem();

        f.Subject.ShouldBe(subject);
        f.Period.ShouldBe(period);
    }

    [Theory]
    [InlineData("2025年增长6%。")]
    [InlineData("全年增长5.5%左右。")]
    [InlineData("一季度同比增长8%，上半年增长7.5%。")]
    [InlineData("过去三年年均增长6.2%。")]
    public void ATimeWord_IsNeverASubject(string text) => Figures(text).ShouldBeEmpty();

    [Fact]
    public void AFigureWithoutASubject_TakesTheSubjectBeforeIt_InTheSameSentence()
    {
        var figures = Figures("全市进出口总额2100亿元，比上年增长7.4%，其中出口增长9%、进口下降1.2%，年均增长6%。");

        figures.Select(f => (f.Subject, f.Value, f.Measure)).ShouldBe(
        [
            ("全市进出口总额", 2100m, null), ("全市进出口总额", 7.4m, "增长"), ("出口", 9m, "增长"), ("进口", 1.2m, "下降"), ("进口", 6m, "年均增长"),
        ]);
        figures[1].Comparison.ShouldBe("比上年");
    }

    [Fact]
    public void ARespectiveListWithoutSubjects_TakesThoseOfTheFiguresBefore()
    {
        var figures = Figures("全年完成货运量3.1亿吨，实现港口收入95亿元，分别增长4%和7%。");

        figures.Select(f => (f.Subject, f.Value, f.Unit)).ShouldBe(
            [("货运量", 3.1m, "亿吨"), ("港口收入", 95m, "亿元"), ("货运量", 4m, "%"), ("港口收入", 7m, "%")]);
    }

    [Fact]
    public void ARespectiveListWithoutEnoughFiguresBefore_HandsOutNothing()
    {
        Figures("分别增长4%和7%。").ShouldBeEmpty();
    }

    [Fact]
    public void TheGrowthRateComparedWithTheNation_IsAComparisonOfTheRateBefore()
    {
        var f = Figures("社会消费品零售总额增长6.3%，增速高于全国1.1个百分点。").ShouldHaveSingleItem();

        f.Comparison.ShouldBe("增速高于全国1.1个百分点");
    }

    [Fact]
    public void ARateAfterARate_IsStillAComparison()
    {
        var f = Figures("城镇化率达到72.5%，比上年提高0.8个百分点。").ShouldHaveSingleItem();

        f.Comparison.ShouldBe("比上年提高0.8个百分点");
    }

    [Theory]
    [InlineData("去年带动就业近30万人。", 30, "万人", FigureQualifier.Around)]
    [InlineData("全年技术合同成交额约85亿元。", 85, "亿元", FigureQualifier.Around)]
    [InlineData("全年完成投资将近500亿元。", 500, "亿元", FigureQualifier.Around)]
    [InlineData("跨境电商交易额超1000亿元。", 1000, "亿元", FigureQualifier.AtLeast)]
    [InlineData("全省拥有高新技术企业逾4000家。", 4000, "家", FigureQualifier.AtLeast)]
    [InlineData("文旅产业增加值突破800亿元。", 800, "亿元", FigureQualifier.AtLeast)]
    [InlineData("新增城镇就业超过12万人。", 12, "万人", FigureQualifier.AtLeast)]
    [InlineData("惠及农户30余万户。", 30, "万户", FigureQualifier.AtLeast)]
    [InlineData("新增上市公司逾百家。", 100, "家", FigureQualifier.AtLeast)]
    [InlineData("数字经济规模超千亿元。", 1000, "亿元", FigureQualifier.AtLeast)]
    [InlineData("吸引青年人才近两万人。", 2, "万人", FigureQualifier.Around)]
    public void Approximations_AreQualifiers_AndLeaveAnActualAnActual(string text, double value, string unit, FigureQualifier qualifier)
    {
        var f = Figures(text).ShouldHaveSingleItem();

        (f.Value, f.Unit, f.Qualifier, f.Kind).ShouldBe(((decimal)value, unit, qualifier, FigureKind.Actual));
    }

    [Fact]
    public void Approximations_QualifyTargetsToo_ButWhatIsStrivenForIsAStretch()
    {
        var figures = Figures("今年要确保进出口总额突破5000亿元，力争新增市场主体超3万户。");

        figures.Select(f => (f.Subject, f.Value, f.Qualifier, f.Kind)).ShouldBe(
        [
            ("进出口总额", 5000m, FigureQualifier.AtLeast, FigureKind.Target), ("市场主体", 3m, FigureQualifier.Stretch, FigureKind.Target),
        ]);
    }

    [Fact]
    public void TimeAndNamesWithNumerals_AreNotApproximations()
    {
        Figures("近三年累计新增就业30万人。").ShouldHaveSingleItem().Qualifier.ShouldBeNull();
        Figures("近年来，百姓的获得感不断增强，千万工程深入实施。").ShouldBeEmpty();
        Figures("全年节约标准煤12万吨。").ShouldHaveSingleItem().Qualifier.ShouldBeNull();
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

    [Fact]
    public void IndicatorList_UnderAPlanHeading_ReadsTargetsAndLastYearsActuals()
    {
        var figures = Figures("三、主要目标\n居民消费价格：涨幅2%左右（上年0.3%）。\n新增城镇就业：8万人。");

        figures.Select(f => (f.Subject, f.Value, f.Kind, f.Qualifier)).ShouldBe(
        [
            ("居民消费价格", 2m, FigureKind.Target, FigureQualifier.Around), ("居民消费价格", 0.3m, FigureKind.Actual, null),
            ("新增城镇就业", 8m, FigureKind.Target, null),
        ]);
    }

    [Fact]
    public void UnderAPlanHeading_完成_StatesATarget_ButNotUnderAReviewOfThePlan()
    {
        Figures("四、目标任务\n全年完成造林面积6万亩。").ShouldHaveSingleItem().Kind.ShouldBe(FigureKind.Target);
        Figures("四、上年计划执行情况\n全年完成造林面积6万亩。").ShouldHaveSingleItem().Kind.ShouldBe(FigureKind.Actual);
    }

    [Fact]
    public void IndicatorList_UnderAnotherHeading_WithoutTargetWords_IsActual()
    {
        var f = Figures("二、去年工作回顾\n地区生产总值：增长5.6%。").ShouldHaveSingleItem();

        f.Subject.ShouldBe("地区生产总值");
        f.Kind.ShouldBe(FigureKind.Actual);
    }

    [Theory]
    [InlineData("改造背街小巷46处。", "背街小巷", 46, "处")]
    [InlineData("检查企业2.4万家次。", "企业", 2.4, "万家次")]
    [InlineData("办结时限压缩到5天。", "办结时限", 5, "天")]
    [InlineData("开展专项执法行动12批。", "专项执法行动", 12, "批")]
    public void MeasureWords_AreUnits(string text, string subject, decimal value, string unit)
    {
        var f = Figures(text).ShouldHaveSingleItem();

        (f.Subject, f.Value, f.Unit).ShouldBe((subject, value, unit));
    }

    [Theory]
    [InlineData("第3个季度起实行新办法。")]
    [InlineData("用3天时间走访企业。")]
    [InlineData("2026年3月5日召开会议。")]
    public void OrdinalsDatesAndBareCounts_AreNotFigures(string text) => Figures(text).ShouldBeEmpty();

    [Fact]
    public void AtMostWords_AreTheQualifier_NotTheSubject()
    {
        var f = Figures("企业开办时间最多不超过2天。").ShouldHaveSingleItem();

        f.Subject.ShouldBe("企业开办时间");
        f.Qualifier.ShouldBe(FigureQualifier.AtMost);
    }

    [Fact]
    public void ADeadline_IsThePeriod_NotPartOfTheSubject()
    {
        var f = Figures("到2028年底前，完成老旧管网改造600公里。").ShouldHaveSingleItem();

        f.Subject.ShouldNotContain("前");
        f.Kind.ShouldBe(FigureKind.Target);
    }

    [Fact]
    public void ABudgetShare_AndAGenericHead_TakeTheItemNamedBefore()
    {
        Figures("税收收入完成410亿元，为预算的98.6%。").Select(f => f.Subject).ShouldBe(["税收收入", "税收收入"]);
        Figures("全年外贸进出口增长7%，总量突破3000亿元。").Select(f => f.Subject).ShouldBe(["外贸进出口", "外贸进出口"]);
    }

    [Fact]
    public void ACountAfterAListOfNames_CountsTheNounAfterIt()
    {
        var f = Figures("赵某、钱某等8名同志荣获劳动模范称号。").ShouldHaveSingleItem();

        (f.Subject, f.Value, f.Unit).ShouldBe(("同志", 8m, "名"));
    }

    [Fact]
    public void AHeadlineVerb_IsNotPartOfTheSubject()
    {
        var f = Figures("期待全省GDP破8万亿").ShouldHaveSingleItem();

        (f.Subject, f.Value, f.Unit, f.Qualifier).ShouldBe(("全省GDP", 8m, "万亿", FigureQualifier.AtLeast));
    }

    [Fact]
    public void Stretch_StandingBeforeItsOwnTarget_IsAStretchTarget()
    {
        var f = Figures("力争到2030年，全市清洁能源装机占比达到65%。").ShouldHaveSingleItem();
        f.Kind.ShouldBe(FigureKind.Target);
        f.Qualifier.ShouldBe(FigureQualifier.Stretch);

        // After a main target it stays the stretch value of that target.
        var main = Figures("地区生产总值增长5%左右、力争5.5%。").ShouldHaveSingleItem();
        (main.Qualifier, main.Stretch).ShouldBe((FigureQualifier.Around, 5.5m));
    }

    [Fact]
    public void Respectively_HandsOutSubjectsInOrder_AndAComparisonTakesTheClauseSubject()
    {
        var figures = Figures("火灾起数、死亡人数分别下降8.1%、5.2%。全年发生道路交通事故320起，比上年下降4%。");

        figures.Select(f => (f.Subject, f.Value)).ShouldBe([("火灾起数", 8.1m), ("死亡人数", 5.2m), ("道路交通事故", 320m), ("道路交通事故", 4m)]);
    }
}
