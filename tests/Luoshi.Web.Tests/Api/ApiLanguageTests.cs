using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Luoshi.Web.Tests.Infrastructure;

namespace Luoshi.Web.Tests.Api;

/// <summary>
/// The API's words follow <c>Accept-Language</c>: Chinese or English alone when the client names one, both (Chinese
/// first) when it names neither. Keys, codes and field names stay as they are.
/// </summary>
public sealed partial class ApiLanguageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("en-US,en;q=0.9", false, true)]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8", true, false)]
    [InlineData("fr;q=0.9, en;q=0.5", false, true)]
    [InlineData("de", true, true)]
    [InlineData(null, true, true)]
    public async Task Refusal_IsWrittenInTheAcceptedLanguage(string? accept, bool chinese, bool english)
    {
        var app = await fixture.For(Db.Sqlite);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/readings")
        {
            Content = JsonContent.Create(new { indicator = "NOPE", org = "330102", period = "2026-13", value = 1 }),
        };
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", accept);
        }

        var response = await app.Client.SendAsync(request);

        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest, "period");
        var said = string.Join("\n", problem["title"]!.GetValue<string>(), problem["detail"]!.GetValue<string>(), problem["errors"]!.ToJsonString());
        Han().IsMatch(said).ShouldBe(chinese, said);
        said.Contains("period must look like", StringComparison.Ordinal).ShouldBe(english, said);
        response.Headers.Vary.ShouldContain("Accept-Language");
    }

    [Fact]
    public async Task NotFound_InEnglish_NamesTheThingInEnglishOnly()
    {
        var app = await fixture.For(Db.Sqlite);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/org-units/999999");
        request.Headers.TryAddWithoutValidation("Accept-Language", "en");

        var problem = await (await app.Client.SendAsync(request)).ShouldBeProblem(HttpStatusCode.NotFound);

        problem["detail"]!.GetValue<string>().ShouldBe("org unit '999999' was not found");
        problem["title"]!.GetValue<string>().ShouldBe("not found");
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
