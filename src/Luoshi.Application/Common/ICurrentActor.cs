namespace Luoshi.Application.Common;

/// <summary>Who is making the current change: a signed-in user, a token's owner, or the operator at the CLI.</summary>
public interface ICurrentActor
{
    string Name { get; }
}

/// <summary>A fixed actor, for the CLI and for background work.</summary>
public sealed class FixedActor(string name) : ICurrentActor
{
    public string Name { get; } = name;
}
