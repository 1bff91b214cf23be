using Luoshi.Application.Documents;

namespace Luoshi.Application.Tests.Documents;

public sealed class ConverterTests
{
    [Fact]
    public void Best_IsOpenCc_WhereTheDebianPackagesAreInstalled()
    {
        var best = ChineseConverters.Best();

        if (File.Exists("/usr/share/opencc/t2s.json"))
        {
            best.Name.ShouldBe("opencc:t2s.json");
        }

        best.Warning.ShouldBeNull();
        best.Convert("浙江省委召開新春第一會，全麵貫徹新發展理念").ShouldBe("浙江省委召开新春第一会，全面贯彻新发展理念");
    }

    [Fact]
    public void Icu_ConvertsCharacterByCharacter_AsTheFallback()
    {
        var failures = new List<string>();
        var icu = IcuConverter.TryCreate(failures);

        icu.ShouldNotBeNull(string.Join("; ", failures));
        icu.Name.ShouldStartWith("icu");
        icu.Convert("國內經濟運行穩中向好").ShouldBe("国内经济运行稳中向好");
        icu.Convert(string.Empty).ShouldBeEmpty();
    }

    [Fact]
    public void OpenCc_LeavesSimplifiedTextAlone_AndSurvivesNulCharacters()
    {
        var failures = new List<string>();
        var openCc = OpenCcConverter.TryCreate(failures);
        if (openCc is null)
        {
            return;
        }

        openCc.Convert("核心任务，新增就业").ShouldBe("核心任务，新增就业");
        openCc.Convert("前\0後").ShouldBe("前后");
    }
}
