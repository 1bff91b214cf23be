using System.Text;
using Luoshi.Application.Common;
using Luoshi.Application.Documents;
using Luoshi.Application.Identity;
using Luoshi.Application.Policies;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace Luoshi.Application.Tests.Documents;

/// <summary>A document item accepted as a draft policy: defaults from the item, its origin kept, refusals that write nothing.</summary>
public sealed class AcceptPolicyTests
{
    private const string Speech = """
        全省制造业高质量发展大会召开
        发布时间：2026-02-26
        2月25日，全省制造业高质量发展大会召开。
        今年安排省级专项资金20亿元，全力支持企业技术改造和设备更新。
        要加快培育先进制造业集群。
        今年全省规模以上工业增加值增长6%左右。
        """;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Accept_AnItemNamingMoney_MakesADraftPolicy_NotPublic_WithThatBudget_AndRemembersWhereItCameFrom(Db db)
    {
        await using var host = await Seeded(db);
        var doc = await Ingest(host);
        // 今年安排省级专项资金20亿元 is read as a target figure of 20 亿元.
        var directive = doc.Items.Single(i => i.Text.Contains("20亿元", StringComparison.Ordinal));

        var outcome = await Accept(host, doc.Id, directive.Number, new(" ZC-TG ", "JXT", "先进制造业集群"));

        var draft = outcome.Policy!;
        draft.Code.ShouldBe("ZC-TG");
        draft.Title.ShouldBe(directive.Text.Trim());
        draft.Lead.ShouldBe("JXT");
        draft.Issued.ShouldBe(new DateOnly(2026, 2, 25));    // the document's date
        draft.Budget.ShouldBe(200_000m);                     // 20亿元 in 万元
        draft.IsPublic.ShouldBeFalse();
        outcome.Item.LinkedTo.ShouldBe("policy:ZC-TG");
        outcome.Item.Decision.ShouldBe(ItemDecision.Accepted);

        var stored = await host.Query(d => d.Policies.AsNoTracking().SingleAsync());
        (stored.SourceDocumentId, stored.SourceItemNumber, stored.IsPublic).ShouldBe((doc.Id, directive.Number, false));
        var link = await host.Query(d => d.DocumentItems.AsNoTracking().Where(i => i.Number == directive.Number).Select(i => i.LinkedTo).SingleAsync());
        (link!.Kind, link.Code).ShouldBe((ItemLinkKind.Policy, "ZC-TG"));
        var source = await host.Run<PolicyQueries, PolicySource?>(q => q.SourceOf("ZC-TG", default));
        source.ShouldBe(new PolicySource(doc.Id, "全省制造业高质量发展大会召开", directive.Number));
        var audit = await host.Run<ReadAudit, IReadOnlyList<AuditView>>(a => a.List(null, nameof(Domain.Policies.Policy), null, 100, default));
        audit.ShouldHaveSingleItem().Actor.ShouldBe("tester");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Accept_ADirectiveNamingNoMoney_HasNoBudget_AndGivenValuesWinOverTheDefaults(Db db)
    {
        await using var host = await Seeded(db);
        var doc = await Ingest(host);
        var directive = doc.Items.Single(i => i.Kind == DocumentItemKind.Directive);
        var other = doc.Items.Single(i => i.Text.Contains("6%", StringComparison.Ordinal));

        var plain = (await Accept(host, doc.Id, other.Number, new("ZC-GY", "JXT", "先进制造业集群"))).Policy!;
        (plain.Budget, plain.Title).ShouldBe((0m, other.Text));   // 6% is no money
        var draft = (await Accept(host, doc.Id, directive.Number, new("ZC-JQ", "JXT", "先进制造业集群", Title: "先进制造业集群培育政策", Issued: new DateOnly(2026, 3, 1), Budget: 500))).Policy!;

        (draft.Title, draft.Issued, draft.Budget).ShouldBe(("先进制造业集群培育政策", new DateOnly(2026, 3, 1), 500m));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Accept_Refuses_AnUnknownItem_ADuplicateCode_OrABadLead_NamingTheField_AndWritesNothing(Db db)
    {
        await using var host = await Seeded(db);
        var doc = await Ingest(host);
        var directive = doc.Items.First(i => i.Kind == DocumentItemKind.Directive);
        await host.ImportCsv(ImportKind.Orgs, "code,name,kind,parent\nCZT,财政厅,Department,330000\n");
        await host.Run<ImportPolicies, ImportSummary>(i => i.FromCsv(PolicyImportKind.Policies, new MemoryStream(Encoding.UTF8.GetBytes("code,title,package,lead,issued,budget\nZC-OLD,已有政策,先进制造业集群,CZT,2026-01-10,100\n")), default));

        await Should.ThrowAsync<NotFoundException>(() => Accept(host, doc.Id, 999, new("ZC-1", "JXT", "包")));
        var duplicate = await Should.ThrowAsync<ConflictException>(() => Accept(host, doc.Id, directive.Number, new("ZC-OLD", "JXT", "包")));
        duplicate.Field.ShouldBe("code");
        (await Should.ThrowAsync<InputRefusedException>(() => Accept(host, doc.Id, directive.Number, new("ZC-1", "NOPE", "包")))).Errors.ShouldHaveSingleItem().Field.ShouldBe("lead");
        (await Should.ThrowAsync<InputRefusedException>(() => Accept(host, doc.Id, directive.Number, new("ZC-1", "330100", "包")))).Errors.ShouldHaveSingleItem().Field.ShouldBe("lead");
        (await Should.ThrowAsync<InputRefusedException>(() => Accept(host, doc.Id, directive.Number, new("ZC-1", null, "包")))).Errors.ShouldHaveSingleItem().Field.ShouldBe("lead");
        (await Should.ThrowAsync<Domain.Common.DomainException>(() => Accept(host, doc.Id, directive.Number, new("ZC-1", "JXT", " ")))).Field.ShouldBe("package");
        (await Should.ThrowAsync<Domain.Common.DomainException>(() => Accept(host, doc.Id, directive.Number, new("ZC-1", "JXT", "包", Budget: -1)))).Field.ShouldBe("budget");

        (await host.Query(d => d.Policies.Select(p => p.Code).ToListAsync())).ShouldBe(["ZC-OLD"]);
        var after = await host.Run<GetDocument, DocumentView>(g => g.Handle(doc.Id, CancellationToken.None));
        after.Items.ShouldAllBe(i => i.Decision == ItemDecision.Pending);
    }

    private static Task<ReviewOutcome> Accept(AppHost host, int id, int number, AcceptPolicy.Request request) =>
        host.Run<AcceptPolicy, ReviewOutcome>(a => a.Handle(id, number, request, CancellationToken.None));

    private static Task<DocumentView> Ingest(AppHost host) =>
        host.Run<IngestDocument, DocumentView>(i => i.FromFile(Encoding.UTF8.GetBytes(Speech), "speech.txt", null, CancellationToken.None));

    private static async Task<AppHost> Seeded(Db db)
    {
        var host = await AppHost.StartAsync(db);
        await host.ImportCsv(ImportKind.Orgs, "code,name,kind,parent\n330000,测试省,Province,\n330100,甲市,City,330000\nJXT,经信厅,Department,330000\n");
        return host;
    }
}
