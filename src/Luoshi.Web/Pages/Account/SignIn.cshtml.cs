using Luoshi.Application.Identity;
using Luoshi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Account;

/// <summary>Sign-in with name and password (a cookie for the browser); sign-out. Wrong passwords count towards the account's lockout.</summary>
[EnableRateLimiting(SecurityServices.SignInLimit)]
public sealed class SignInModel(SignIn signIn, IStringLocalizer<Ui.UiText> text) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (outcome, user) = await signIn.Handle(Name, Password, ct);
        if (user is null)
        {
            Error = outcome == SignInOutcome.LockedOut ? text["Account.Locked"] : text["Account.Failed"];
            Password = null;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, LuoshiClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage();
    }
}
