namespace Luoshi.Web.Pages.Policies;

/// <summary>How the policy pages show a rate and an overdue count.</summary>
public static class PolicyUi
{
    /// <summary>A percentage the metrics give (already × 100), or a dash.</summary>
    public static string Rate(double? percent) =>
        percent is { } p ? p.ToString("N1", System.Globalization.CultureInfo.CurrentCulture) + "%" : Ui.UiFormat.None;

    public static string Days(double? days) =>
        days is { } d ? d.ToString("N1", System.Globalization.CultureInfo.CurrentCulture) : Ui.UiFormat.None;

    public static string OverdueClass(int overdue) => overdue > 0 ? "status-red" : "status-green";
}
