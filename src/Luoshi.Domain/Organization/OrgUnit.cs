using Luoshi.Domain.Common;

namespace Luoshi.Domain.Organization;

/// <summary>
/// A node that owns, reports and is assessed: a region (province → city → county) or a department.
/// Reference units (全国, peer provinces) stand outside the tree and serve comparisons only.
/// </summary>
public sealed class OrgUnit
{
    public const int NameMaxLength = 100;

    private OrgUnit()
    {
        Code = string.Empty;
        Name = string.Empty;
        Path = string.Empty;
    }

    public int Id { get; private set; }
    public string Code { get; private set; }
    public string Name { get; private set; }
    public OrgUnitKind Kind { get; private set; }
    public int? ParentId { get; private set; }
    public OrgUnit? Parent { get; private set; }

    /// <summary>Codes from the root down to this unit, '/'-separated and '/'-terminated: a subtree is a prefix match.</summary>
    public string Path { get; private set; }

    /// <summary>Optimistic-concurrency version; every change increments it.</summary>
    public int Version { get; private set; }

    public static OrgUnit Create(string code, string name, OrgUnitKind kind, OrgUnit? parent)
    {
        var unit = new OrgUnit
        {
            Code = Common.Code.Require(code, "code"),
            Name = Common.Code.RequireText(name, "name", NameMaxLength),
            Kind = RequireKind(kind),
            Version = 1,
        };
        unit.AttachTo(parent);
        return unit;
    }

    public void Rename(string name)
    {
        var newName = Common.Code.RequireText(name, "name", NameMaxLength);
        if (newName == Name)
        {
            return;
        }

        Name = newName;
        Version++;
    }

    /// <summary>
    /// Sets the unit's kind and parent together (a county that becomes a district of another city changes
    /// both at once). The caller rewrites descendants' paths with <see cref="FollowAncestor"/>.
    /// </summary>
    public void Place(OrgUnitKind kind, OrgUnit? parent)
    {
        if (kind == Kind && parent?.Code == Parent?.Code)
        {
            return;
        }

        if (parent is not null && (parent == this || parent.Path.StartsWith(Path, StringComparison.Ordinal)))
        {
            throw new DomainException("parent", new Text("不能把单位移到它自己的下级", "a unit cannot move under itself or its descendants"));
        }

        var previousKind = Kind;
        Kind = RequireKind(kind);
        try
        {
            AttachTo(parent);
        }
        catch (DomainException)
        {
            Kind = previousKind;
            throw;
        }

        Version++;
    }

    /// <summary>Rewrites the path of a descendant after its ancestor moved.</summary>
    public void FollowAncestor(string oldAncestorPath, string newAncestorPath)
    {
        if (!Path.StartsWith(oldAncestorPath, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{Code} is not below {oldAncestorPath}");
        }

        Path = newAncestorPath + Path[oldAncestorPath.Length..];
    }

    public bool IsWithin(OrgUnit ancestor) => Path.StartsWith(ancestor.Path, StringComparison.Ordinal);

    private void AttachTo(OrgUnit? parent)
    {
        CheckParentKind(parent);
        Parent = parent;
        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + Code + "/";
    }

    private void CheckParentKind(OrgUnit? parent)
    {
        bool ok = (Kind, parent?.Kind) switch
        {
            (OrgUnitKind.Reference, null) => true,
            (OrgUnitKind.Reference, _) => false,
            (_, OrgUnitKind.Reference) => false,
            (OrgUnitKind.Province, null) => true,
            (OrgUnitKind.Province, _) => false,
            (OrgUnitKind.City, OrgUnitKind.Province) => true,
            (OrgUnitKind.County, OrgUnitKind.City) => true,
            (OrgUnitKind.Department, OrgUnitKind.Province or OrgUnitKind.City or OrgUnitKind.County) => true,
            _ => false,
        };
        if (!ok)
        {
            throw new DomainException("parent", KindRuleMessage(Kind, parent));
        }
    }

    private static Text KindRuleMessage(OrgUnitKind kind, OrgUnit? parent) => kind switch
    {
        OrgUnitKind.Reference => new Text("对标单位不在单位树内,不能有上级", "a reference unit stands outside the tree and has no parent"),
        OrgUnitKind.Province => new Text("省是树的根,不能有上级", "a province is a root and has no parent"),
        OrgUnitKind.City => new Text("市的上级必须是省", "a city's parent must be a province"),
        OrgUnitKind.County => new Text("县(市、区)的上级必须是市", "a county's parent must be a city"),
        _ => parent is null
            ? new Text("部门必须隶属于省、市或县", "a department belongs to a province, city or county")
            : new Text($"部门不能隶属于{parent.Kind}", $"a department cannot belong to a {parent.Kind}"),
    };

    private static OrgUnitKind RequireKind(OrgUnitKind kind) =>
        Enum.IsDefined(kind) ? kind : throw new DomainException("kind", new Text("单位类型无效", "unknown kind"));
}
