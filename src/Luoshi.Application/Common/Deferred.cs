using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Common;

/// <summary>
/// A scoped service resolved on first use rather than when its dependant is built. Paths that are usually answered
/// from memory (a signed-in user, a kept answer, the data version read within its window) take the request's
/// <c>LuoshiDbContext</c> this way, so that a request served from memory never creates one (docs/adr/0015).
/// </summary>
public sealed class Deferred<T>
    where T : class
{
    private readonly IServiceProvider? _services;
    private T? _value;

    public Deferred(IServiceProvider services) => _services = services;

    private Deferred(T value) => _value = value;

    /// <summary>The service, resolved from the request's scope the first time it is asked for.</summary>
    public T Value => _value ??= _services!.GetRequiredService<T>();

    /// <summary>An instance already at hand (a context outside dependency injection: the CLI, tests).</summary>
    public static Deferred<T> Of(T value) => new(value ?? throw new ArgumentNullException(nameof(value)));
}
