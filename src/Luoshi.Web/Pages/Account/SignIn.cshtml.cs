using Luoshi.Application.Identity;
using Luoshi.Web.Infrastructure.Security;
using Luoshi.Web.Infrastructure.Security.Oidc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Account;

/// <summary>Sign-in with name and password (a cookie for the browser); sign-out. Wrong passwords count towards the account's lockout.</summary>
[EnableRateLimiting(SecurityServices.SignInLimit)]
public sealed class SignInModel(SignIn signIn, ExternalSignInOption external, IStringLocalizer<Ui.UiText> text) : PageModel
{
    /// <summary>The configured OpenID Connect provider, if any: the page offers a button for it.</summary>
    public ExternalSignInOption External => external;

    /// <summary>Where a signed-in browser goes next after an external sign-in (see <see cref="OnGetContinue"/>).</summary>
    public string? ContinueTo { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <param name="external">Why an external sign-in was refused (<see cref="OidcRefusal"/>, lower case), when it was.</param>
    public void OnGet(string? external)
    {
        if (external is not null)
        {
            Error = Enum.TryParse<OidcRefusal>(external, ignoreCase: true, out var refusal) && refusal != OidcRefusal.Failed
                ? text["Account.External." + refusal]
                : text["Account.External.Failed"];
        }
    }

    /// <summary>Sends the browser to the OpenID Connect provider; it comes back through the callback, then to <see cref="OnGetContinue"/>.</summary>
    public async Task<IActionResult> OnGetOidc()
    {
        if (!external.Enabled)
        {
            return NotFound();
        }

        if (!await OidcServices.ProviderReachableAsync(HttpContext))
        {
            return Redirect(OidcServices.RefusedPath(OidcRefusal.Unavailable));
        }

        var back = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
        return Challenge(new AuthenticationProperties { RedirectUri = Url.Page("/Account/SignIn", "Continue", new { returnUrl = back }) }, OidcServices.SchemeName);
    }

    /// <summary>
    /// The end of an external sign-in. The browser arrives here at the end of redirects that began on the
    /// provider's site, where it withholds our same-site (Strict) cookie; a page of our own that moves on by
    /// itself makes the next request a same-site one, which carries it.
    /// </summary>
    public void OnGetContinue() => ContinueTo = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

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
