using Luoshi.Domain.Documents;

namespace Luoshi.Domain.Tests.Documents;

public class DateExtractorTests
{
    private static DocumentDate? Date(string text) => DocumentExtractor.Extract(text, NoTextConversion.Instance).Date;

    private static DateOnly? Day(string text) => Date(text)?.Date;

    [Theory]
    [InlineData("在全市工作会议上的讲话\n（2024年6月18日）\n同志们：今天我们开会，研究下一步工作。", "2024-06-18")]
    [InlineData("在全县安全生产工作会议上的讲话\n【2023年12月5日】\n同志们：下面我讲三点意见。", "2023-12-05")]
    [InlineData("同志们：下面我讲三点意见。\n要抓好安全生产。\n张三(2024-06-18)", "2024-06-18")]
    [InlineData("（这是某某同志2023年12月28日在全省经济工作会议上的讲话）\n要坚持稳中求进。", "2023-12-28")]
    [InlineData("要坚持稳中求进。\n（某某 2022/3/9）", "2022-03-09")]
    public void ADateInBrackets_IsTheDayTheSpeechWasDelivered(string text, string expected)
    {
        var date = Date(text);

        date.ShouldNotBeNull();
        date.Date.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        date.Basis.ShouldBe(DateBasis.Event);
    }

    [Theory]
    [InlineData("在全市工作会议上的讲话\n二〇二四年六月十八日\n同志们：今天开会。", "2024-06-18")]
    [InlineData("在全市工作会议上的讲话\n（二○二三年十二月二十八日）\n同志们：今天开会。", "2023-12-28")]
    [InlineData("（二零二一年十月三十一日在全区干部大会上的讲话）", "2021-10-31")]
    [InlineData("发布时间：2024-01-05\n十二月五日，县委召开常委会议，研究部署冬季工作。", "2023-12-05")]
    [InlineData("来源：某报 2024-06-20\n六月十八日，市政府召开常务会议。", "2024-06-18")]
    [InlineData("来源：某报 2024-06-20\n6月10号，市政府召开常务会议。", "2024-06-10")]
    public void DatesInChineseNumerals_AreRead(string text, string expected)
    {
        Day(text).ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("发布时间：2024-06-21\n6月18日至19日，全省工作会议在杭州召开。", "2024-06-18")]
    [InlineData("发布时间：2024-06-21\n6月18日—20日，全省工作会议在杭州召开。", "2024-06-18")]
    [InlineData("发布时间：2024-06-21\n6月18日到20日，全省工作会议在杭州举行。", "2024-06-18")]
    [InlineData("发布时间：2024-06-21\n6月18—20日，全省工作会议在杭州举行。", "2024-06-18")]
    [InlineData("发布时间：2025-01-03\n2024年12月30日至2025年1月2日，全市工作会议召开。", "2024-12-30")]
    [InlineData("发布时间：2024-07-03\n6月28日至7月2日，全市调研活动举行。", "2024-06-28")]
    public void ARange_StandsForItsFirstDay(string text, string expected)
    {
        var date = Date(text);

        date.ShouldNotBeNull();
        date.Date.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        date.Basis.ShouldBe(DateBasis.Event);
    }

    [Fact]
    public void FullWidthDigits_AreRead()
    {
        Day("在全市工作会议上的讲话\n（２０２４年６月１８日）\n同志们：今天开会。").ShouldBe(new DateOnly(2024, 6, 18));
        Day("发布日期：２０２４－０６－２０\n６月１８日，市委召开常委会。").ShouldBe(new DateOnly(2024, 6, 18));
    }

    [Theory]
    [InlineData("发布时间：2024-05-10\n会议要求，各地到6月30日前完成排查，截至6月1日已完成一半。")]
    [InlineData("发布时间：2024-05-10\n全市召开动员会议，要求到6月30日全部完成整改。")]
    [InlineData("发布时间：2024-05-10\n会议强调，自5月1日起施行新的办法。")]
    [InlineData("发布时间：2024-05-10\n全市会议强调，截至4月30日，已完成投资过半。")]
    public void ADeadlineOrStartingDay_IsNotTheEvent_SoThePublicationDateStands(string text)
    {
        var date = Date(text);

        date.ShouldNotBeNull();
        date.Date.ShouldBe(new DateOnly(2024, 5, 10));
        date.Basis.ShouldBe(DateBasis.Published);
    }

    [Fact]
    public void ThePublicationLine_DoesNotOverrideTheEventInTheLead()
    {
        var date = Date("甲市召开全市工作会议\n发布时间：2024-06-20 09:30\n来源：甲市日报\n6月18日，甲市召开全市工作会议。会议要求，到7月31日前完成部署。");

        date.ShouldNotBeNull();
        date.Date.ShouldBe(new DateOnly(2024, 6, 18));
        date.Basis.ShouldBe(DateBasis.Event);
    }

    [Theory]
    [InlineData("发布时间：2024-06-21\n6月18日，甲市新一轮营商环境改革方案正式出台。")]
    [InlineData("发布时间：2024-06-21\n本报讯（记者 张三）6月18日，甲市新一轮营商环境改革方案正式出台。")]
    public void TheDayThatOpensTheLead_IsTheEvent_EvenWithoutAMeetingWord(string text)
    {
        var date = Date(text);

        date.ShouldNotBeNull();
        date.Date.ShouldBe(new DateOnly(2024, 6, 18));
        date.Basis.ShouldBe(DateBasis.Event);
    }

    [Fact]
    public void ADayInsideALaterSentence_WithoutAnEvent_IsNotTheEvent()
    {
        Date("发布时间：2024-06-21\n全市经济运行平稳。据统计，6月18日当天客流达到十万人次。")!.Basis.ShouldBe(DateBasis.Published);
        Date("发布时间：2024-06-21\n全市经济运行平稳。\n第二段。\n第三段。\n第四段。\n6月18日，客流达到十万人次。")!.Basis.ShouldBe(DateBasis.Published);
    }

    [Fact]
    public void ABracketedDateThatIsNotADate_OrLaterThanThePage_IsIgnored()
    {
        // A version number is not a date, and a day after the page was published cannot be the event it reports.
        Date("发布日期：2024-06-20\n系统升级到（2024.13.40）版本。")!.Basis.ShouldBe(DateBasis.Published);
        Date("发布日期：2024-06-20\n下一次会议（2024年7月18日）将在杭州召开。")!.Date.ShouldBe(new DateOnly(2024, 6, 20));
    }

    [Theory]
    [InlineData("二〇二四年六月十八日", "2024年6月18日")]
    [InlineData("二○二三年十二月二十八日", "2023年12月28日")]
    [InlineData("十二月五日和六月十日", "12月5日和6月10日")]
    [InlineData("三十一日", "三十一日")]
    [InlineData("第十二月", "第十二月")]
    public void ChineseNumeralDates_AreRewrittenInDigits(string text, string expected)
    {
        DateExtractor.WithArabicDates(text).ShouldBe(expected);
    }
}
