using Luoshi.Application.Publication;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Web.Pages.Public;

/// <summary>A public indicator's chart and its table for an iframe, its filters kept (the framing origins are set by the security headers).</summary>
public sealed class EmbedModel(PublicPortal portal, UiFormat format, UiContext ui, Infrastructure.Caching.AnswerCache answers) : PublicIndicatorModel(portal, format, ui, answers)
{
    public Task<IActionResult> OnGetAsync(string code, CancellationToken ct) => LoadAsync(code, ct);

    public string PagePath => PublicFormat.Query($"/public/indicators/{Uri.EscapeDataString(Code)}", Filters);
}
