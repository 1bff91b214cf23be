using Luoshi.Application.Notifications;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Notifications;

/// <summary>发送失败: outbox rows whose last attempt failed, still being retried or given up; for admins (the use case checks).</summary>
public sealed class FailuresModel(DeliveryFailures failures) : PageModel
{
    public IReadOnlyList<DeliveryFailureView> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await failures.Handle(200, ct);
}
