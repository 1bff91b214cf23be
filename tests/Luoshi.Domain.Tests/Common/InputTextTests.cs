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

    [Fact]
    public void HalfASurrogatePair_IsRefused()
    {
        // Built in code: a test attribute's text cannot carry half a pair intact.
        char high = (char)0xD800, low = (char)0xDC00;
        foreach (var text in new[] { $"{high}", $"a{low}b", $"{high}{high}", $"{low}{high}" })
        {
            InputText.Problem(text)!.Value.En.ShouldContain("surrogate");
        }

        InputText.Problem($"{high}{low}").ShouldBeNull();
    }

    [Fact]
    public void Require_NamesTheField() =>
        Should.Throw<DomainException>(() => InputText.Require("a\0", "comment")).Field.ShouldBe("comment");
}
