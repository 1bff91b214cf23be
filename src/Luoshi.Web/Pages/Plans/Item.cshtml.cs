using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Plans;
using Luoshi.Application.Readings;
using Luoshi.Domain.Common;
using Luoshi.Domain.Organization;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Plans;

/// <summary>One plan item (typically a task): where it sits, who owns it, its milestones and sub-items, and the indicators that measure it.</summary>
public sealed class ItemModel(GetPlanItem get, ListPlanItems plans, ListOrgUnits orgUnits, ListIndicators indicators, Figures figures, UiContext ui) : PageModel
{
    public PlanNode Node { get; private set; } = null!;
    public PlanTree Tree { get; private set; } = null!;
    public IReadOnlyList<PlanItemView> Ancestors { get; private set; } = [];
    public IReadOnlyList<Measure> Measures { get; private set; } = [];
    public OrgUnitView? Province { get; private set; }

    /// <summary>An indicator linked to this item or an item below it, with the province's latest value.</summary>
    public sealed record Measure(IndicatorView Indicator, string LinkedTo, ReadingView? Latest, YearOnYear? Change, TargetView? Target);

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        var item = await get.Handle(code, ct);
        var units = await orgUnits.Handle(new(), ct);
        Tree = PlanTree.Build(await plans.Handle(new(), ct), units, ui.Today);
        Node = Tree.ByCode[item.Code];
        Ancestors = Tree.Ancestors(item);
        Province = units.FirstOrDefault(u => u.Kind == OrgUnitKind.Province);

        var within = PlanTree.Descendants(Node).Select(n => n.Item.Code).Prepend(item.Code).ToHashSet(StringComparer.Ordinal);
        var list = new List<Measure>();
        foreach (var indicator in await indicators.Handle(ct))
        {
            var linked = indicator.PlanItems.Where(within.Contains).ToList();
            if (linked.Count == 0)
            {
                continue;
            }

            list.Add(await MeasureOf(indicator, linked[0], ct));
        }

        Measures = list;
    }

    private async Task<Measure> MeasureOf(IndicatorView indicator, string linkedTo, CancellationToken ct)
    {
        if (Province is null)
        {
            return new Measure(indicator, linkedTo, null, null, null);
        }

        var series = await figures.Series(indicator, Province.Code, ui.Today.Year - 2, ct);
        var latest = series.Count > 0 ? series[^1] : null;
        YearOnYear? change = null;
        TargetView? target = null;
        if (latest is not null)
        {
            var period = Period.Parse(latest.Period);
            var before = series.FirstOrDefault(r => r.Period == period.SamePeriodLastYear.ToString());
            change = YearOnYear.Of(latest.Value, before?.Value, indicator.Unit);
            target = (await figures.AnnualTargets(indicator.Code, Province.Code, ct)).GetValueOrDefault(period.Year);
        }

        return new Measure(indicator, linkedTo, latest, change, target);
    }
}
