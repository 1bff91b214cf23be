using Luoshi.Application.Publication;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Web.Pages.Public;

/// <summary>
/// What the indicator page and its embed share: the filters bound from the URL, the indicator's public answer and its
/// chart, read from the kept page when one is kept for this address.
/// </summary>
public abstract class PublicIndicatorModel(PublicPortal portal, UiFormat format, UiContext ui, Infrastructure.Caching.AnswerCache answers) : PublicPageModel
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

    /// <summary>The filters the page answered (or, refused, those asked for), for the links that keep them.</summary>
    public (string Key, string? Value)[] Filters => Data is null ? [("org", Org), ("from", From), ("to", To)] : [("org", Data.Org.Code), ("from", Data.From), ("to", Data.To)];

    protected PublicPortal Portal => portal;

    /// <summary>The kept page, or the indicator read and charted (a refused filter becomes the page's 400).</summary>
    protected async Task<IActionResult> LoadAsync(string code, CancellationToken ct)
    {
        Code = code;
        if (await KeptAsync(portal, answers, ui.Today, ct) is { } kept)
        {
            return kept;
        }

        return await Answer(async () =>
        {
            Data = await portal.Indicator(code, Org, From, To, ct);
            Chart = PublicCharts.Trend(Data, format);
        });
    }
}
