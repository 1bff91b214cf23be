using Luoshi.Domain.Projects;

namespace Luoshi.Web.Pages.Projects;

/// <summary>How the project pages colour a start status: on time green, late yellow, overdue red, not yet due plain.</summary>
public static class ProjectUi
{
    public static string StartClass(ProjectStartStatus status) => status switch
    {
        ProjectStartStatus.OnTime => "status-green",
        ProjectStartStatus.Late => "status-yellow",
        ProjectStartStatus.Overdue => "status-red",
        _ => "status-none",
    };

    /// <summary>A percentage the metrics give (already × 100), or a dash.</summary>
    public static string Rate(double? percent) =>
        percent is { } p ? p.ToString("N1", System.Globalization.CultureInfo.CurrentCulture) + "%" : Ui.UiFormat.None;
}
