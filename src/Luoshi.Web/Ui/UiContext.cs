using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Common;

namespace Luoshi.Web.Ui;

/// <summary>What every page needs to know about the request: the language, today's date, and whether the data is the demo province.</summary>
public sealed class UiContext(DemoFlag demo, Deferred<LuoshiDbContext> db, LocalCalendar calendar)
{
    private bool? _isDemo;

    public static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    public static string LanguageTag => IsChinese ? "zh-CN" : "en";

    /// <summary>Today on the one calendar (China's day, whatever zone the server runs in).</summary>
    public DateOnly Today => calendar.Today;

    /// <summary>The latest month that is over today: on a month's last day, that month.</summary>
    public Period LastCompleteMonth => calendar.LastCompleteMonth;

    public async Task<bool> IsDemoAsync(CancellationToken ct = default) => _isDemo ??= await demo.IsDemo(db, ct);
}
