using Luoshi.Application.Common;
using Luoshi.Web.Infrastructure.Security;

namespace Luoshi.Web.Infrastructure;

/// <summary>The actor of a request: the signed-in user or token owner, else anonymous (the public).</summary>
internal sealed class HttpActor(IHttpContextAccessor accessor) : ICurrentActor
{
    private IReadOnlyList<ActorGrant>? _grants;

    public string Name => IsAuthenticated ? accessor.HttpContext!.User.Identity!.Name! : "anonymous";

    public bool IsAuthenticated => accessor.HttpContext?.User.Identity is { IsAuthenticated: true, Name.Length: > 0 };

    public IReadOnlyList<ActorGrant> Grants => _grants ??= IsAuthenticated ? LuoshiClaims.Grants(accessor.HttpContext!.User) : [];

    public string? RequestId => accessor.HttpContext?.TraceIdentifier;

    public string? Client => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
