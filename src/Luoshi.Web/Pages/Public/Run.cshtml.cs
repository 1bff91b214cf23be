using Luoshi.Application.Assessment;
using Luoshi.Application.Publication;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Web.Pages.Public;

/// <summary>One published run as it was announced: rank, unit, score and grade, with the scheme and the as-of date. A draft or superseded run is a 404.</summary>
public sealed class RunModel(PublicPortal portal) : PublicPageModel
{
    public AssessmentResult Result { get; private set; } = null!;

    public PublicRun? Announcement { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        Result = await portal.Run(id, ct);
        Announcement = (await portal.Runs(ct)).FirstOrDefault(r => r.Id == id);
        return Page();
    }
}
