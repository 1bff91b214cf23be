using Luoshi.Domain.Common;

namespace Luoshi.Domain.Indicators;

/// <summary>
/// 目标值: what an indicator should reach for one org unit in one year (or quarter), or at a plan
/// horizon (the 2030 target of a five-year plan). Never overwritten: each change appends a
/// <see cref="TargetVersion"/>.
/// </summary>
public sealed class Target
{
    private readonly List<TargetVersion> _versions = [];
    private Period? _parsedPeriod;

    private Target()
    {
        PeriodCode = string.Empty;
        UpdatedBy = string.Empty;
    }

    public int Id { get; private set; }
    public int IndicatorId { get; private set; }
    public int OrgUnitId { get; private set; }

    /// <summary>A year (<c>2026</c>) or a quarter (<c>2026Q1</c>).</summary>
    public string PeriodCode { get; private set; }
    public Horizon Horizon { get; private set; }
    public decimal? Value { get; private set; }

    /// <summary>The upper bound of a <see cref="TargetQualifier.Range"/> target.</summary>
    public decimal? UpperValue { get; private set; }
    public TargetQualifier Qualifier { get; private set; }

    /// <summary>力争: the stretch value aimed for beyond the target.</summary>
    public decimal? Stretch { get; private set; }
    public bool IsDeleted { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; }
    public IReadOnlyList<TargetVersion> Versions => _versions;

    /// <summary>
    /// <see cref="PeriodCode"/> parsed, once per loaded row. The column stays text so that the indexed range queries
    /// keep comparing codes (docs/adr/0024).
    /// </summary>
    public Period Period => _parsedPeriod ??= Common.Period.Parse(PeriodCode);

    public static Target Create(int indicatorId, int orgUnitId, Period period, Horizon horizon)
    {
        if (period.Kind is not (Frequency.Year or Frequency.Quarter))
        {
            throw new DomainException("year", new Text("目标值按年或按季度设定", "targets are set per year or per quarter"));
        }

        return new Target
        {
            IndicatorId = indicatorId,
            OrgUnitId = orgUnitId,
            PeriodCode = period.ToString(),
            Horizon = Enum.IsDefined(horizon) ? horizon : throw new DomainException("horizon", new Text("期限类型无效", "unknown horizon")),
        };
    }

    /// <summary>Sets the target's value; appends a version. A range needs an upper value above the lower one.</summary>
    public void Set(decimal value, TargetQualifier qualifier, decimal? upperValue, decimal? stretch, Stamp stamp)
    {
        if (!Enum.IsDefined(qualifier))
        {
            throw new DomainException("qualifier", new Text("目标限定词无效", "unknown qualifier"));
        }

        Numbers.InRange(value, "value");
        Numbers.InRange(upperValue, "upperValue");
        Numbers.InRange(stretch, "stretch");

        if (qualifier == TargetQualifier.Range && (upperValue is null || upperValue < value))
        {
            throw new DomainException("upperValue", new Text("区间目标需要不小于下限的上限", "a range target needs an upper value not below the value"));
        }

        if (qualifier != TargetQualifier.Range && upperValue is not null)
        {
            throw new DomainException("upperValue", new Text("只有区间目标才有上限", "only a range target has an upper value"));
        }

        if (Value == value && Qualifier == qualifier && UpperValue == upperValue && Stretch == stretch && !IsDeleted)
        {
            return;
        }

        Value = value;
        Qualifier = qualifier;
        UpperValue = upperValue;
        Stretch = stretch;
        IsDeleted = false;
        Append(stamp);
    }

    /// <summary>Withdraws the target; the withdrawal is a version like any other.</summary>
    public void Withdraw(Stamp stamp)
    {
        if (IsDeleted)
        {
            return;
        }

        IsDeleted = true;
        Append(stamp);
    }

    /// <summary>
    /// Whether <paramref name="actual"/> meets the target as its qualifier reads: 以上 at least, 以内 at
    /// most, 左右 within the tolerance either side, a range inclusive of both ends.
    /// </summary>
    public static bool IsMet(decimal actual, decimal value, TargetQualifier qualifier, decimal? upperValue, Tolerance tolerance) => qualifier switch
    {
        TargetQualifier.AtLeast => actual >= value,
        TargetQualifier.AtMost => actual <= value,
        TargetQualifier.Around => Math.Abs(actual - value) <= tolerance.AbsoluteAround(value),
        TargetQualifier.Range => actual >= value && actual <= (upperValue ?? value),
        _ => false,
    };

    private void Append(Stamp stamp)
    {
        Version++;
        UpdatedAt = stamp.At;
        UpdatedBy = stamp.Actor;
        _versions.Add(new TargetVersion(Version, Value, Qualifier, UpperValue, Stretch, IsDeleted, stamp));
    }
}

public sealed class TargetVersion
{
    private TargetVersion()
    {
        Actor = string.Empty;
    }

    internal TargetVersion(int version, decimal? value, TargetQualifier qualifier, decimal? upperValue, decimal? stretch, bool isDeleted, Stamp stamp)
    {
        Version = version;
        Value = value;
        Qualifier = qualifier;
        UpperValue = upperValue;
        Stretch = stretch;
        IsDeleted = isDeleted;
        Actor = stamp.Actor;
        At = stamp.At;
        Reason = stamp.Reason;
    }

    public long Id { get; private set; }
    public int TargetId { get; private set; }
    public int Version { get; private set; }
    public decimal? Value { get; private set; }
    public TargetQualifier Qualifier { get; private set; }
    public decimal? UpperValue { get; private set; }
    public decimal? Stretch { get; private set; }
    public bool IsDeleted { get; private set; }
    public string Actor { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Reason { get; private set; }
}
