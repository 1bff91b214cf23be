using Luoshi.Application.Publication;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Web.Pages.Public;

/// <summary>
/// A public indicator at one unit over a run of periods: the trend with its target, the data table under it, a text
/// summary, the units under it compared, and the links to the same data as a download and as an embed.
/// </summary>
public sealed class IndicatorModel(PublicPortal portal, UiFormat format, UiContext ui, Infrastructure.Caching.AnswerCache answers) : PublicPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public string Code { get; private set; } = string.Empty;

    public PublicIndicatorPage? Data { get; private set; }

    public ChartSpec? Chart { get; private set; }

    public IReadOnlyList<PublicUnit> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Code = code;
        if (await KeptAsync(portal, answers, ui.Today, ct) is { } kept)
        {
            return kept;
        }

        var answer = await Answer(async () =>
        {
            Data = await portal.Indicator(code, Org, From, To, ct);
            Chart = PublicCharts.Trend(Data, format);
        });

        // A refused filter still shows the form, with the units to choose from (and an unknown code is still a 404).
        Units = (Data ?? await portal.Indicator(code, null, null, null, ct)).Units;
        return answer;
    }

    /// <summary>The query of the filters shown (the ones the page answered), for the links that keep them.</summary>
    public (string Key, string? Value)[] Filters => Data is null ? [("org", Org), ("from", From), ("to", To)] : [("org", Data.Org.Code), ("from", Data.From), ("to", Data.To)];

    public string EmbedPath => PublicFormat.Query($"/public/embed/indicator/{Uri.EscapeDataString(Code)}", Filters);

    public string DataPath(string extension) => PublicFormat.Query($"/public/data/indicators.{extension}", [("indicator", Code), .. Filters]);

    public string EmbedSnippet(string title) =>
        $"<iframe src=\"{Request.Scheme}://{Request.Host}{EmbedPath}\" title=\"{System.Net.WebUtility.HtmlEncode(title)}\" width=\"100%\" height=\"640\" loading=\"lazy\" style=\"border:0\"></iframe>";
}
