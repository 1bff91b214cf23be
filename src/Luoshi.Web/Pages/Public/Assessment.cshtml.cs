using Luoshi.Application.Publication;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Web.Pages.Public;

/// <summary>The published assessment runs (综合考核结果通报), newest first.</summary>
public sealed class AssessmentModel(PublicPortal portal) : PublicPageModel
{
    public IReadOnlyList<PublicRun> Runs { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Answer(async () => Runs = await portal.Runs(ct));
}
