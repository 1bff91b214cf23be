using Luoshi.Domain.Documents;

namespace Luoshi.Domain.Tests.Documents;

public class TermExtractorTests
{
    [Theory]
    [InlineData("最多跑一次")]
    [InlineData("三改一拆")]
    [InlineData("一件事")]
    [InlineData("高效办成一件事")]
    [InlineData("一网通办")]
    [InlineData("两个先行")]
    [InlineData("五水共治")]
    [InlineData("1+N")]
    [InlineData("千万工程")]
    [InlineData("千村示范、万村整治")]
    [InlineData("万人助万企")]
    [InlineData("十四五")]
    [InlineData("推进十大行动")]
    [InlineData("一县一品")]
    [InlineData("一园多区")]
    [InlineData("一码多用")]
    [InlineData("绘好一张蓝图")]
    [InlineData("百县千项")]
    [InlineData("擦亮七张名片")]
    [InlineData("一体两翼")]
    [InlineData("双循环")]
    [InlineData("双一流")]
    [InlineData("六稳六保")]
    [InlineData("一老一小")]
    [InlineData("万企兴万村")]
    [InlineData("数字经济创新提质一号发展工程")]
    [InlineData("审批一口受理")]
    [InlineData("一刻钟便民服务圈")]
    public void NumeralAnywhere_MakesTheTermNumbered(string term) => TermExtractor.IsNumbered(term).ShouldBeTrue(term);

    [Theory]
    [InlineData("长三角一体化")]
    [InlineData("全国统一大市场")]
    [InlineData("建设一流营商环境")]
    [InlineData("进一步全面深化改革")]
    [InlineData("培育一批链主企业")]
    [InlineData("上下一致")]
    [InlineData("鼓足一口气")]
    [InlineData("一把手")]
    [InlineData("一马当先")]
    [InlineData("万马奔腾")]
    [InlineData("千方百计")]
    [InlineData("走进千家万户")]
    [InlineData("第一动力")]
    [InlineData("一站式服务")]
    [InlineData("四川")]
    [InlineData("老百姓的口碑")]
    [InlineData("地瓜经济")]
    [InlineData("一以贯之")]
    [InlineData("拧成一条心")]
    [InlineData("争当服务企业的店小二")]
    [InlineData("大众创业、万众创新")]
    public void SetPhrasesHoldingANumeral_CountNothing(string term) => TermExtractor.IsNumbered(term).ShouldBeFalse(term);

    [Fact]
    public void Extract_MarksNumberedTermsWhereverTheCountStands_AndKeepsTheCountBeforeTheQuotes()
    {
        var sentences = SentenceSplitter.Split("深化“最多跑一次”改革，推进“一网通办”，融入“长三角一体化”，落实两项“民生实事”，打造“一流”环境，推行“一网通办”。");

        var terms = TermExtractor.Extract(string.Concat(sentences.Select(s => s.Text)), sentences).ToDictionary(t => t.Term);

        terms["最多跑一次"].Numbered.ShouldBeTrue();
        terms["一网通办"].Numbered.ShouldBeTrue();
        terms["一网通办"].Count.ShouldBe(2);
        terms["长三角一体化"].Numbered.ShouldBeFalse();
        terms["一流"].Numbered.ShouldBeFalse();
        terms["民生实事"].Numbered.ShouldBeTrue();
        terms["民生实事"].Numeral.ShouldBe("两项");
    }
}
