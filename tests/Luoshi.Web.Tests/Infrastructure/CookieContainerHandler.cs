using System.Net;

namespace Luoshi.Web.Tests.Infrastructure;

/// <summary>Keeps cookies between requests, as a browser would (the test server's client does not by itself).</summary>
public sealed class CookieContainerHandler : DelegatingHandler
{
    private readonly CookieContainer _cookies = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var header = _cookies.GetCookieHeader(request.RequestUri!);
        if (header.Length > 0)
        {
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var v in values)
            {
                _cookies.SetCookies(request.RequestUri!, v);
            }
        }

        return response;
    }
}
