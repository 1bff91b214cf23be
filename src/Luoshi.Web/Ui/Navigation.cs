namespace Luoshi.Web.Ui;

/// <summary>One entry of the main navigation: a feature's home page.</summary>
public sealed record NavItem(string Feature, string Href, string TextKey);

public static class Navigation
{
    // Projects (项目), Assessment (考核) and Documents (文档) add their entries as they land.
    // Supervision (督办), Projects (项目), and Assessment (考核) add their entries as they land.
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("dashboard", "/", "Nav.Dashboard"),
        new("plans", "/plans", "Nav.Plans"),
        new("indicators", "/indicators", "Nav.Indicators"),
        new("reporting", "/reporting", "Nav.Reporting"),
        new("supervision", "/supervision", "Nav.Supervision"),
        new("projects", "/projects", "Nav.Projects"),
        new("assessment", "/assessment", "Nav.Assessment"),
        new("documents", "/documents", "Nav.Documents"),
        new("org-units", "/org-units", "Nav.OrgUnits"),
    ];
}
