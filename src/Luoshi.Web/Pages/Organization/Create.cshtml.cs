using Luoshi.Application.Organization;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Organization;

public sealed class CreateModel(CreateOrgUnit create, ListOrgUnits list) : PageModel
{
    [BindProperty]
    public OrgUnitInput Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public IReadOnlyList<OrgUnitView> Parents { get; private set; } = [];

    public async Task OnGetAsync(string? parent, CancellationToken ct)
    {
        Input.Parent = parent;
        Parents = await OrgUnitParents.Load(list, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var unit = await create.Handle(new(Input.Code, Input.Name, Input.Kind, Input.Parent), ct);
            Saved = unit.Name;
            return RedirectToPage("Index");
        }
        catch (Exception e) when (FormErrors.TryAdd(ModelState, e, typeof(OrgUnitInput)))
        {
            Parents = await OrgUnitParents.Load(list, ct);
            return Page();
        }
    }
}
