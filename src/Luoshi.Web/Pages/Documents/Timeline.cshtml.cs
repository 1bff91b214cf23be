using System.Globalization;
using Luoshi.Application.Documents;
using Luoshi.Domain.Documents;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Documents;

/// <summary>
/// 提法时间线: each formulation across the documents in date order — where it was first seen, how often each
/// document and each year quoted it — as a heat map (formulations × documents) and a table, filtered by a
/// part of the term and to numbered formulations.
/// </summary>
public sealed class TimelineModel(GetPhraseTimeline timeline, IStringLocalizer<UiText> text) : PageModel
{
    /// <summary>Rows of the heat map: more than this many formulations make a chart nobody reads; the table holds them all.</summary>
    public const int ChartRows = 25;

    [BindProperty(SupportsGet = true)]
    public string? Term { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Numbered { get; set; }

    public IReadOnlyList<TermTimeline> Lines { get; private set; } = [];

    public IReadOnlyList<string> AllTerms { get; private set; } = [];

    /// <summary>The documents that quote any of the shown formulations, in date order (the chart's columns).</summary>
    public IReadOnlyList<DocumentRef> Documents { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public ChartSpec? Chart { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await timeline.Handle(new GetPhraseTimeline.Query(null, Numbered), ct);
        AllTerms = [.. all.Select(t => t.Term).Order(StringComparer.Ordinal)];
        var filter = Term?.Trim();
        Lines = string.IsNullOrEmpty(filter) ? all : [.. all.Where(t => t.Term.Contains(filter, StringComparison.Ordinal))];
        Documents = [.. Lines.SelectMany(l => l.Documents.Select(d => d.Document)).DistinctBy(d => d.Id)
            .OrderBy(d => d.Date is null).ThenBy(d => d.Date).ThenBy(d => d.Id)];
        Years = [.. Lines.SelectMany(l => l.Years.Select(y => y.Year)).Distinct().Order()];
        if (Lines.Count > 0)
        {
            var rows = Lines.Take(ChartRows).ToList();
            Chart = new ChartSpec(
                ChartSpec.Heatmap,
                [.. Documents.Select(Label)],
                [.. rows.Select(l => new ChartSeries(
                    l.Term,
                    "main",
                    [.. Documents.Select(d => l.Documents.FirstOrDefault(x => x.Document.Id == d.Id) is { } x ? (decimal?)x.Count : null)]))],
                text["Timeline.Times"],
                0);
        }
    }

    public static int? CountIn(TermTimeline line, int year) => line.Years.FirstOrDefault(y => y.Year == year)?.Count;

    private static string Label(DocumentRef d)
    {
        var title = d.Title.Length > 14 ? d.Title[..13] + "…" : d.Title;
        return d.Date is { } date ? $"{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\n{title}" : title;
    }
}
