using Luoshi.Domain.Common;
using Luoshi.Domain.Organization;

namespace Luoshi.Domain.Evaluation;

/// <summary>
/// The org units of a snapshot as flat arrays indexed by the order they were added. <see cref="Preorder"/>
/// lists them as the tree reads (a unit before its descendants, children by kind then code; reference
/// units last), so a subtree is a contiguous run of positions and walking the list backwards visits every
/// child before its parent, which is all a roll-up needs.
/// </summary>
internal sealed class UnitTree
{
    private readonly Dictionary<string, int> _indexByCode;
    private readonly Dictionary<int, int> _indexById;

    private UnitTree(UnitDraft[] units, string nationalCode)
    {
        Count = units.Length;
        Ids = new int[Count];
        Codes = new string[Count];
        Names = new string[Count];
        Kinds = new OrgUnitKind[Count];
        Parent = new int[Count];
        _indexByCode = new Dictionary<string, int>(Count, StringComparer.Ordinal);
        var indexById = _indexById = new Dictionary<int, int>(Count);
        for (int u = 0; u < Count; u++)
        {
            (Ids[u], Codes[u], Names[u], Kinds[u], _) = units[u];
            indexById[Ids[u]] = u;
            _indexByCode[Codes[u]] = u;
        }

        for (int u = 0; u < Count; u++)
        {
            Parent[u] = ResolveParent(units[u], indexById);
        }

        (ChildStart, Children) = BuildChildren();
        Preorder = new int[Count];
        Position = new int[Count];
        SubtreeEnd = new int[Count];
        Depth = new int[Count];
        Root = new int[Count];
        Order();
        (GroupOf, GroupStart, GroupMembers) = BuildSiblingGroups();
        National = FindNational(nationalCode);
        Province = Array.FindIndex(Preorder, u => Kinds[u] == OrgUnitKind.Province) is int p and >= 0 ? Preorder[p] : -1;
    }

    public int Count { get; }
    public int[] Ids { get; }
    public string[] Codes { get; }
    public string[] Names { get; }
    public OrgUnitKind[] Kinds { get; }

    /// <summary>Index of the parent unit, or -1 for a root or a reference unit.</summary>
    public int[] Parent { get; }

    /// <summary>Children of unit u are Children[ChildStart[u] .. ChildStart[u + 1]), in display order.</summary>
    public int[] ChildStart { get; }
    public int[] Children { get; }

    /// <summary>Unit indices in tree order.</summary>
    public int[] Preorder { get; }

    /// <summary>Position of a unit in <see cref="Preorder"/>.</summary>
    public int[] Position { get; }

    /// <summary>By unit: the position just after its subtree.</summary>
    public int[] SubtreeEnd { get; }

    /// <summary>0 for roots and reference units.</summary>
    public int[] Depth { get; }

    /// <summary>The root of the tree the unit belongs to (itself for a root or a reference unit).</summary>
    public int[] Root { get; }

    /// <summary>Siblings are units with the same parent and kind; members of group g are GroupMembers[GroupStart[g] .. GroupStart[g + 1]).</summary>
    public int[] GroupOf { get; }
    public int[] GroupStart { get; }
    public int[] GroupMembers { get; }
    public int GroupCount => GroupStart.Length - 1;

    /// <summary>The national reference unit (全国), or -1 when the snapshot has none.</summary>
    public int National { get; }

    /// <summary>The first province root, where plan items without a lead unit are judged; -1 if none.</summary>
    public int Province { get; }

    public static UnitTree Build(UnitDraft[] units, string nationalCode) => new(units, nationalCode);

    public bool TryGetIndex(string code, out int index) => _indexByCode.TryGetValue(code, out index);

    public bool TryGetIndexById(int id, out int index) => _indexById.TryGetValue(id, out index);

    /// <summary>
    /// The units of a request in tree order: the subtree of <paramref name="orgCode"/> (every unit when
    /// null), limited to <paramref name="depth"/> levels below its top (0 = the unit alone).
    /// </summary>
    public int[] Scope(string? orgCode, int? depth)
    {
        if (depth < 0)
        {
            throw new DomainException("depth", new Text("层级不能为负数", "depth cannot be negative"));
        }

        int from = 0;
        int to = Count;
        int top = 0;
        if (orgCode is not null)
        {
            if (!TryGetIndex(orgCode.Trim(), out int u))
            {
                throw new DomainException("org", new Text($"未知单位 {Truncate(orgCode)}", $"unknown org unit {Truncate(orgCode)}"));
            }

            from = Position[u];
            to = SubtreeEnd[u];
            top = Depth[u];
        }

        int limit = depth is null ? int.MaxValue : top + depth.Value;
        var scope = new List<int>(to - from);
        for (int pos = from; pos < to; pos++)
        {
            int u = Preorder[pos];
            if (Depth[u] <= limit)
            {
                scope.Add(u);
            }
        }

        return [.. scope];
    }

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "…" : s;

    private int ResolveParent(UnitDraft unit, Dictionary<int, int> indexById)
    {
        if (unit.ParentId is not int parentId)
        {
            return -1;
        }

        if (!indexById.TryGetValue(parentId, out int parent))
        {
            throw new DomainException("parentId", new Text($"单位 {unit.Code} 的上级 {parentId} 不存在", $"the parent {parentId} of {unit.Code} is unknown"));
        }

        if (unit.Kind == OrgUnitKind.Reference || Kinds[parent] == OrgUnitKind.Reference)
        {
            throw new DomainException("parentId", new Text("对标单位不在单位树内", $"reference units stand outside the tree ({unit.Code})"));
        }

        return parent;
    }

    private (int[] Start, int[] Children) BuildChildren()
    {
        var start = new int[Count + 1];
        foreach (int p in Parent)
        {
            if (p >= 0)
            {
                start[p + 1]++;
            }
        }

        for (int u = 0; u < Count; u++)
        {
            start[u + 1] += start[u];
        }

        var children = new int[start[Count]];
        var next = (int[])start.Clone();
        for (int u = 0; u < Count; u++)
        {
            if (Parent[u] >= 0)
            {
                children[next[Parent[u]]++] = u;
            }
        }

        for (int u = 0; u < Count; u++)
        {
            Array.Sort(children, start[u], start[u + 1] - start[u], Comparer<int>.Create(CompareForDisplay));
        }

        return (start, children);
    }

    private int CompareForDisplay(int a, int b)
    {
        int c = Kinds[a].CompareTo(Kinds[b]);
        return c != 0 ? c : string.CompareOrdinal(Codes[a], Codes[b]);
    }

    private void Order()
    {
        var roots = Enumerable.Range(0, Count).Where(u => Parent[u] < 0).ToList();
        roots.Sort((a, b) => (Kinds[a] == OrgUnitKind.Reference).CompareTo(Kinds[b] == OrgUnitKind.Reference) is int c and not 0 ? c : CompareForDisplay(a, b));
        int pos = 0;
        var seen = new bool[Count];
        var stack = new Stack<int>();
        foreach (int root in roots)
        {
            // Iterative depth-first walk: national trees are a few levels deep but wide, and a recursion
            // guard is not worth it. End positions are filled when a unit's subtree is complete.
            stack.Push(root);
            Depth[root] = 0;
            while (stack.Count > 0)
            {
                int u = stack.Pop();
                if (u < 0)
                {
                    SubtreeEnd[~u] = pos;
                    continue;
                }

                Root[u] = Parent[u] < 0 ? u : Root[Parent[u]];
                seen[u] = true;
                Position[u] = pos;
                Preorder[pos++] = u;
                stack.Push(~u);
                for (int k = ChildStart[u + 1] - 1; k >= ChildStart[u]; k--)
                {
                    Depth[Children[k]] = Depth[u] + 1;
                    stack.Push(Children[k]);
                }
            }
        }

        if (pos < Count)
        {
            string stray = Codes[Array.IndexOf(seen, false)];
            throw new DomainException("parentId", new Text($"单位 {stray} 的上下级关系构成循环", $"the parents of {stray} form a cycle"));
        }
    }

    private (int[] GroupOf, int[] Start, int[] Members) BuildSiblingGroups()
    {
        var groupOf = new int[Count];
        var keys = new Dictionary<(int Parent, OrgUnitKind Kind), int>();
        var sizes = new List<int>();
        foreach (int u in Preorder)
        {
            if (!keys.TryGetValue((Parent[u], Kinds[u]), out int g))
            {
                g = keys.Count;
                keys.Add((Parent[u], Kinds[u]), g);
                sizes.Add(0);
            }

            groupOf[u] = g;
            sizes[g]++;
        }

        var start = new int[sizes.Count + 1];
        for (int g = 0; g < sizes.Count; g++)
        {
            start[g + 1] = start[g] + sizes[g];
        }

        var members = new int[Count];
        var next = (int[])start.Clone();
        foreach (int u in Preorder)
        {
            members[next[groupOf[u]]++] = u;
        }

        return (groupOf, start, members);
    }

    private int FindNational(string nationalCode)
    {
        if (!TryGetIndex(nationalCode, out int u))
        {
            return -1;
        }

        return Kinds[u] == OrgUnitKind.Reference
            ? u
            : throw new DomainException("nationalUnitCode", new Text($"全国对标单位 {nationalCode} 必须是对标单位", $"the national unit {nationalCode} must be a reference unit"));
    }
}

/// <summary>A unit as the builder received it; the parent is resolved when the snapshot is built.</summary>
internal readonly record struct UnitDraft(int Id, string Code, string Name, OrgUnitKind Kind, int? ParentId);
