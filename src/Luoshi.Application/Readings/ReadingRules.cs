using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Reporting;

namespace Luoshi.Application.Readings;

/// <summary>
/// What a write of one cell must pass, for <see cref="WriteReading"/> (one cell, each refusal its own status) and
/// <see cref="WriteReadings"/> (the entry grid's batch, every refusal gathered): one wording of each rule.
/// </summary>
internal static class ReadingRules
{
    /// <summary>A refusal for what is stored: the field it names, its message, and whether the caller's read is stale (someone wrote since) rather than the cell closed.</summary>
    public readonly record struct Problem(string Field, Text Message, bool Stale)
    {
        /// <summary>As one write refuses it: both are conflicts (409); a stale read says "reload".</summary>
        public Exception ToException() => Stale ? new ConflictException(Field, Message) : new Domain.Common.DomainConflictException(Field, Message);
    }

    public static Text UnknownIndicator(string? code) =>
        new Text($"指标 {Parsing.Clip(code ?? "")} 不存在", $"indicator '{Parsing.Clip(code ?? "")}' does not exist");

    public static Text Derived(Indicator indicator) =>
        new Text($"{indicator.Code} 是按公式计算的派生指标,不能直接填报", $"{indicator.Code} is derived by formula and cannot be written");

    public static Text UnknownOrg(string? code) =>
        new Text($"单位 {Parsing.Clip(code ?? "")} 不存在", $"org unit '{Parsing.Clip(code ?? "")}' does not exist");

    public static readonly Text ValueRequired = new("数值不能为空", "value is required");

    /// <summary>The cell against what is stored: its report still open, the version the caller read still current, the value not approved.</summary>
    public static Problem? Against(Reading? stored, int? readVersion, Report? report, OrgUnit org, string period)
    {
        if (stored is null && readVersion is > 0)
        {
            return new("version", new Text("该单元格尚无数据,版本号不符", "the cell has no value yet; the version does not match"), Stale: true);
        }

        if (stored is not null && readVersion is { } expected && expected != stored.Version)
        {
            return new("version", new Text($"该数据已被他人修改(当前版本 {stored.Version})", $"the value was changed by someone else (now version {stored.Version})"), Stale: true);
        }

        if (stored is { State: ReadingState.Approved })
        {
            return new("value", new Text("该数据已审核锁定,请通过 POST /api/reporting/revisions 提出更正申请", "this value is approved and locked; request a revision through POST /api/reporting/revisions"), Stale: false);
        }

        if (report is { IsOpenForEntry: false })
        {
            return new("period", new Text($"{org.Code} 的 {period} 报表{Report.Describe(report.State)},不能修改;须退回后再改", $"the {period} report of {org.Code} is {report.State.ToString().ToLowerInvariant()}; it must be returned before values change"), Stale: false);
        }

        return null;
    }
}
