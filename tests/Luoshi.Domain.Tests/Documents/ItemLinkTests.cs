using Luoshi.Domain.Documents;

namespace Luoshi.Domain.Tests.Documents;

public sealed class ItemLinkTests
{
    [Fact]
    public void Links_WriteTheTextTheyAlwaysHad()
    {
        ItemLink.Plan("T-INV").ToString().ShouldBe("plan:T-INV");
        ItemLink.Target("GDP_GROWTH", "330000", "2026").ToString().ShouldBe("target:GDP_GROWTH/330000/2026");
        ItemLink.Reading("EXPORT", "330000", "2026H1").ToString().ShouldBe("reading:EXPORT/330000/2026H1");
    }

    [Theory]
    [InlineData("plan:T1", ItemLinkKind.Plan, "T1", null, null)]
    [InlineData("target:GDP/330000/2026", ItemLinkKind.Target, "GDP", "330000", "2026")]
    [InlineData("reading:EXPORT/000000/2026-05", ItemLinkKind.Reading, "EXPORT", "000000", "2026-05")]
    public void Parse_ReadsTheKindAndItsKey(string text, ItemLinkKind kind, string code, string? org, string? period)
    {
        var link = ItemLink.Parse(text);

        (link.Kind, link.Code, link.Org, link.Period).ShouldBe((kind, code, org, period));
        link.ShouldBe(ItemLink.Parse(text));
    }

    [Theory]
    [InlineData("reading:X")]
    [InlineData("target:A/B/C/D")]
    [InlineData("project:XA")]
    [InlineData("T1")]
    [InlineData("")]
    public void Parse_TextOfAnotherShape_IsKeptAsItWasWritten(string text)
    {
        var link = ItemLink.Parse(text);

        link.Kind.ShouldBe(ItemLinkKind.Other);
        link.ToString().ShouldBe(text);
    }
}
