using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Plans;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Indicators;

public sealed class CreateModel(SaveIndicator save, ListOrgUnits units, ListPlanItems plans) : PageModel
{
    [BindProperty]
    public IndicatorInput Input { get; set; } = new();

    public IndicatorFormModel Form { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.Decimals = 2;
        Input.DueDay = 20;
        Form = await IndicatorFormModel.Load(Input, true, units, plans, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var indicator = await save.Create(Input.ToRequest(), ct);
                return Redirect($"/indicators/{Uri.EscapeDataString(indicator.Code)}");
            }
            catch (Exception e) when (FormErrors.TryAdd(ModelState, e, typeof(IndicatorInput)))
            {
            }
        }

        Form = await IndicatorFormModel.Load(Input, true, units, plans, ct);
        return Page();
    }
}
