namespace Luoshi.Domain.Supervision;

/// <summary>
/// How the person acting stands towards one item, worked out by the application from their grants:
/// <list type="bullet">
/// <item><see cref="LeadMember"/>: works for the lead unit (a grant bound to it or a unit below it that may handle items);</item>
/// <item><see cref="Supervisor"/>: holds the supervising permission over the lead unit through a role other than Admin;</item>
/// <item><see cref="Admin"/>: an Admin over the lead unit, who may act for either party, and is recorded as doing so;</item>
/// <item><see cref="FromLeadUnit"/>: holds any grant bound to the lead unit or below it — such a person never acts as
/// the supervising party on the unit's own item (no one checks their own homework).</item>
/// </list>
/// </summary>
public sealed record SupervisionParticipant(string Name, bool LeadMember, bool Supervisor, bool Admin, bool FromLeadUnit, bool IsSystem = false)
{
    /// <summary>The calendar and the opening rules: they open items and chase them for the system, not for a party.</summary>
    public static SupervisionParticipant System(string name) => new(name, LeadMember: false, Supervisor: false, Admin: true, FromLeadUnit: false, IsSystem: true);
}
