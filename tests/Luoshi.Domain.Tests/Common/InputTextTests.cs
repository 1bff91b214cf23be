using Luoshi.Domain.Common;

namespace Luoshi.Domain.Tests.Common;

public sealed class InputTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("地区生产总值增长6%左右")]
    [InlineData("第一行\r\n第二行\t注\f下一页")]
    [InlineData("𠀀𠀁 emoji 😀")]
    [InlineData("\u202e右到左\u202c")]
    [InlineData("<script>alert(1)</script>'; DROP TABLE x; --")]
    public void Text_PeopleWrite_IsAccepted(string text) => InputText.Problem(text).ShouldBeNull();

    [Theory]
    [InlineData("\0", "U+0000")]
    [InlineData("a\u0001", "U+0001")]
    [InlineData("\u001b[31m", "U+001B")]
    [InlineData("\u007f", "U+007F")]
    [InlineData("\u0085", "U+0085")]
    [InlineData("\uFFFE", "U+FFFE")]
    public void ControlCharactersAndNoncharacters_AreRefusedNamingTheCharacter(string text, string named) =>
        InputText.Problem(text)!.Value.En.ShouldContain(named);

    [Theory]
    [InlineData("\ud800")]
    [InlineData("a\udc00b")]
    [InlineData("\ud800\ud800")]
    public void HalfASurrogatePair_IsRefused(string text) => InputText.Problem(text)!.Value.En.ShouldContain("surrogate");

    [Fact]
    public void Require_NamesTheField() =>
        Should.Throw<DomainException>(() => InputText.Require("a\0", "comment")).Field.ShouldBe("comment");
}
