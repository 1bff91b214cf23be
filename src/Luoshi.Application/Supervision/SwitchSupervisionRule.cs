using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Identity;
using Microsoft.Extensions.Options;

namespace Luoshi.Application.Supervision;

/// <summary>
/// Turns an indicator rule on or off for the supervising office; the change is versioned and audited. A rule
/// that is off opens nothing, and its preview still shows what it would open. Turning the default rule off stores
/// it, so that it stays off whatever the settings say.
/// </summary>
public sealed class SwitchSupervisionRule(LuoshiDbContext db, ICurrentActor actor, TimeProvider clock, IOptions<SupervisionOptions> options)
{
    public async Task<SupervisionRuleView> Handle(string code, bool enable, int? version, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.Supervise);
        var now = clock.GetUtcNow();
        var rule = await SaveSupervisionRule.Stored(db, options.Value, code, actor.Name, now, version, ct);
        if (enable)
        {
            rule.Enable(actor.Name, now);
        }
        else
        {
            rule.Disable(actor.Name, now);
        }

        await SaveSupervisionRule.Save(db, ct);
        return SupervisionRuleView.Of(rule);
    }
}
