using Luoshi.Application.Common;
using Luoshi.Application.Indicators;
using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;

namespace Luoshi.Application.Documents;

/// <summary>
/// Accepts a target figure as an indicator's target for a unit, through <see cref="SetTarget"/>. The value,
/// qualifier, range and stretch default to what the document said (力争 alone: at least, with the stretch);
/// the year to the figure's period, else the document's year. The target's version cites the sentence.
/// </summary>
public sealed class AcceptTarget(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock, SetTarget set)
{
    public sealed record Request(
        string? Indicator,
        string? Org,
        string? Year = null,
        decimal? Value = null,
        TargetQualifier? Qualifier = null,
        decimal? UpperValue = null,
        decimal? Stretch = null,
        Horizon? Horizon = null,
        string? Note = null);

    public async Task<ReviewOutcome> Handle(int id, int number, Request r, CancellationToken ct)
    {
        var document = await DocumentReview.Load(db, id, ct);
        var item = DocumentReview.Item(document, number);
        var org = await DocumentReview.Org(db, r.Org, "org", ct);
        actor.Require(Permission.ManageTargets, org);

        document.Pending(number);
        if (item.Kind != DocumentItemKind.Target)
        {
            throw InputRefusedException.Single("number", new Text($"第{number}条不是目标", $"item {number} is not a target"));
        }

        var figure = ItemData.Figure(item);
        var year = r.Year ?? YearOf(figure, document)
            ?? throw InputRefusedException.Single("year", new Text("无法从文件判断年份,请提供", "the year cannot be told from the document; send it"));

        // A plain number in a deployment (增长5%) is read as a floor; 左右, 以内 and ranges say otherwise.
        var (qualifier, stretch) = figure.Qualifier switch
        {
            FigureQualifier.Around => (TargetQualifier.Around, figure.Stretch),
            FigureQualifier.AtMost => (TargetQualifier.AtMost, figure.Stretch),
            FigureQualifier.Range => (TargetQualifier.Range, figure.Stretch),
            FigureQualifier.Stretch => (TargetQualifier.AtLeast, figure.Value),
            _ => (TargetQualifier.AtLeast, figure.Stretch),
        };
        var indicator = (r.Indicator ?? string.Empty).Trim();
        document.Accept(number, DocumentItemKind.Target, ItemLink.Target(indicator, org.Code, year), DocumentReview.Stamp(actor, clock, r.Note));
        return await DocumentReview.Atomically(db, async () =>
        {
            var target = await set.Handle(new SetTarget.Request(
                indicator,
                org.Code,
                year,
                r.Value ?? figure.Value,
                r.Qualifier ?? qualifier,
                r.UpperValue ?? (qualifier == TargetQualifier.Range && r.Qualifier is null or TargetQualifier.Range ? figure.Upper : null),
                r.Stretch ?? stretch,
                r.Horizon,
                DocumentReview.Cite(document, item, Stamp.ReasonMaxLength)), ct);
            return new ReviewOutcome(DocumentJson.Item(document, item), Target: target);
        }, ct);
    }

    private static string? YearOf(FigureView figure, Document document)
    {
        if (figure.PeriodCode is { Length: >= 4 } code)
        {
            var period = Period.Parse(code);
            return period.Kind is Frequency.Year or Frequency.Quarter ? period.ToString() : period.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return document.Date?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
