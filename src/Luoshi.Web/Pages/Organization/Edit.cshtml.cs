using Luoshi.Application.Organization;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Organization;

/// <summary>Renames, re-kinds or moves a unit. The form carries the version it was read at; a stale one is refused, not overwritten.</summary>
public sealed class EditModel(GetOrgUnit get, UpdateOrgUnit update, ListOrgUnits list) : PageModel
{
    [BindProperty]
    public OrgUnitInput Input { get; set; } = new();

    [TempData]
    public string? Saved { get; set; }

    public IReadOnlyList<OrgUnitView> Parents { get; private set; } = [];

    /// <summary>Someone else saved the unit after this form was read.</summary>
    public bool Stale { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        var unit = await get.Handle(code, ct);
        Input = new OrgUnitInput { Code = unit.Code, Name = unit.Name, Kind = unit.Kind, Parent = unit.Parent, Version = unit.Version };
        Parents = await OrgUnitParents.Load(list, ct);
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        Input.Code = code;
        try
        {
            // The use case reads a missing name as "keep it"; a form sent with the name cleared means an empty name.
            var unit = await update.Handle(code, new(Input.Name ?? string.Empty, Input.Kind, Input.Parent, Input.Version), ct);
            Saved = unit.Name;
            return RedirectToPage("Index");
        }
        catch (Exception e) when (FormErrors.TryAdd(ModelState, e, typeof(OrgUnitInput)))
        {
            Stale = FormErrors.IsStale(e);
            Parents = await OrgUnitParents.Load(list, ct);
            return Page();
        }
    }
}
