using Luoshi.Domain.Common;
using Luoshi.Domain.Policies;

namespace Luoshi.Domain.Tests.Policies;

public sealed class CreditCodeTests
{
    // The first is the example of GB 32100-2015 itself; the others were computed by hand from the standard's weights
    // (1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28), one of them with a sum divisible by 31 (check character 0).
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000600037341L")]
    [InlineData("91330106MA27XL0E27")]
    [InlineData("92330281MA2H1J3K4U")]
    [InlineData("12330000470051726F")]
    [InlineData("913301000000000170")]
    [InlineData("91330100MA0000006Y")]
    public void Require_AcceptsCodesWhoseCheckCharacterAgrees(string code)
    {
        CreditCode.Require(code, "enterprise").ShouldBe(code);
    }

    [Fact]
    public void Require_ReadsLowerCaseAndSurroundingSpaceAsTheCode()
    {
        CreditCode.Require("  91350100m000100y43 ", "enterprise").ShouldBe("91350100M000100Y43");
    }

    [Theory]
    [InlineData("91350100M000100Y44", "check")]          // last character changed
    [InlineData("91350100M000100Y4", "18")]              // one short
    [InlineData("91350100M000100Y433", "18")]            // one long
    [InlineData("", "18")]
    [InlineData("91350100I000100Y43", "('I')")]               // I, O, S, V, Z are not in the code's alphabet
    [InlineData("91350100O000100Y43", "('O')")]
    [InlineData("91350100S000100Y43", "('S')")]
    [InlineData("91350100V000100Y43", "('V')")]
    [InlineData("91350100Z000100Y43", "('Z')")]
    [InlineData("91350100M0001 0Y43", "not allowed")]
    [InlineData("９1350100M000100Y43", "not allowed")]   // a full-width digit
    [InlineData("91350100M000100'43", "not allowed")]
    [InlineData("91350100M000100Y34", "check")]          // two characters swapped
    public void Require_RefusesMalformedCodes_NamingTheField(string code, string fragment)
    {
        var e = Should.Throw<DomainException>(() => CreditCode.Require(code, "enterprise"));
        e.Field.ShouldBe("enterprise");
        e.Detail.En.ShouldContain(fragment);
    }

    [Fact]
    public void Require_RefusesNull()
    {
        Should.Throw<DomainException>(() => CreditCode.Require(null, "enterprise")).Field.ShouldBe("enterprise");
    }

    [Fact]
    public void CheckCharacter_CatchesEverySingleCharacterChange()
    {
        const string valid = "91350100M000100Y43";
        for (int i = 0; i < 17; i++)
        {
            foreach (char c in CreditCode.Alphabet)
            {
                if (c == valid[i])
                {
                    continue;
                }

                var changed = valid[..i] + c + valid[(i + 1)..];
                CreditCode.IsValid(changed).ShouldBeFalse(changed);
            }
        }
    }
}
