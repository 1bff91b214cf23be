using Luoshi.Application.Evaluation;
using Luoshi.Application.Publication;
using Luoshi.Domain.Evaluation;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Web.Pages.Public;

/// <summary>The public indicators, each with its latest light at the unit chosen (the province by default).</summary>
public sealed class IndicatorsModel(PublicPortal portal, Ui.UiContext ui, Infrastructure.Caching.AnswerCache answers) : PublicPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Org { get; set; }

    public sealed record Line(SnapshotIndicator Indicator, EvaluationRowView? Latest);

    public PublicHome? Home { get; private set; }

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public IReadOnlyList<PublicUnit> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await KeptAsync(portal, answers, ui.Today, ct) is { } kept)
        {
            return kept;
        }

        var answer = await Answer(async () =>
        {
            Home = await portal.Home(Org, ct);
            var snap = await portal.Snapshot(ct);
            var codes = await portal.PublicIndicatorCodes(ct);
            var latest = Home.Headlines.ToDictionary(h => h.Indicator, StringComparer.Ordinal);
            Lines = [.. snap.Snapshot.Indicators.Where(i => codes.Contains(i.Code) && snap.IsPublic(i.Code))
                .OrderBy(i => i.Code, StringComparer.Ordinal)
                .Select(i => new Line(i, latest.GetValueOrDefault(i.Code)))];
        });
        Units = (Home ?? await portal.Home(null, ct)).Units;
        return answer;
    }
}
