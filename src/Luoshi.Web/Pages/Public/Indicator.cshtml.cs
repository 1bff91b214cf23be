using Luoshi.Application.Publication;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Public;

/// <summary>
/// A public indicator at one unit over a run of periods: the trend with its target, the data table under it, a text
/// summary, the units under it compared, and the links to the same data as a download and as an embed.
/// </summary>
public sealed class IndicatorModel(PublicPortal portal, UiFormat format, UiContext ui, Infrastructure.Caching.AnswerCache answers) : PublicIndicatorModel(portal, format, ui, answers)
{
    public IReadOnlyList<PublicUnit> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var answer = await LoadAsync(code, ct);
        if (answer is not PageResult)
        {
            return answer;
        }

        // A refused filter still shows the form, with the units to choose from (and an unknown code is still a 404).
        Units = (Data ?? await Portal.Indicator(code, null, null, null, ct)).Units;
        return answer;
    }

    public string EmbedPath => PublicFormat.Query($"/public/embed/indicator/{Uri.EscapeDataString(Code)}", Filters);

    public string DataPath(string extension) => PublicFormat.Query($"/public/data/indicators.{extension}", [("indicator", Code), .. Filters]);

    public string EmbedSnippet(string title) =>
        $"<iframe src=\"{Request.Scheme}://{Request.Host}{EmbedPath}\" title=\"{System.Net.WebUtility.HtmlEncode(title)}\" width=\"100%\" height=\"640\" loading=\"lazy\" style=\"border:0\"></iframe>";
}
