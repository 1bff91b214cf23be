namespace Luoshi.Bench.Scale;

/// <summary>
/// The size of a generated workload: the org tree (roots → cities → counties, departments under each
/// root), the indicator mix and the months. Both workloads share the indicator mix, so the national one
/// differs from the province only by its tree.
/// </summary>
public sealed record WorkloadShape(string Name, int Roots, int CitiesPerRoot, int Counties, int DepartmentsPerRoot)
{
    /// <summary>1 province + 11 cities + 90 counties + 40 departments = 142 units.</summary>
    public static readonly WorkloadShape Province = new("province", Roots: 1, CitiesPerRoot: 11, Counties: 90, DepartmentsPerRoot: 40);

    /// <summary>31 provinces + 341 cities + 2,704 counties + 124 departments = 3,200 units.</summary>
    public static readonly WorkloadShape National = new("national", Roots: 31, CitiesPerRoot: 11, Counties: 2_704, DepartmentsPerRoot: 4);

    public const int FirstYear = 2021;
    public const int LastYear = 2026;
    public const int Months = (LastYear - FirstYear + 1) * 12;

    /// <summary>Summed up the tree: reported by counties and departments (and, for some, by each root as its official total).</summary>
    public const int SumIndicators = 160;

    /// <summary>Aggregation none: every unit reports its own value (rates, own-account figures).</summary>
    public const int OwnIndicators = 80;

    /// <summary>Aggregation formula: <c>A / B * k</c> over two summed indicators, recomputed from rolled-up inputs.</summary>
    public const int DerivedIndicators = 60;

    public const int Indicators = SumIndicators + OwnIndicators + DerivedIndicators;

    public int Cities => Roots * CitiesPerRoot;

    public int Departments => Roots * DepartmentsPerRoot;

    public int Units => Roots + Cities + Counties + Departments;

    public static WorkloadShape Parse(string name) => name switch
    {
        "province" => Province,
        "national" => National,
        _ => throw new ArgumentException($"unknown workload '{name}' (province|national)", nameof(name)),
    };
}
