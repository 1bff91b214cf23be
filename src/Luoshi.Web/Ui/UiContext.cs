using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Data;

namespace Luoshi.Web.Ui;

/// <summary>What every page needs to know about the request: the language, today's date, and whether the data is the demo province.</summary>
public sealed class UiContext(DemoFlag demo, Deferred<LuoshiDbContext> db, TimeProvider clock)
{
    private bool? _isDemo;

    public static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    public static string LanguageTag => IsChinese ? "zh-CN" : "en";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<bool> IsDemoAsync(CancellationToken ct = default) => _isDemo ??= await demo.IsDemo(db, ct);
}
