using Luoshi.Application.Common;
using Luoshi.Domain.Identity;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Supervision;

namespace Luoshi.Application.Supervision;

/// <summary>
/// Works out from the actor's grants how they stand towards an item led by <c>lead</c> (docs/adr/0010):
/// a grant bound to the lead unit or a unit below it makes them its people; the supervising permission
/// over the lead unit from a grant bound elsewhere (above it) makes them a supervisor; an Admin over the
/// lead unit may act for either side.
/// </summary>
internal static class SupervisionParties
{
    public static SupervisionParticipant Of(ICurrentActor actor, OrgUnit lead)
    {
        bool Within(ActorGrant g) => g.ScopePath is { } path && path.StartsWith(lead.Path, StringComparison.Ordinal);
        bool Covers(ActorGrant g) => g.ScopePath is null || lead.Path.StartsWith(g.ScopePath, StringComparison.Ordinal);
        var grants = actor.Grants;
        return new SupervisionParticipant(
            actor.Name,
            LeadMember: grants.Any(g => Within(g) && g.Role.Grants(Permission.HandleSupervision)),
            Supervisor: grants.Any(g => g.Role != Role.Admin && Covers(g) && g.Role.Grants(Permission.Supervise)),
            Admin: grants.Any(g => g.Role == Role.Admin && Covers(g)),
            FromLeadUnit: grants.Any(g => Within(g) && g.Role != Role.Public));
    }

    /// <summary>Whether the actor may read the item: their read permission reaches its lead, supervising or a supporting unit.</summary>
    public static bool CanRead(ICurrentActor actor, IEnumerable<OrgUnit> units) => units.Any(u => actor.Can(Permission.ReadAll, u));
}
