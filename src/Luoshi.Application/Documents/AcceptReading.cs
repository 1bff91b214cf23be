using Luoshi.Application.Common;
using Luoshi.Application.Readings;
using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Indicators;

namespace Luoshi.Application.Documents;

/// <summary>
/// Accepts a stated figure as a reading of an indicator for a unit (the province, 全国…), through
/// <see cref="WriteReading"/>, as a draft from source "document". The period defaults to what the figure's
/// period words mean in the document's year (上半年 → 2024H1, 1—5月 → 2024-05); the comment carries the sentence.
/// </summary>
public sealed class AcceptReading(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock, WriteReading write)
{
    public sealed record Request(string? Indicator, string? Org, string? Period = null, decimal? Value = null, string? Comment = null, string? Note = null);

    public async Task<ReviewOutcome> Handle(int id, int number, Request r, CancellationToken ct)
    {
        var document = await DocumentReview.Load(db, id, ct);
        var item = DocumentReview.Item(document, number);
        var org = await DocumentReview.Org(db, r.Org, "org", ct);
        actor.Require(Permission.WriteReadings, org);

        document.Pending(number);
        if (item.Kind != DocumentItemKind.Figure)
        {
            throw InputRefusedException.Single("number", new Text($"第{number}条不是数据", $"item {number} is not a stated figure"));
        }

        var figure = ItemData.Figure(item);
        var period = string.IsNullOrWhiteSpace(r.Period) ? figure.PeriodCode : r.Period;
        if (string.IsNullOrWhiteSpace(period))
        {
            throw InputRefusedException.Single("period", new Text("无法从文件判断期间,请提供", "the period cannot be told from the document; send it"));
        }

        var indicator = (r.Indicator ?? string.Empty).Trim();
        document.Accept(number, DocumentItemKind.Figure, ItemLink.Reading(indicator, org.Code, period), DocumentReview.Stamp(actor, clock, r.Note));
        return await DocumentReview.Atomically(db, async () =>
        {
            var reading = await write.Handle(
                new WriteReading.Request(
                    indicator,
                    org.Code,
                    period,
                    r.Value ?? figure.Value,
                    string.IsNullOrWhiteSpace(r.Comment) ? DocumentReview.Clip(document.SentenceOf(item), Reading.CommentMaxLength) : r.Comment,
                    DocumentReview.Cite(document, item, Stamp.ReasonMaxLength)),
                ReadingSource.Document,
                ct);
            return new ReviewOutcome(DocumentJson.Item(document, item), Reading: reading);
        }, ct);
    }
}
