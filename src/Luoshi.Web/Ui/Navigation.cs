using Luoshi.Application.Common;
using Luoshi.Domain.Identity;

namespace Luoshi.Web.Ui;

/// <summary>One entry of the main navigation: a feature's home page, shown to those who hold <paramref name="Requires"/> (everyone when null).</summary>
public sealed record NavItem(string Feature, string Href, string TextKey, Permission? Requires = null);

public static class Navigation
{
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("dashboard", "/", "Nav.Dashboard"),
        new("plans", "/plans", "Nav.Plans"),
        new("indicators", "/indicators", "Nav.Indicators"),
        new("reporting", "/reporting", "Nav.Reporting"),
        new("supervision", "/supervision", "Nav.Supervision"),
        new("projects", "/projects", "Nav.Projects"),
        new("policies", "/policies", "Nav.Policies"),
        new("assessment", "/assessment", "Nav.Assessment"),
        new("documents", "/documents", "Nav.Documents"),
        new("org-units", "/org-units", "Nav.OrgUnits"),
        new("audit", "/audit", "Nav.Audit", Permission.ReadAudit),
    ];

    /// <summary>The entries the actor may open: a link that can only answer 403 is not offered.</summary>
    public static IEnumerable<NavItem> For(ICurrentActor actor) =>
        Items.Where(i => i.Requires is not { } permission || actor.Can(permission, (string?)null));
}
