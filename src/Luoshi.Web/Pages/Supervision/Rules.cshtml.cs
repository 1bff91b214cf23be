using Luoshi.Application.Common;
using Luoshi.Application.Supervision;
using Luoshi.Domain.Identity;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Supervision;

/// <summary>
/// 督办规则: the indicator rules that open items by themselves (the default first), switched on and off by the
/// supervising office, and a preview of what one rule — or all that are on — would open and absorb as of a day,
/// written nowhere. The same use cases as /api/supervision/rules.
/// </summary>
public sealed class RulesModel(ListSupervisionRules list, SwitchSupervisionRule switcher, RunSupervisionRules run, RunDailySupervision daily, ICurrentActor actor, LocalCalendar calendar, IStringLocalizer<UiText> text) : PageModel
{
    /// <summary>The preview's value for "every rule that is on".</summary>
    public const string AllEnabled = "*";

    /// <summary>The rule to preview (its code, or <see cref="AllEnabled"/>); none: no preview.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Preview { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? AsOf { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public IReadOnlyList<SupervisionRuleView> Rules { get; private set; } = [];

    public RunSupervisionRules.Result? Outcome { get; private set; }

    public List<string> Messages { get; } = [];

    /// <summary>Writing and switching rules, and previewing them, is the supervising office's: Supervise over the whole tree.</summary>
    public bool MayManage => actor.CanEverywhere(Permission.Supervise);

    public DateOnly Day => AsOf ?? calendar.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rules = await list.Handle(ct);
        if (MayManage && !string.IsNullOrWhiteSpace(Preview))
        {
            try
            {
                Outcome = await run.Handle(new RunSupervisionRules.Request(Day, DryRun: true, Rule: Preview == AllEnabled ? null : Preview.Trim()), ct);
            }
            catch (NotFoundException e)
            {
                Messages.Add(UiFormat.Message(e.Message));
            }
        }
    }

    public async Task<IActionResult> OnPostSwitchAsync(string code, bool enable, int version, CancellationToken ct)
    {
        if (!MayManage)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        try
        {
            await switcher.Handle(code, enable, version, ct);
            Notice = string.Format(System.Globalization.CultureInfo.CurrentCulture, text[enable ? "Rules.Enabled.Notice" : "Rules.Disabled.Notice"], code);
            return RedirectToPage();
        }
        catch (Exception e) when (e is ConflictException or Domain.Common.DomainException or NotFoundException)
        {
            Messages.Add(UiFormat.Message(e.Message));
        }

        Rules = await list.Handle(ct);
        return Page();
    }

    /// <summary>The day's supervision now (reminders and escalation, then every rule that is on), as the schedule runs it: POST /api/supervision/run.</summary>
    public async Task<IActionResult> OnPostRunAsync(CancellationToken ct)
    {
        if (!MayManage)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var result = await daily.RunNow(AsOf, ct);
        Notice = string.Format(
            System.Globalization.CultureInfo.CurrentCulture,
            text["Rules.RunNow.Notice"],
            result.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            result.Rules.Opened.Count,
            result.Rules.Absorbed.Count,
            result.Escalation.Escalated.Count,
            result.Escalation.Reminded.Count);
        return RedirectToPage();
    }

    /// <summary>What a rule watches, in the reader's words: every indicator, or the ones named and the plan item's.</summary>
    public string Scope(SupervisionRuleView r)
    {
        var parts = new List<string>();
        if (r.Indicators.Count > 0)
        {
            parts.Add(r.Indicators.Count <= 4
                ? string.Join(", ", r.Indicators)
                : string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Rules.IndicatorsCount"], string.Join(", ", r.Indicators.Take(3)), r.Indicators.Count));
        }

        if (r.PlanItem is { } plan)
        {
            parts.Add(string.Format(System.Globalization.CultureInfo.CurrentCulture, text["Rules.PlanScope"], plan));
        }

        return parts.Count == 0 ? text["Rules.AllIndicators"] : string.Join(" + ", parts);
    }

    /// <summary>The indicator rule's code, or for the fixed rules the kind of cause they open items for.</summary>
    public string RuleLabel(RunSupervisionRules.Opened o) => o.RuleCode ?? text[o.Rule switch
    {
        RunSupervisionRules.OverdueTaskRule => "Enum.SupervisionSource.OverdueTask",
        RunSupervisionRules.MissingReportRule => "Enum.SupervisionSource.MissingReport",
        _ => "Enum.SupervisionSource.IndicatorRule",
    }];

    public string Condition(SupervisionRuleView r) => UiContext.IsChinese ? r.ConditionZh : r.ConditionEn;

    public string Reason(RunSupervisionRules.Figure f) => UiContext.IsChinese ? f.ReasonZh : f.ReasonEn;
}
