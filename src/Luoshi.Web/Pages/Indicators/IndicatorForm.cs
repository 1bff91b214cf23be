using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Plans;
using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;

namespace Luoshi.Web.Pages.Indicators;

/// <summary>The fields of the indicator form, shared by the create and edit pages.</summary>
public sealed class IndicatorInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public Direction? Direction { get; set; }
    public Frequency? Frequency { get; set; }
    public ValueKind? ValueKind { get; set; }
    public Aggregation? Aggregation { get; set; }
    public string? Formula { get; set; }
    public string? Tolerance { get; set; }
    public ProgressProfile? Profile { get; set; }
    public int? Decimals { get; set; }
    public int? DueDay { get; set; }
    public string? ResponsibleUnit { get; set; }
    public List<string> PlanItems { get; set; } = [];
    public int? Version { get; set; }

    public static IndicatorInput From(IndicatorView i) => new()
    {
        Code = i.Code,
        Name = i.Name,
        Unit = i.Unit,
        Direction = i.Direction,
        Frequency = i.Frequency,
        ValueKind = i.ValueKind,
        Aggregation = i.Aggregation,
        Formula = i.Formula,
        Tolerance = i.Tolerance,
        Profile = i.Profile,
        Decimals = i.Decimals,
        DueDay = i.DueDay,
        ResponsibleUnit = i.ResponsibleUnit,
        PlanItems = [.. i.PlanItems],
        Version = i.Version,
    };

    public SaveIndicator.Request ToRequest() => new(
        Code, Name, Unit, Direction, Frequency, ValueKind, Aggregation, Formula, Tolerance, Profile, Decimals, DueDay, ResponsibleUnit, PlanItems, Version);
}

/// <summary>What the fields partial needs: the input, the units that can answer for an indicator, and the plan items it can measure.</summary>
public sealed record IndicatorFormModel(IndicatorInput Input, IReadOnlyList<OrgUnitView> Units, IReadOnlyList<PlanItemView> PlanItems, bool CodeEditable)
{
    public static async Task<IndicatorFormModel> Load(IndicatorInput input, bool codeEditable, ListOrgUnits units, ListPlanItems plans, CancellationToken ct) => new(
        input,
        [.. (await units.Handle(new(), ct)).Where(u => u.Kind != OrgUnitKind.Reference)],
        [.. (await plans.Handle(new(), ct)).Where(p => p.Kind is Domain.Plans.PlanItemKind.Programme or Domain.Plans.PlanItemKind.Task)],
        codeEditable);
}
