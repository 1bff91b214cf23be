using Luoshi.Application.Notifications;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Notifications;

/// <summary>
/// 我的通知: everything sent to the units the signed-in person works for, newest first, with when each reached them by
/// which channel (or why not yet), and the form where they set their email address and how email reaches them.
/// </summary>
public sealed class IndexModel(MyNotifications mine, NotificationPreferences preferences) : PageModel
{
    public sealed class PreferencesInput
    {
        public string? Email { get; set; }

        public bool Digest { get; set; } = true;

        public List<string> Muted { get; set; } = [];
    }

    [BindProperty]
    public PreferencesInput Input { get; set; } = new();

    [TempData]
    public bool Saved { get; set; }

    public MyNotificationsView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await mine.Handle(200, ct);
        Input = new PreferencesInput { Email = View.Email, Digest = View.Digest, Muted = [.. View.MutedKinds] };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await preferences.Handle(new NotificationPreferences.Request(Input.Email, Input.Digest, Input.Muted), ct);
            Saved = true;
            return RedirectToPage("Index");
        }
        catch (Exception e) when (FormErrors.TryAdd(ModelState, e, typeof(PreferencesInput)))
        {
            View = await mine.Handle(200, ct);
            return Page();
        }
    }
}
