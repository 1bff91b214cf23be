using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Account;

/// <summary>
/// Asks before signing out. The frame links here instead of carrying a sign-out form, so that rendering a page
/// needs no antiforgery token; the confirming form posts to <see cref="SignInModel.OnPostSignOutAsync"/>.
/// </summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Account/SignIn");
}
