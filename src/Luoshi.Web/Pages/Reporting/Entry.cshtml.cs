using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Application.Indicators;
using Luoshi.Application.Organization;
using Luoshi.Application.Readings;
using Luoshi.Application.Reporting;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Reporting;
using Luoshi.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Luoshi.Web.Pages.Reporting;

/// <summary>
/// 填报: one unit's report for one period as a grid — each line with last period's value and the target,
/// the value and its explanation to enter, the problems that stand in the way of submission beside it —
/// and the moves of the report: submit, approve or return, a spreadsheet template to download and a filled
/// one to upload. Every write goes through a use case: the grid's values as one batch through WriteReadings
/// (all or nothing), a file through ReportFiles, a move through TransitionReport.
/// </summary>
public sealed class EntryModel(
    GetReport getReport,
    GetOrgUnit getOrgUnit,
    ListIndicators indicators,
    WriteReadings writeReadings,
    TransitionReport transition,
    ReportFiles files,
    Revisions revisions,
    ICurrentActor actor,
    IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Org { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string Period { get; set; } = string.Empty;

    /// <summary>The grid as posted: one entry per line.</summary>
    [BindProperty]
    public List<CellInput> Cells { get; set; } = [];

    /// <summary>A comment sent with a move: the reason of a return, a note on a submission or approval.</summary>
    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public RevisionInput Revision { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    public ReportView Report { get; private set; } = null!;
    public OrgUnitView Unit { get; private set; } = null!;

    /// <summary>Messages for the whole page (a refused move, a refused file), in the reader's language.</summary>
    public List<string> Messages { get; } = [];

    /// <summary>A refused upload's problems, each naming its row and column.</summary>
    public List<string> FileProblems { get; } = [];

    /// <summary>Decimals to show each indicator's values with, by code.</summary>
    public IReadOnlyDictionary<string, int> Decimals { get; private set; } = new Dictionary<string, int>();

    public bool CanWrite { get; private set; }
    public bool CanReview { get; private set; }
    public bool IsOpen => Report.State is ReportState.Draft or ReportState.Returned;

    public sealed class CellInput
    {
        public string Indicator { get; set; } = string.Empty;
        public string? Value { get; set; }
        public string? Comment { get; set; }

        /// <summary>The version of the value the grid was read at; a write over a newer one is refused.</summary>
        public int Version { get; set; }
    }

    public sealed class RevisionInput
    {
        public string? Indicator { get; set; }
        public string? Value { get; set; }
        public string? Reason { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await Load(ct);
        Cells = [.. Report.Lines.Select(CellOf)];
    }

    /// <summary>
    /// Saves the cells that changed as one batch through WriteReadings: all or nothing. A refusal is shown beside each
    /// cell it names and the grid keeps what was typed; nothing of the batch is written.
    /// </summary>
    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        await Load(ct);
        var lines = Report.Lines.ToDictionary(l => l.Indicator, StringComparer.Ordinal);
        var batch = new List<WriteReadings.Cell>();
        var rows = new List<int>();
        for (int k = 0; k < Cells.Count; k++)
        {
            var cell = Cells[k];
            if (!lines.TryGetValue(cell.Indicator, out var line) || !Changed(cell, line))
            {
                continue;
            }

            if (!TryParse(cell.Value, out var value))
            {
                ModelState.AddModelError(ValueKey(k), text["Binding.Number"]);
                continue;
            }

            batch.Add(new(cell.Indicator, Org, Period, value, Blank(cell.Comment), cell.Version));
            rows.Add(k);
        }

        if (ModelState.ErrorCount == 0 && batch.Count > 0)
        {
            try
            {
                await writeReadings.Handle(new(batch), ReadingSource.Entry, ct);
            }
            catch (InputRefusedException e)
            {
                foreach (var error in e.Errors)
                {
                    // "cells[2].comment": the third cell of the batch, which is a row of the grid.
                    var at = error.Field.StartsWith("cells[", StringComparison.Ordinal) ? error.Field.IndexOf(']', StringComparison.Ordinal) : -1;
                    if (at > 6 && int.TryParse(error.Field.AsSpan(6, at - 6), NumberStyles.None, CultureInfo.InvariantCulture, out var j) && j < rows.Count)
                    {
                        ModelState.AddModelError(error.Field.EndsWith(".comment", StringComparison.Ordinal) ? CommentKey(rows[j]) : ValueKey(rows[j]), UiFormat.Message(error.Message));
                    }
                    else
                    {
                        Messages.Add(UiFormat.Message(error.Message));
                    }
                }
            }
            catch (Exception e) when (Refusal(e) is { } refusal)
            {
                Messages.Add(refusal.Message);
            }
        }

        if (ModelState.ErrorCount > 0 || Messages.Count > 0)
        {
            // The grid keeps what was typed; nothing of it was saved.
            await Load(ct);
            Messages.Insert(0, text["Entry.NothingSaved"]);
            return Page();
        }

        Notice = batch.Count == 0 ? text["Entry.NothingChanged"] : string.Format(CultureInfo.CurrentCulture, text["Entry.Saved"], batch.Count);
        return RedirectToPage(new { Org, Period });
    }

    private static string ValueKey(int row) => $"{nameof(Cells)}[{row}].{nameof(CellInput.Value)}";

    private static string CommentKey(int row) => $"{nameof(Cells)}[{row}].{nameof(CellInput.Comment)}";

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => Move(ReportAction.Submit, "Entry.Submitted", ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => Move(ReportAction.Approve, "Entry.Approved", ct);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken ct) => Move(ReportAction.Return, "Entry.Returned", ct);

    /// <summary>A filled template or a readings CSV, written all or nothing; a refusal lists every problem with its row and column.</summary>
    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            await Reload(ct);
            Messages.Add(text["Entry.UploadMissing"]);
            return Page();
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var summary = await files.Upload(Org, Period, file.FileName, stream, ct);
            Notice = string.Format(CultureInfo.CurrentCulture, text["Entry.Uploaded"], summary.Written, summary.Unchanged, summary.Skipped);
            return RedirectToPage(new { Org, Period });
        }
        catch (InputRefusedException e)
        {
            await Reload(ct);
            Messages.Add(UiFormat.Message(e.Message));
            FileProblems.AddRange(e.Errors.Select(x => x.Row is { } row
                ? string.Format(CultureInfo.CurrentCulture, text["Entry.FileProblem"], row, x.Column ?? x.Field, UiFormat.Message(x.Message))
                : UiFormat.Message(x.Message)));
            return Page();
        }
        catch (Exception e) when (Refusal(e) is { } refusal)
        {
            await Reload(ct);
            Messages.Add(refusal.Message);
            return Page();
        }
    }

    /// <summary>更正申请 for an approved value: a reviewer other than the requester decides it.</summary>
    public async Task<IActionResult> OnPostReviseAsync(CancellationToken ct)
    {
        if (!TryParse(Revision.Value, out var value))
        {
            await Reload(ct);
            ModelState.AddModelError($"{nameof(Revision)}.{nameof(RevisionInput.Value)}", text["Binding.Number"]);
            return Page();
        }

        try
        {
            await revisions.Open(new(Revision.Indicator, Org, Period, value, Blank(Revision.Reason)), ct);
            Notice = text["Entry.RevisionRequested"];
            return RedirectToPage(new { Org, Period });
        }
        catch (Exception e) when (Refusal(e) is { } refusal)
        {
            await Reload(ct);
            ModelState.AddModelError(refusal.Field == "reason" ? $"{nameof(Revision)}.{nameof(RevisionInput.Reason)}" : $"{nameof(Revision)}.{nameof(RevisionInput.Value)}", refusal.Message);
            return Page();
        }
    }

    private async Task<IActionResult> Move(ReportAction action, string noticeKey, CancellationToken ct)
    {
        try
        {
            await transition.Handle(Org, Period, action, Blank(Comment), ct);
            Notice = text[noticeKey];
            return RedirectToPage(new { Org, Period });
        }
        catch (InputRefusedException e)
        {
            // Submission refused: the problems it names are the ones listed beside their lines.
            await Reload(ct);
            Messages.Add(UiFormat.Message(e.Message));
            return Page();
        }
        catch (Exception e) when (Refusal(e) is { } refusal)
        {
            await Reload(ct);
            if (refusal.Field == "comment")
            {
                ModelState.AddModelError(nameof(Comment), refusal.Message);
            }
            else
            {
                Messages.Add(refusal.Message);
            }

            return Page();
        }
    }

    private async Task Reload(CancellationToken ct)
    {
        await Load(ct);
        Cells = [.. Report.Lines.Select(CellOf)];
    }

    private async Task Load(CancellationToken ct)
    {
        Report = await getReport.Handle(Org, Period, ct);
        Unit = await getOrgUnit.Handle(Report.Org, ct);
        CanWrite = actor.Can(Permission.WriteReadings, Unit.Path);
        CanReview = actor.Can(Permission.ReviewReadings, Unit.Path);
        Decimals = (await indicators.Handle(ct)).ToDictionary(i => i.Code, i => i.Decimals, StringComparer.Ordinal);
    }

    public int DecimalsOf(string indicator) => Decimals.GetValueOrDefault(indicator, 2);

    private static CellInput CellOf(ReportLine line) => new()
    {
        Indicator = line.Indicator,
        Value = line.Value?.ToString(CultureInfo.InvariantCulture),
        Comment = line.Comment,
        Version = line.ReadingVersion,
    };

    private static bool Changed(CellInput cell, ReportLine line) =>
        (Blank(cell.Value) is null ? line.Value is not null : !TryParse(cell.Value, out var v) || v != line.Value)
        || Blank(cell.Comment) != Blank(line.Comment);

    /// <summary>A number as typed: digits with an optional sign, decimal point and thousands separators.</summary>
    private static bool TryParse(string? text, out decimal? value)
    {
        value = null;
        if (Blank(text) is not { } t)
        {
            return true;
        }

        if (decimal.TryParse(t.Replace('，', ',').Replace('．', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
        {
            value = v;
            return true;
        }

        return false;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private sealed record Refused(string Field, string Message);

    /// <summary>A use case's refusal as a field and a message in the reader's language; null for anything else (which is a fault).</summary>
    private static Refused? Refusal(Exception e) => e switch
    {
        InputRefusedException r when r.Errors.Count > 0 => new(r.Errors[0].Field, UiFormat.Message(r.Errors[0].Message)),
        DomainException d => new(d.Field, UiFormat.Message(d.Message)),
        ConflictException c => new(c.Field, UiFormat.Message(c.Message)),
        ForbiddenException f => new(string.Empty, UiFormat.Message(f.Message)),
        _ => null,
    };

    public IEnumerable<ReportProblem> ProblemsOf(string indicator) => Report.Problems.Where(p => p.Indicator == indicator);

    public IEnumerable<ReportProblem> OtherProblems =>
        Report.Problems.Where(p => Report.Lines.All(l => l.Indicator != p.Indicator));
}
