using Luoshi.Application.Common;
using Luoshi.Application.Organization;
using Luoshi.Application.Reporting;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Reporting;

/// <summary>
/// 及时性: every reporting unit × month, on time, late or missing, with the totals and the units that never
/// submitted anything in the range — the owners who never update.
/// </summary>
public sealed class TimelinessModel(TimelinessReport report, ListOrgUnits orgUnits, ICurrentActor actor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The unit whose subtree is shown; the reader's own unit when their grants are bound to one.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Under { get; set; }

    public TimelinessView View { get; private set; } = null!;
    public IReadOnlyDictionary<string, OrgUnitView> Units { get; private set; } = new Dictionary<string, OrgUnitView>();
    public IReadOnlyList<OrgUnitView> Choices { get; private set; } = [];
    public IReadOnlyList<Period> Months { get; private set; } = [];

    /// <summary>A refused range, in the reader's language.</summary>
    public string? Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await orgUnits.Handle(new(), ct);
        Units = all.ToDictionary(u => u.Code, StringComparer.Ordinal);
        Under ??= actor.GrantUnits(Permission.ReadAll).FirstOrDefault();
        Choices = [.. all.Where(u => u.Kind is OrgUnitKind.Province or OrgUnitKind.City && actor.Can(Permission.ReadAll, u.Path))];
        try
        {
            View = await report.Handle(From, To, Under, null, ct);
        }
        catch (DomainException e)
        {
            Refused = Ui.UiFormat.Message(e.Message);
            From = To = null;
            View = await report.Handle(null, null, Under, null, ct);
        }

        Months = [.. View.Units.FirstOrDefault()?.Cells.Select(c => Period.Parse(c.Period)) ?? []];
    }

    /// <summary>How deep below the top of the table a unit sits, for indenting it.</summary>
    public int Depth(string code) => Units.TryGetValue(code, out var u) ? u.Kind switch
    {
        OrgUnitKind.County => 1,
        _ => 0,
    } : 0;
}
