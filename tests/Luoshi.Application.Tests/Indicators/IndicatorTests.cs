using Luoshi.Application.Common;
using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Indicators;

/// <summary>Indicator definitions (a formula graph with no unknown codes and no cycles) and targets that are versioned, never overwritten.</summary>
public sealed class IndicatorTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AFormulaOverAnUnknownIndicator_IsRefused_NamingTheFormulaAndTheCode(Db db)
    {
        await using var host = await Seeded(db);

        var e = await Should.ThrowAsync<DomainException>(() => Create(host, Level("SHARE", "PRIVATE_INV / NOPE * 100")));

        e.Field.ShouldBe("formula");
        e.Message.ShouldContain("NOPE");
        (await host.Query(d => d.Indicators.AnyAsync(i => i.Code == "SHARE"))).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AFormulaOverItself_IsRefused_NamingTheFormula(Db db)
    {
        await using var host = await Seeded(db);

        var e = await Should.ThrowAsync<DomainException>(() => Create(host, Level("SELF", "SELF + FAI")));

        e.Field.ShouldBe("formula");
        e.Message.ShouldContain("SELF itself");
        (await host.Query(d => d.Indicators.AnyAsync(i => i.Code == "SELF"))).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RedefiningAnIndicatorSoThatFormulasLoop_IsRefused_AndTheOldDefinitionStays(Db db)
    {
        await using var host = await Seeded(db);
        await Create(host, Level("SHARE", "PRIVATE_INV / FAI * 100"));
        var inv = await Get(host, "PRIVATE_INV");

        // PRIVATE_INV → SHARE → PRIVATE_INV.
        var e = await Should.ThrowAsync<DomainException>(() =>
            Update(host, "PRIVATE_INV", Level("PRIVATE_INV", "SHARE * FAI / 100") with { Version = inv.Version }));

        e.Field.ShouldBe("formula");
        e.Message.ShouldContain("cycle");
        e.Message.ShouldContain("SHARE");
        var after = await Get(host, "PRIVATE_INV");
        after.Formula.ShouldBeNull();
        after.Aggregation.ShouldBe(Aggregation.Sum);
        after.Version.ShouldBe(inv.Version);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AKnownFormula_IsSaved_WithFormulaAggregation(Db db)
    {
        await using var host = await Seeded(db);

        var share = await Create(host, Level("SHARE", "PRIVATE_INV / FAI * 100"));

        share.Aggregation.ShouldBe(Aggregation.Formula, "a formula without an aggregation aggregates by its formula");
        share.Formula.ShouldNotBeNull().ShouldContain("PRIVATE_INV");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ABadTolerance_IsRefused_NamingTheTolerance(Db db)
    {
        await using var host = await Seeded(db);

        foreach (var bad in new[] { "abc", "-5%", "150%" })
        {
            var e = await Should.ThrowAsync<DomainException>(() => Create(host, Cumulative("X1") with { Tolerance = bad }), bad);
            e.Field.ShouldBe("tolerance", bad);
        }

        (await host.Query(d => d.Indicators.AnyAsync(i => i.Code == "X1"))).ShouldBeFalse();
        (await Create(host, Cumulative("X1") with { Tolerance = "0.3" })).Tolerance.ShouldBe("0.3");
        (await Create(host, Cumulative("X2"))).Tolerance.ShouldBe("5%", "no tolerance means 5%");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ADuplicateCode_IsAConflict_AndAnUnknownResponsibleUnitIsRefused(Db db)
    {
        await using var host = await Seeded(db);

        (await Should.ThrowAsync<ConflictException>(() => Create(host, Cumulative("FAI")))).Field.ShouldBe("code");
        var e = await Should.ThrowAsync<InputRefusedException>(() => Create(host, Cumulative("X1") with { ResponsibleUnit = "999999" }));
        e.Errors.ShouldHaveSingleItem().Field.ShouldBe("responsibleUnit");
        (await Create(host, Cumulative("X2") with { ResponsibleUnit = "330100" })).ResponsibleUnit.ShouldBe("330100");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UpdatingWithAStaleVersion_IsAConflict(Db db)
    {
        await using var host = await Seeded(db);
        var read = await Get(host, "FAI");
        var saved = await Update(host, "FAI", Cumulative("FAI") with { Name = "固投(改)", Version = read.Version });
        saved.Version.ShouldBe(read.Version + 1);

        var e = await Should.ThrowAsync<ConflictException>(() => Update(host, "FAI", Cumulative("FAI") with { Name = "固投(旧)", Version = read.Version }));

        e.Field.ShouldBe("version");
        (await Get(host, "FAI")).Name.ShouldBe("固投(改)");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ChangingATarget_AppendsAVersion_AndKeepsTheOldValueInHistory(Db db)
    {
        await using var host = await Seeded(db);
        var first = await SetTarget(host, new("FAI", "330100", "2026", 1000m, TargetQualifier.AtLeast, Reason: "年初下达"));
        host.Clock.Now = host.Clock.Now.AddDays(30);

        var second = await SetTarget(host, new("FAI", "330100", "2026", 1100m, TargetQualifier.Around, Stretch: 1200m, Reason: "年中调整", Version: first.Version));

        first.Version.ShouldBe(1);
        second.Id.ShouldBe(first.Id);
        second.Version.ShouldBe(2);
        second.Value.ShouldBe(1100m);
        second.Qualifier.ShouldBe(TargetQualifier.Around);
        second.Stretch.ShouldBe(1200m);
        var history = await host.Query(d => d.TargetVersions.Where(v => v.TargetId == first.Id).OrderBy(v => v.Version)
            .Select(v => new { v.Version, v.Value, v.Qualifier, v.Stretch, v.Reason }).ToListAsync());
        history.Select(v => (v.Version, v.Value, v.Qualifier, v.Stretch, v.Reason))
            .ShouldBe([(1, (decimal?)1000m, TargetQualifier.AtLeast, (decimal?)null, (string?)"年初下达"), (2, 1100m, TargetQualifier.Around, 1200m, "年中调整")]);
        (await ListTargets(host)).ShouldHaveSingleItem().Value.ShouldBe(1100m);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task SettingTheSameTargetAgain_AddsNoVersion(Db db)
    {
        await using var host = await Seeded(db);
        await SetTarget(host, new("FAI", "330100", "2026", 1000m, TargetQualifier.AtLeast));

        var again = await SetTarget(host, new("FAI", "330100", "2026", 1000m, TargetQualifier.AtLeast));

        again.Version.ShouldBe(1);
        (await host.Query(d => d.TargetVersions.CountAsync())).ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ATargetChangedBySomeoneElse_IsAConflict_AndTheirValueStays(Db db)
    {
        await using var host = await Seeded(db);
        await SetTarget(host, new("FAI", "330100", "2026", 1000m, TargetQualifier.AtLeast));
        await SetTarget(host, new("FAI", "330100", "2026", 1050m, TargetQualifier.AtLeast, Version: 1));

        var e = await Should.ThrowAsync<ConflictException>(() => SetTarget(host, new("FAI", "330100", "2026", 900m, TargetQualifier.AtLeast, Version: 1)));

        e.Field.ShouldBe("version");
        (await ListTargets(host)).ShouldHaveSingleItem().Value.ShouldBe(1050m);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ATargetForAMonthOrAnUnparsablePeriod_IsRefused_NamingTheYear(Db db)
    {
        await using var host = await Seeded(db);

        (await Should.ThrowAsync<DomainException>(() => SetTarget(host, new("FAI", "330100", "2026-05", 100m, TargetQualifier.AtLeast)))).Field.ShouldBe("year");
        (await Should.ThrowAsync<DomainException>(() => SetTarget(host, new("FAI", "330100", "2026H1", 100m, TargetQualifier.AtLeast)))).Field.ShouldBe("year");
        (await Should.ThrowAsync<DomainException>(() => SetTarget(host, new("FAI", "330100", "明年", 100m, TargetQualifier.AtLeast)))).Field.ShouldBe("year");
        (await SetTarget(host, new("FAI", "330100", "2026Q3", 700m, TargetQualifier.AtLeast))).Year.ShouldBe("2026Q3");
        (await ListTargets(host)).Select(t => t.Year).ShouldBe(["2026Q3"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TargetQualifiers_AreKept_AndARangeNeedsAnUpperValueAboveItsValue(Db db)
    {
        await using var host = await Seeded(db);

        (await SetTarget(host, new("FAI", "330100", "2026", 1000m, TargetQualifier.AtLeast))).Qualifier.ShouldBe(TargetQualifier.AtLeast);
        (await SetTarget(host, new("FAI", "330200", "2026", 800m, TargetQualifier.Around))).Qualifier.ShouldBe(TargetQualifier.Around);
        (await SetTarget(host, new("FAI", "330000", "2026", 5000m, TargetQualifier.AtMost))).Qualifier.ShouldBe(TargetQualifier.AtMost);

        (await Should.ThrowAsync<DomainException>(() => SetTarget(host, new("FAI", "330100", "2027", 10m, TargetQualifier.Range)))).Field.ShouldBe("upperValue");
        (await Should.ThrowAsync<DomainException>(() => SetTarget(host, new("FAI", "330100", "2027", 10m, TargetQualifier.Range, UpperValue: 9m)))).Field.ShouldBe("upperValue");
        (await Should.ThrowAsync<DomainException>(() => SetTarget(host, new("FAI", "330100", "2027", 10m, TargetQualifier.AtLeast, UpperValue: 12m)))).Field.ShouldBe("upperValue");
        var range = await SetTarget(host, new("FAI", "330100", "2027", 10m, TargetQualifier.Range, UpperValue: 12m));
        (range.Value, range.UpperValue).ShouldBe((10m, 12m));

        (await ListTargets(host)).Select(t => (t.Org, t.Year, t.Qualifier)).ShouldBe([
            ("330000", "2026", TargetQualifier.AtMost),
            ("330100", "2026", TargetQualifier.AtLeast),
            ("330100", "2027", TargetQualifier.Range),
            ("330200", "2026", TargetQualifier.Around)]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ATargetForAnUnknownIndicatorOrUnit_IsRefused_NamingTheField(Db db)
    {
        await using var host = await Seeded(db);

        (await Should.ThrowAsync<InputRefusedException>(() => SetTarget(host, new("NOPE", "330100", "2026", 1m, TargetQualifier.AtLeast)))).Errors.ShouldHaveSingleItem().Field.ShouldBe("indicator");
        (await Should.ThrowAsync<InputRefusedException>(() => SetTarget(host, new("FAI", "999999", "2026", 1m, TargetQualifier.AtLeast)))).Errors.ShouldHaveSingleItem().Field.ShouldBe("org");
        (await Should.ThrowAsync<InputRefusedException>(() => SetTarget(host, new("FAI", "330100", "2026", null, TargetQualifier.AtLeast)))).Errors.ShouldHaveSingleItem().Field.ShouldBe("value");
        (await Should.ThrowAsync<InputRefusedException>(() => SetTarget(host, new("FAI", "330100", "2026", 1m, null)))).Errors.ShouldHaveSingleItem().Field.ShouldBe("qualifier");
        (await host.Query(d => d.Targets.CountAsync())).ShouldBe(0);
    }

    private static SaveIndicator.Request Cumulative(string code) =>
        new(code, code + " 名称", "亿元", Direction.Higher, Frequency.Month, ValueKind.Cumulative, null);

    private static SaveIndicator.Request Level(string code, string formula) =>
        new(code, code + " 名称", "%", Direction.Higher, Frequency.Month, ValueKind.Level, null, Formula: formula);

    private static async Task<AppHost> Seeded(Db db)
    {
        var host = await AppHost.StartAsync(db);
        await host.Run<CreateOrgUnit, OrgUnitView>(c => c.Handle(new("330000", "测试省", OrgUnitKind.Province, null), default));
        await host.Run<CreateOrgUnit, OrgUnitView>(c => c.Handle(new("330100", "甲市", OrgUnitKind.City, "330000"), default));
        await host.Run<CreateOrgUnit, OrgUnitView>(c => c.Handle(new("330200", "乙市", OrgUnitKind.City, "330000"), default));
        await Create(host, Cumulative("FAI"));
        await Create(host, Cumulative("PRIVATE_INV"));
        return host;
    }

    private static Task<IndicatorView> Create(AppHost host, SaveIndicator.Request r) =>
        host.Run<SaveIndicator, IndicatorView>(s => s.Create(r, default));

    private static Task<IndicatorView> Update(AppHost host, string code, SaveIndicator.Request r) =>
        host.Run<SaveIndicator, IndicatorView>(s => s.Update(code, r, default));

    private static Task<IndicatorView> Get(AppHost host, string code) =>
        host.Run<GetIndicator, IndicatorView>(g => g.Handle(code, default));

    private static Task<TargetView> SetTarget(AppHost host, SetTarget.Request r) =>
        host.Run<SetTarget, TargetView>(s => s.Handle(r, default));

    private static Task<IReadOnlyList<TargetView>> ListTargets(AppHost host) =>
        host.Run<ListTargets, IReadOnlyList<TargetView>>(l => l.Handle(new(), default));
}
