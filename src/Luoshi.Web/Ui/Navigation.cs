namespace Luoshi.Web.Ui;

/// <summary>One entry of the main navigation: a feature's home page.</summary>
public sealed record NavItem(string Feature, string Href, string TextKey);

public static class Navigation
{
    // Supervision (督办), Projects (项目), and Assessment (考核) add their entries as they land.
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("dashboard", "/", "Nav.Dashboard"),
        new("plans", "/plans", "Nav.Plans"),
        new("indicators", "/indicators", "Nav.Indicators"),
        new("reporting", "/reporting", "Nav.Reporting"),
        new("documents", "/documents", "Nav.Documents"),
        new("org-units", "/org-units", "Nav.OrgUnits"),
    ];
}
