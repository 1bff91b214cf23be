using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Luoshi.Web.Pages.Public;

/// <summary>
/// A page of the public portal. Its filters come from the query string (every filter lives in the URL); a filter that
/// does not parse or names no unit is answered 400 with the field it was, shown on the page, and an unknown or
/// non-public code is the UI's 404 page (<see cref="Ui.PageExceptionFilter"/>).
/// </summary>
public abstract class PublicPageModel : PageModel
{
    /// <summary>
    /// The key the page's rendered body is kept under (<see cref="Infrastructure.Caching.KeptHtmlTagHelper"/>), shared by
    /// every visitor, signed in or not; null when the body is not to be kept (a refused filter).
    /// </summary>
    public string? RenderKey { get; private set; }

    /// <summary>
    /// For a page drawn only from the public snapshot: the whole page as it was last written for the same address,
    /// language, day and host (the embed code names it), when both its body and its frame are kept (null: work it out and render it). The key names the
    /// snapshot (its version and build time: a new snapshot, and so any approval that reaches the public, makes a new key)
    /// and the codes public now (a switch off counts at once, before the snapshot is rebuilt).
    /// </summary>
    protected async Task<IActionResult?> KeptAsync(Application.Publication.PublicPortal portal, Infrastructure.Caching.AnswerCache answers, DateOnly today, CancellationToken ct)
    {
        if (!answers.Enabled)
        {
            return null;
        }

        var snapshot = await portal.Snapshot(ct);
        var codes = await portal.PublicIndicatorCodes(ct);
        RenderKey = string.Join(
            '|',
            "public",
            snapshot.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            snapshot.BuiltAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string.Join(',', codes.Order(StringComparer.Ordinal)),
            today.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
            System.Globalization.CultureInfo.CurrentUICulture.Name,
            Request.Scheme,
            Request.Host.Value,
            Request.Path.Value,
            Request.QueryString.Value);
        return Infrastructure.Caching.KeptPage.Serve(HttpContext, answers, RenderKey, RenderKey + "|frame");
    }

    /// <summary>The refused filter's field and why, when the page could not answer it.</summary>
    public FieldError? Refused { get; private set; }

    protected async Task<IActionResult> Answer(Func<Task> load)
    {
        try
        {
            await load();
            return Page();
        }
        catch (DomainException e)
        {
            return Refuse(new FieldError(e.Field, e.Detail));
        }
        catch (InputRefusedException e) when (e.Errors.Count > 0)
        {
            return Refuse(e.Errors[0]);
        }
        catch (NotFoundException e) when (e.Entity.En is "org" or "org unit")
        {
            // An org filter naming no unit is a bad filter, not a missing page.
            return Refuse(new FieldError("org", e.Detail));
        }
    }

    /// <summary>The codes of the province, its cities and counties: the units a page about places lists (not departments or reference units).</summary>
    protected static async Task<HashSet<string>> RegionCodes(Application.Publication.PublicPortal portal, CancellationToken ct) =>
        (await portal.Snapshot(ct)).Snapshot.Units
            .Where(u => u.Kind is Domain.Organization.OrgUnitKind.Province or Domain.Organization.OrgUnitKind.City or Domain.Organization.OrgUnitKind.County)
            .Select(u => u.Code).ToHashSet(StringComparer.Ordinal);

    private PageResult Refuse(FieldError error)
    {
        Refused = error;
        RenderKey = null;
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}

/// <summary>How the portal writes a figure whose decimals it does not know (an engine value, a target): at most two.</summary>
public static class PublicFormat
{
    public static string Figure(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("#,##0.##", System.Globalization.CultureInfo.CurrentCulture) : Ui.UiFormat.None;

    public static string Figure(decimal? value) =>
        value is { } v ? v.ToString("#,##0.##", System.Globalization.CultureInfo.CurrentCulture) : Ui.UiFormat.None;

    public static string Percent(double? share) =>
        share is { } s && double.IsFinite(s) ? (s * 100).ToString("N1", System.Globalization.CultureInfo.CurrentCulture) + "%" : Ui.UiFormat.None;

    /// <summary>A target with its qualifier as it is spoken: 6.5 左右, 12,000 以上.</summary>
    public static string Target(Application.Evaluation.EvaluationRowView row, Ui.UiFormat format) =>
        row.Target is { } t ? Figure(t) + (row.Qualifier is { } q ? " " + format.Label(q) : string.Empty) : Ui.UiFormat.None;

    public static string Query(string path, params (string Key, string? Value)[] query) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrWhiteSpace(q.Value)).Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));
}
