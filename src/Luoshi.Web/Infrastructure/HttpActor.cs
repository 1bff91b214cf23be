using Luoshi.Application.Common;

namespace Luoshi.Web.Infrastructure;

/// <summary>The actor of an API request: the signed-in user's name, or "anonymous" until sign-in is required.</summary>
internal sealed class HttpActor(IHttpContextAccessor accessor) : ICurrentActor
{
    public string Name => accessor.HttpContext?.User.Identity?.Name is { Length: > 0 } name ? name : "anonymous";
}
