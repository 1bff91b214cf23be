using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Policies;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Documents;

/// <summary>
/// Accepts a document item as a draft policy (政策), as directives become plan items: a directive, or a target or figure
/// that names money (今年安排省级专项资金20亿元 is read as a target). Titled with the item's text, issued on the document's
/// date, with the money the item (or its sentence) names as its budget (else 0), led by the
/// department the reviewer names, and not public until someone publishes it (<c>luoshi import policies</c> with
/// <c>public</c>). The policy remembers the document and item it came from.
/// </summary>
public sealed class AcceptPolicy(Data.LuoshiDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public sealed record Request(
        string? Code,
        string? Lead,
        string? Package,
        string? Title = null,
        DateOnly? Issued = null,
        decimal? Budget = null,
        string? Note = null);

    /// <summary>The draft as created.</summary>
    public sealed record PolicyDraft(string Code, string Title, string Package, string Lead, DateOnly Issued, decimal Budget, bool IsPublic, int DocumentId, int ItemNumber);

    public async Task<ReviewOutcome> Handle(int id, int number, Request r, CancellationToken ct)
    {
        var document = await DocumentReview.Load(db, id, ct);
        var item = DocumentReview.Item(document, number);

        // The right over the lead department is asked first, so that a caller without it learns nothing about the item.
        var lead = await Lead(r.Lead, ct);
        actor.Require(Permission.ManagePlans, lead);

        document.Pending(number);
        var code = Code.Require(r.Code, "code");
        if (await db.Policies.AnyAsync(p => p.Code == code, ct))
        {
            throw new ConflictException("code", new Text($"政策代码 {code} 已存在", $"policy code {code} already exists"));
        }

        var issued = r.Issued ?? document.Date
            ?? throw InputRefusedException.Single("issued", new Text("文件没有日期,请提供印发日期", "the document has no date; send the issue date"));
        var title = string.IsNullOrWhiteSpace(r.Title) ? DocumentReview.Clip(item.Text.Trim(), Policy.TitleMaxLength) : r.Title;
        var policy = Policy.Register(code, title, r.Package ?? string.Empty, lead.Id, issued, r.Budget ?? Money(document, item) ?? 0);
        // A draft is not public (a policy never is until switched on: luoshi publish, the policy page).
        policy.CameFrom(document.Id, number);

        document.Accept(number, item.Kind, ItemLink.Policy(code), DocumentReview.Stamp(actor, clock, r.Note));
        return await DocumentReview.Atomically(db, () =>
        {
            db.Policies.Add(policy);
            var draft = new PolicyDraft(policy.Code, policy.Title, policy.Package, lead.Code, policy.Issued, policy.Budget, policy.IsPublic, document.Id, number);
            return Task.FromResult(new ReviewOutcome(DocumentJson.Item(document, item), Policy: draft));
        }, ct);
    }

    /// <summary>
    /// The money the item names, in 万元: its own figure when it is an amount of yuan, else the first amount of yuan the
    /// extractor found in the same sentence (安排专项资金5亿元 beside 支持企业技术改造).
    /// </summary>
    public static decimal? Money(Document document, DocumentItem item)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(item);
        return new[] { item }
            .Concat(document.Items.Where(i => i.Number != item.Number && i.SentenceStart == item.SentenceStart).OrderBy(i => i.Number))
            .Select(i => ItemData.Figure(i.Kind, i.Data) is { } f ? TenThousands(f.Value, f.Unit) : null)
            .FirstOrDefault(v => v is not null);
    }

    /// <summary>An amount of yuan in 万元, the unit budgets are kept in; null for any other unit.</summary>
    public static decimal? TenThousands(decimal value, string unit) => unit switch
    {
        "亿元" => value * 10_000,
        "万元" => value,
        "元" => value / 10_000,
        _ => null,
    };

    private async Task<OrgUnit> Lead(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw InputRefusedException.Single("lead", new Text("须指定牵头部门", "the lead department is required"));
        }

        var unit = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == code.Trim(), ct);
        return unit is { Kind: OrgUnitKind.Department }
            ? unit
            : throw InputRefusedException.Single("lead", new Text($"部门 {Parsing.Clip(code.Trim())} 不存在", $"department '{Parsing.Clip(code.Trim())}' does not exist"));
    }
}
