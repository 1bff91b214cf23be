namespace Luoshi.Application.Common;

/// <summary>
/// Lets work that runs outside a request (start-up, the demo load, scheduled jobs) name its actor for the
/// services of one scope; within a request it stays empty and the signed-in user is the actor.
/// </summary>
public sealed class ActorScope
{
    public ICurrentActor? Actor { get; set; }
}
