using Luoshi.Application.Publication;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Web.Pages.Public;

/// <summary>A public indicator's chart and its table for an iframe, its filters kept (the framing origins are set by the security headers).</summary>
public sealed class EmbedModel(PublicPortal portal, UiFormat format, UiContext ui, Infrastructure.Caching.AnswerCache answers) : PublicPageModel
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

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
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

    public string PagePath => PublicFormat.Query(
        $"/public/indicators/{Uri.EscapeDataString(Code)}",
        Data is null ? [("org", Org), ("from", From), ("to", To)] : [("org", Data.Org.Code), ("from", Data.From), ("to", Data.To)]);
}
