using Luoshi.Application.Organization;
using Luoshi.Domain.Organization;

namespace Luoshi.Web.Pages.Organization;

/// <summary>The fields of the org-unit form, shared by the create and edit pages.</summary>
public sealed class OrgUnitInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public OrgUnitKind? Kind { get; set; }
    public string? Parent { get; set; }
    public int? Version { get; set; }
}

/// <summary>What the form's fields partial needs: the input and the units that can be a parent.</summary>
public sealed record OrgUnitFormModel(OrgUnitInput Input, IReadOnlyList<OrgUnitView> Parents, bool CodeEditable);

internal static class OrgUnitParents
{
    /// <summary>Every unit that can hold others: the province, cities and counties (reference units stand outside the tree).</summary>
    public static async Task<IReadOnlyList<OrgUnitView>> Load(ListOrgUnits list, CancellationToken ct) =>
        [.. (await list.Handle(new(), ct)).Where(u => u.Kind is OrgUnitKind.Province or OrgUnitKind.City or OrgUnitKind.County)];
}
