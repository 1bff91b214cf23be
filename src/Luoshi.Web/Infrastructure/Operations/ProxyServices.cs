using System.Net;
using Luoshi.Domain.Common;
using Microsoft.AspNetCore.HttpOverrides;

namespace Luoshi.Web.Infrastructure.Operations;

/// <summary>Trusting a reverse proxy's X-Forwarded-For, and only the proxies named.</summary>
public static class ProxyServices
{
    public static IServiceCollection AddLuoshiProxies(this IServiceCollection services, string? knownProxies)
    {
        if (string.IsNullOrWhiteSpace(knownProxies))
        {
            return services;
        }

        var networks = Parse(knownProxies);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Only the proxies named: the defaults (loopback) are replaced, not extended.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }

            // One proxy in front: its own entry is the caller; further entries are whatever the caller claimed.
            o.ForwardLimit = 1;
        });
        return services;
    }

    /// <summary>"127.0.0.1, 10.0.0.0/8" → networks (an address is a network of one); a bad entry stops the start with its text.</summary>
    public static IReadOnlyList<System.Net.IPNetwork> Parse(string knownProxies)
    {
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in knownProxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                throw new InvalidOperationException(new Text($"Luoshi:KnownProxies: “{entry}” 不是地址或网段", $"Luoshi:KnownProxies: '{entry}' is neither an address nor a network (e.g. 127.0.0.1 or 10.0.0.0/8)").Bilingual);
            }
        }

        return networks;
    }
}
