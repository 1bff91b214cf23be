using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Plans;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Indicators;

/// <summary>Redefines an indicator. The form carries the version it was read at; a stale one is refused, not overwritten.</summary>
public sealed class EditModel(GetIndicator get, SaveIndicator save, ListOrgUnits units, ListPlanItems plans) : PageModel
{
    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    public IndicatorFormModel Form { get; private set; } = null!;

    public bool Stale { get; private set; }

    public async Task OnGetAsync(string code, CancellationToken ct)
    {
        Input = IndicatorInput.From(await get.Handle(code, ct));
        Form = await IndicatorFormModel.Load(Input, false, units, plans, ct);
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        Input.Code = code;
        if (ModelState.IsValid)
        {
            try
            {
                var indicator = await save.Update(code, Input.ToRequest(), ct);
                return Redirect($"/indicators/{Uri.EscapeDataString(indicator.Code)}");
            }
            catch (Exception e) when (FormErrors.TryAdd(ModelState, e, typeof(IndicatorInput)))
            {
                Stale = FormErrors.IsStale(e);
            }
        }

        Form = await IndicatorFormModel.Load(Input, false, units, plans, ct);
        return Page();
    }
}
