using Luoshi.Domain.Common;

namespace Luoshi.Domain.Tests.Common;

public class CodeTests
{
    [Theory]
    [InlineData("330100")]
    [InlineData("GDP_2026")]
    [InlineData("a.b-c")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345")]
    public void Require_WellFormedCode_ReturnsIt(string code) =>
        Code.Require(code, "code").ShouldBe(code);

    [Fact]
    public void Require_SurroundingWhitespace_IsTrimmed() =>
        Code.Require("  330100\t", "code").ShouldBe("330100");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-abc")]
    [InlineData(".abc")]
    [InlineData("_abc")]
    [InlineData("a b")]
    [InlineData("a/b")]
    [InlineData("../etc")]
    [InlineData("代码")]
    [InlineData("ＡＢＣ")]
    [InlineData("abc\0")]
    [InlineData("a\u0001b")]
    [InlineData("a\nb")]
    [InlineData("<script>")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public void Require_HostileOrMalformed_ThrowsOnGivenField(string? code)
    {
        var ex = Should.Throw<DomainException>(() => Code.Require(code, "orgCode"));

        ex.Field.ShouldBe("orgCode");
    }

    [Fact]
    public void Require_VeryLongCode_QuotesOnlyItsStart()
    {
        var ex = Should.Throw<DomainException>(() => Code.Require(new string('x', 100_000), "code"));

        ex.Message.ShouldContain("…");
        ex.Message.Length.ShouldBeLessThan(300);
    }

    [Fact]
    public void RequireText_TrimsAndKeepsInnerLineBreaksAndTabs() =>
        Code.RequireText("  第一行\n第二行\r\n\t缩进  ", "name", 100).ShouldBe("第一行\n第二行\r\n\t缩进");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t\r\n ")]
    public void RequireText_Empty_ThrowsRequired(string? text)
    {
        var ex = Should.Throw<DomainException>(() => Code.RequireText(text, "name", 100));

        ex.Field.ShouldBe("name");
        ex.Message.ShouldContain("不能为空");
    }

    [Fact]
    public void RequireText_AtMaxLength_IsAccepted_OneMoreIsRefused()
    {
        Code.RequireText(new string('字', 10), "name", 10).Length.ShouldBe(10);

        Should.Throw<DomainException>(() => Code.RequireText(new string('字', 11), "name", 10))
            .Message.ShouldContain("10");
    }

    [Fact]
    public void RequireText_LengthIsCountedAfterTrimming() =>
        Code.RequireText("   abc   ", "name", 3).ShouldBe("abc");

    [Theory]
    [InlineData("name\0")]
    [InlineData("bell\u0007")]
    [InlineData("esc\u001b[31m")]
    [InlineData("del\u007f")]
    [InlineData("nel\u0085x")]
    public void RequireText_ControlCharacters_AreRefused(string text)
    {
        var ex = Should.Throw<DomainException>(() => Code.RequireText(text, "title", 100));

        ex.Field.ShouldBe("title");
        ex.Message.ShouldContain("控制字符");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void OptionalText_Blank_ReturnsNull(string? text) =>
        Code.OptionalText(text, "comment", 10).ShouldBeNull();

    [Fact]
    public void OptionalText_Present_IsValidatedLikeRequired()
    {
        Code.OptionalText(" ok ", "comment", 10).ShouldBe("ok");
        Should.Throw<DomainException>(() => Code.OptionalText("x\0", "comment", 10)).Field.ShouldBe("comment");
    }

    [Fact]
    public void StampOf_TrimsActorAndDropsBlankReason()
    {
        var stamp = Stamp.Of("  reporter  ", Stamps.Monday, "   ");

        stamp.Actor.ShouldBe("reporter");
        stamp.At.ShouldBe(Stamps.Monday);
        stamp.Reason.ShouldBeNull();
    }

    [Fact]
    public void StampOf_MissingActorOrOverlongReason_Throws()
    {
        Should.Throw<DomainException>(() => Stamp.Of(" ", Stamps.Monday)).Field.ShouldBe("actor");
        Should.Throw<DomainException>(() => Stamp.Of("a", Stamps.Monday, new string('r', Stamp.ReasonMaxLength + 1)))
            .Field.ShouldBe("reason");
    }
}
