namespace Luoshi.Domain.Documents;

public enum ItemLinkKind
{
    /// <summary>Text of no known shape, kept as it was written.</summary>
    Other = 0,
    Plan = 1,
    Target = 2,
    Reading = 3,
    Policy = 4,
}

/// <summary>
/// What an accepted item became: a plan item (<c>plan:CODE</c>), an indicator's target for a unit and year
/// (<c>target:INDICATOR/ORG/YEAR</c>), a reading (<c>reading:INDICATOR/ORG/PERIOD</c>) or a policy (<c>policy:CODE</c>). Written and read as
/// that text, which is how it is stored and shown; text of another shape reads as <see cref="ItemLinkKind.Other"/>
/// and writes back unchanged.
/// </summary>
public sealed record ItemLink
{
    private readonly string? _other;

    private ItemLink(ItemLinkKind kind, string code, string? org, string? period, string? other)
    {
        Kind = kind;
        Code = code;
        Org = org;
        Period = period;
        _other = other;
    }

    public ItemLinkKind Kind { get; }

    /// <summary>The plan item's code, the indicator's, or the policy's.</summary>
    public string Code { get; }

    /// <summary>The unit's code, for a target or a reading.</summary>
    public string? Org { get; }

    /// <summary>The target's year, or the reading's period, as the reviewer gave it.</summary>
    public string? Period { get; }

    public static ItemLink Plan(string code) => new(ItemLinkKind.Plan, code, null, null, null);

    public static ItemLink Target(string indicator, string org, string year) => new(ItemLinkKind.Target, indicator, org, year, null);

    public static ItemLink Reading(string indicator, string org, string period) => new(ItemLinkKind.Reading, indicator, org, period, null);

    public static ItemLink Policy(string code) => new(ItemLinkKind.Policy, code, null, null, null);

    public static ItemLink Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var rest = colon < 0 ? string.Empty : text[(colon + 1)..];
        var link = (colon < 0 ? string.Empty : text[..colon]) switch
        {
            "plan" => Plan(rest),
            "policy" => Policy(rest),
            "target" when rest.Split('/') is [var indicator, var org, var year] => Target(indicator, org, year),
            "reading" when rest.Split('/') is [var indicator, var org, var period] => Reading(indicator, org, period),
            _ => null,
        };

        // A link that would not write back as it was read is kept as text.
        return link is not null && link.ToString() == text ? link : new ItemLink(ItemLinkKind.Other, string.Empty, null, null, text);
    }

    public override string ToString() => Kind switch
    {
        ItemLinkKind.Plan => "plan:" + Code,
        ItemLinkKind.Policy => "policy:" + Code,
        ItemLinkKind.Target => $"target:{Code}/{Org}/{Period}",
        ItemLinkKind.Reading => $"reading:{Code}/{Org}/{Period}",
        _ => _other ?? string.Empty,
    };
}
