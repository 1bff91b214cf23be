using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Common;
using Luoshi.Domain.Identity;
using Microsoft.Extensions.Options;

namespace Luoshi.Application.Supervision;

/// <summary>The indicator rules, the default first: what opens items by itself, for anyone who reads the board.</summary>
public sealed class ListSupervisionRules(LuoshiDbContext db, ICurrentActor actor, IOptions<SupervisionOptions> options)
{
    public async Task<IReadOnlyList<SupervisionRuleView>> Handle(CancellationToken ct)
    {
        actor.Require(Permission.ReadAll);
        return [.. (await SupervisionRuleSet.Load(db, options.Value, ct)).Select(SupervisionRuleView.Of)];
    }
}

public sealed class GetSupervisionRule(LuoshiDbContext db, ICurrentActor actor, IOptions<SupervisionOptions> options)
{
    public async Task<SupervisionRuleView> Handle(string code, CancellationToken ct)
    {
        actor.Require(Permission.ReadAll);
        var rule = (await SupervisionRuleSet.Load(db, options.Value, ct)).FirstOrDefault(r => r.Code == code.Trim())
            ?? throw new NotFoundException(new Text("督办规则", "supervision rule"), Parsing.Clip(code));
        return SupervisionRuleView.Of(rule);
    }
}
