using Luoshi.Application.Assessment;
using Luoshi.Application.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Assessment;

/// <summary>
/// The run as a printable report (A4 portrait): the ranking, then every unit's points criterion by criterion.
/// It is the circular that is announced, so it is written in Chinese whatever the reader's language.
/// </summary>
public sealed class PrintModel(GetRun get, AssessmentCatalog catalog, LocalCalendar calendar) : PageModel
{
    public AssessmentView View { get; private set; } = null!;
    public DateTimeOffset PrintedAt { get; private set; }

    public async Task OnGetAsync(int id, CancellationToken ct)
    {
        View = await AssessmentView.Load(id, get, catalog, ct);
        PrintedAt = calendar.Now;
    }
}
