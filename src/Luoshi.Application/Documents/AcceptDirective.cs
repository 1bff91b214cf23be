using Luoshi.Application.Common;
using Luoshi.Application.Plans;
using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Plans;

namespace Luoshi.Application.Documents;

/// <summary>
/// Accepts a directive as a draft plan item: created through <see cref="SavePlanItem"/> (a task by default,
/// titled with the directive, without dates or units for the planner to fill in), citing the document
/// and the sentence that deployed it.
/// </summary>
public sealed class AcceptDirective(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock, SavePlanItem save)
{
    public sealed record Request(
        string? Code,
        PlanItemKind? Kind = null,
        string? Parent = null,
        string? Title = null,
        string? Lead = null,
        IReadOnlyList<string>? Supporting = null,
        DateOnly? Start = null,
        DateOnly? Due = null,
        Horizon? Horizon = null,
        string? Note = null);

    public async Task<ReviewOutcome> Handle(int id, int number, Request r, CancellationToken ct)
    {
        var document = await DocumentReview.Load(db, id, ct);
        var item = DocumentReview.Item(document, number);

        // The same rule as saving a plan item, asked first, so that a caller without the right learns nothing about the item's state.
        if (string.IsNullOrWhiteSpace(r.Lead))
        {
            actor.RequireEverywhere(Permission.ManagePlans);
        }
        else
        {
            actor.Require(Permission.ManagePlans, await DocumentReview.Org(db, r.Lead, "lead", ct));
        }

        var code = Code.Require(r.Code, "code");
        document.Accept(number, DocumentItemKind.Directive, ItemLink.Plan(code), DocumentReview.Stamp(actor, clock, r.Note));
        return await DocumentReview.Atomically(db, async () =>
        {
            var plan = await save.Create(new SavePlanItem.Request(
                code,
                r.Kind ?? PlanItemKind.Task,
                string.IsNullOrWhiteSpace(r.Title) ? DocumentReview.Clip(item.Text, PlanItem.TitleMaxLength) : r.Title,
                new Text($"起草自文件《{DocumentReview.Clip(document.Title, 100)}》第{number}条", $"drafted from document {id}, item {number}").Bilingual,
                r.Parent,
                r.Lead,
                r.Supporting,
                r.Start,
                r.Due,
                r.Horizon,
                SourceDocument: DocumentReview.Clip(document.Title, PlanItem.TitleMaxLength),
                SourceSentence: DocumentReview.Clip(document.SentenceOf(item), PlanItem.SourceMaxLength)), ct);
            return new ReviewOutcome(DocumentJson.Item(document, item), PlanItem: plan);
        }, ct);
    }
}
