using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Luoshi.Application.Spreadsheets;
using Luoshi.Web.Infrastructure.Operations;
using Luoshi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Luoshi.Web.Tests.Operations;

/// <summary>
/// Behind the proxies named in Luoshi:KnownProxies the caller is the address they forward; anyone else's
/// X-Forwarded-For is ignored. What depends on it: the audit log's client, budgets, who may scrape /metrics.
/// </summary>
public sealed class ProxyTests
{
    private const string Proxy = "10.0.0.5";

    [Fact]
    public async Task TheForwardedAddress_IsTheCallers_OnlyWhenAKnownProxySendsIt()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite, configure: b => b.Configuration["Luoshi:KnownProxies"] = $"{Proxy}, 192.168.0.0/16");
        await app.ImportCsvAsync(ImportKind.Orgs, AppFixture.OrgsCsv);
        await app.ImportCsvAsync(ImportKind.Indicators, AppFixture.IndicatorsCsv);
        var token = app.Client.DefaultRequestHeaders.Authorization!.ToString();

        var viaProxy = await Write(app, token, from: Proxy, forwarded: "203.0.113.7", value: 11);
        var viaNetwork = await Write(app, token, from: "192.168.3.4", forwarded: "203.0.113.8", value: 12);
        var spoofed = await Write(app, token, from: "198.51.100.20", forwarded: "203.0.113.9", value: 13);
        var clients = await Clients(app);

        (viaProxy, viaNetwork, spoofed).ShouldBe((200, 200, 200));
        clients.ShouldBe(["198.51.100.20", "203.0.113.8", "203.0.113.7"], "newest first");

        // The metrics are for the private network: a public caller through the proxy is refused, as is a public caller claiming to be local.
        (await Metrics(app, from: Proxy, forwarded: "203.0.113.7")).ShouldBe(404);
        (await Metrics(app, from: Proxy, forwarded: "10.1.2.3")).ShouldBe(200);
        (await Metrics(app, from: "198.51.100.20", forwarded: "127.0.0.1")).ShouldBe(404);
    }

    [Theory]
    [InlineData("127.0.0.1", 1)]
    [InlineData("10.0.0.0/8, ::1", 2)]
    [InlineData(" 192.168.1.10 ,fd00::/8 ", 2)]
    public void KnownProxies_AreAddressesOrNetworks(string setting, int count) =>
        ProxyServices.Parse(setting).Count.ShouldBe(count);

    [Theory]
    [InlineData("proxy.example")]
    [InlineData("10.0.0.0/99")]
    [InlineData("127.0.0.1; 10.0.0.1")]
    public void ABadKnownProxy_StopsTheStart_NamingIt(string setting) =>
        Should.Throw<InvalidOperationException>(() => ProxyServices.Parse(setting)).Message.ShouldContain("Luoshi:KnownProxies");

    private static async Task<int> Write(TestApp app, string authorization, string from, string forwarded, int value)
    {
        var context = await app.App.GetTestServer().SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/api/readings";
            c.Request.Headers.Authorization = authorization;
            c.Request.Headers["X-Forwarded-For"] = forwarded;
            c.Request.ContentType = "application/json";
            var body = Encoding.UTF8.GetBytes($$"""{"indicator":"FAI","org":"330102","period":"2026-01","value":{{value}}}""");
            c.Request.Body = new MemoryStream(body);
            c.Request.ContentLength = body.Length;
            c.Features.Set<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>(new HasBody());
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
        });
        context.Response.StatusCode.ShouldBe(200, await new StreamReader(context.Response.Body).ReadToEndAsync());
        return context.Response.StatusCode;
    }

    private static async Task<int> Metrics(TestApp app, string from, string forwarded)
    {
        var context = await app.App.GetTestServer().SendAsync(c =>
        {
            c.Request.Path = "/metrics";
            c.Request.Headers["X-Forwarded-For"] = forwarded;
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
        });
        return context.Response.StatusCode;
    }

    private static async Task<List<string?>> Clients(TestApp app)
    {
        var page = JsonNode.Parse(await app.Client.GetStringAsync("/api/audit?entity=Reading&limit=3"))!;
        return [.. page.AsArray().Select(e => e!["client"]?.GetValue<string>())];
    }

    /// <summary>The test server decides whether a request has a body before the test sets one.</summary>
    private sealed class HasBody : Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}
