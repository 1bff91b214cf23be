using Luoshi.Application.Assessment;
using Luoshi.Application.Common;
using Luoshi.Domain.Assessment;
using Luoshi.Domain.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Assessment;

/// <summary>
/// One unit's result taken apart: every criterion (source, raw value, method, points earned of those available,
/// the explanation), the bonuses and deductions with the caps that bound them, the veto, and how the grade was decided.
/// </summary>
public sealed class UnitModel(GetRun get, AssessmentCatalog catalog) : PageModel
{
    public AssessmentView View { get; private set; } = null!;
    public UnitResultView Unit { get; private set; } = null!;
    public Text GradeReason { get; private set; }

    public async Task OnGetAsync(int id, string org, CancellationToken ct)
    {
        View = await AssessmentView.Load(id, get, catalog, ct);
        Unit = View.Run.Results.FirstOrDefault(r => r.Org == org) ?? throw new NotFoundException(new Text("考核对象", "assessed unit"), org);
        GradeReason = Scoring.ExplainGrade(View.Scheme, Unit.Score, Unit.Rank, Unit.Vetoed ? Unit.VetoReason ?? string.Empty : null);
    }
}
