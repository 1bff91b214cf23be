namespace Luoshi.Domain.Organization;

public enum OrgUnitKind
{
    Province = 1,
    City = 2,
    County = 3,
    Department = 4,

    /// <summary>A unit outside the tree used only for comparison (全国, a peer province): 对标.</summary>
    Reference = 5,
}
