using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luoshi.Application.Data;
using Luoshi.Application.Identity;
using Luoshi.Domain.Identity;
using Luoshi.Web.Infrastructure.Security.Oidc;
using Luoshi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Web.Tests.Identity;

/// <summary>
/// Sign-in through an OpenID Connect provider (authorization code + PKCE), end to end against
/// <see cref="FakeOidcProvider"/>: the sign-in page's button, the redirect to the provider, the callback, the
/// token exchange and the id_token checks, and the local user it leads to — or the refusal.
/// </summary>
public sealed class OidcSignInTests(OidcAppFixture fixture) : IClassFixture<OidcAppFixture>
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task CodeFlow_SignsInTheMappedLocalUser_WithTheirOwnGrants(Db db)
    {
        var (app, provider) = await fixture.For(db);
        await AddUser(app, "oidc-alice", Role.Reporter, "330100");
        var browser = Browser(app);

        var page = await browser.GetStringAsync("/sign-in");
        var toProvider = await browser.GetAsync("/sign-in?handler=Oidc&returnUrl=%2Fplans");
        toProvider.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var back = await browser.GetAsync(provider.Authorize(toProvider.Headers.Location!.ToString(), "OIDC-Alice"));
        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var next = back.Headers.Location!.ToString();
        var continued = await browser.GetStringAsync(next);
        var me = JsonNode.Parse(await browser.GetStringAsync("/api/auth/me"))!;

        page.ShouldContain("id=\"sign-in-external\"");
        page.ShouldContain("使用测试身份认证登录");
        next.ShouldStartWith("/sign-in?");
        next.ShouldContain("handler=Continue");
        continued.ShouldContain("http-equiv=\"refresh\" content=\"0;url=/plans\"");
        me["name"]!.GetValue<string>().ShouldBe("oidc-alice");
        me["grants"]!.AsArray().Select(g => g!["role"]!.ToString()).ShouldBe(["reporter"]);
        var audit = JsonNode.Parse(await app.Client.GetStringAsync("/api/audit?entity=User&key=oidc-alice"))!.AsArray();
        audit.ShouldContain(a => a!["action"]!.GetValue<string>() == "sign-in" && a["after"]!.GetValue<string>().Contains("oidc"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task UnknownUser_IsRefusedWithAClearMessage_AndNobodyIsCreated(Db db)
    {
        var (app, provider) = await fixture.For(db);
        var browser = Browser(app);

        var back = await FlowAsync(browser, provider, "oidc-nobody", null);
        var message = await browser.GetStringAsync(back.Headers.Location!.ToString());

        back.Headers.Location!.ToString().ShouldBe("/sign-in?external=unknownuser");
        message.ShouldContain("本系统中没有对应的用户");
        (await browser.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await using var scope = app.OperatorScope();
        (await scope.ServiceProvider.GetRequiredService<LuoshiDbContext>().Users.AnyAsync(u => u.Name == "oidc-nobody")).ShouldBeFalse();
    }

    public static TheoryData<Db, string> BadTokens()
    {
        var data = new TheoryData<Db, string>();
        foreach (var db in Providers.Each)
        {
            foreach (var bad in Shapes.Keys)
            {
                data.Add(db, bad);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task IdTokenThatFailsACheck_IsRefused(Db db, string bad)
    {
        var (app, provider) = await fixture.For(db);
        await AddUser(app, "oidc-bob", Role.Leader, null);
        var browser = Browser(app);
        var redeemed = provider.Redeemed;

        var back = await FlowAsync(browser, provider, "oidc-bob", Shapes[bad]);

        provider.Redeemed.ShouldBe(redeemed + 1);
        back.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        back.Headers.Location!.ToString().ShouldBe("/sign-in?external=failed");
        (await browser.GetStringAsync("/sign-in?external=failed")).ShouldContain("通过身份提供方登录未成功");
        (await browser.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Callback_WithAnotherBrowsersState_IsRefusedBeforeTheCodeIsRedeemed(Db db)
    {
        var (app, provider) = await fixture.For(db);
        await AddUser(app, "oidc-carol", Role.Leader, null);
        var victim = Browser(app);
        var attacker = Browser(app);
        var redeemed = provider.Redeemed;

        // The attacker's own code and state, replayed in a browser that never started this sign-in.
        var start = await attacker.GetAsync("/sign-in?handler=Oidc");
        var back = await victim.GetAsync(provider.Authorize(start.Headers.Location!.ToString(), "oidc-carol"));

        back.Headers.Location!.ToString().ShouldBe("/sign-in?external=failed");
        provider.Redeemed.ShouldBe(redeemed);
        (await victim.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task WithoutAnAuthority_ThereIsNoButtonAndNoExternalSignIn()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite);
        var browser = Browser(app);

        (await browser.GetStringAsync("/sign-in")).ShouldNotContain("sign-in-external");
        (await browser.GetAsync("/sign-in?handler=Oidc")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnreachableProvider_SendsTheBrowserBackWithAMessage_NotAnError()
    {
        await using var app = await TestApp.StartAsync(Db.Sqlite, configure: b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Luoshi:Oidc:Authority"] = "http://idp-down.test",
                ["Luoshi:Oidc:ClientId"] = FakeOidcProvider.ClientId,
                ["Luoshi:Oidc:RequireHttpsMetadata"] = "false",
            });
            b.Services.Configure<OpenIdConnectOptions>(OidcServices.SchemeName, o => o.BackchannelHttpHandler = new Down());
        });
        var browser = Browser(app);

        var start = await browser.GetAsync("/sign-in?handler=Oidc");

        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        start.Headers.Location!.ToString().ShouldBe("/sign-in?external=unavailable");
        (await browser.GetStringAsync("/sign-in?external=unavailable")).ShouldContain("暂时无法连接身份提供方");
    }

    private sealed class Down : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
    }

    [Fact]
    public void AnAuthorityWithoutAClientId_FailsAtStart_SayingWhatToSet()
    {
        var e = Should.Throw<InvalidOperationException>(() => LuoshiWebApp.Build(["--Luoshi:Oidc:Authority=https://idp.example"], b => b.WebHost.UseTestServer()));

        e.Message.ShouldContain("Luoshi:Oidc:ClientId");
    }

    private static readonly Dictionary<string, TokenShape> Shapes = new()
    {
        ["wrong nonce"] = new(Nonce: "a-nonce-from-another-sign-in"),
        ["wrong issuer"] = new(Issuer: "http://impostor.test"),
        ["wrong audience"] = new(Audience: "another-client"),
        ["expired"] = new(Expired: true),
        ["signed by another key"] = new(ForeignKey: true),
    };

    private static async Task<HttpResponseMessage> FlowAsync(HttpClient browser, FakeOidcProvider provider, string user, TokenShape? shape)
    {
        var start = await browser.GetAsync("/sign-in?handler=Oidc");
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await browser.GetAsync(provider.Authorize(start.Headers.Location!.ToString(), user, shape));
    }

    private static async Task AddUser(TestApp app, string name, Role role, string? org)
    {
        await using var scope = app.OperatorScope();
        await scope.ServiceProvider.GetRequiredService<AddUser>().Handle(new AddUser.Request(name, role, org), CancellationToken.None);
    }

    private static int _clients;

    /// <summary>A cookie-keeping client with an address of its own, so the per-address sign-in limit counts each test apart.</summary>
    private static HttpClient Browser(TestApp app)
    {
        var client = app.CookieClient();
        client.DefaultRequestHeaders.Add(OidcAppFixture.ClientHeader, $"10.9.{Interlocked.Increment(ref _clients) / 250}.{_clients % 250 + 1}");
        return client;
    }
}

/// <summary>One app per provider with sign-in through <see cref="FakeOidcProvider"/> configured.</summary>
public sealed class OidcAppFixture : IAsyncLifetime
{
    public const string ClientHeader = "X-Test-Client-Address";

    private readonly PerProvider<(TestApp App, FakeOidcProvider Provider)> _apps = new(Start);

    public Task<(TestApp App, FakeOidcProvider Provider)> For(Db db) => _apps.For(db);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var started in _apps.Started)
        {
            var (app, provider) = await started;
            await app.DisposeAsync();
            provider.Dispose();
        }
    }

    private static async Task<(TestApp, FakeOidcProvider)> Start(Db db)
    {
        var provider = new FakeOidcProvider();
        var app = await TestApp.StartAsync(db, configure: b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Luoshi:Oidc:Authority"] = FakeOidcProvider.Issuer,
                ["Luoshi:Oidc:ClientId"] = FakeOidcProvider.ClientId,
                ["Luoshi:Oidc:ClientSecret"] = FakeOidcProvider.ClientSecret,
                ["Luoshi:Oidc:DisplayName"] = "测试身份认证",
                ["Luoshi:Oidc:RequireHttpsMetadata"] = "false",
            });
            b.Services.Configure<OpenIdConnectOptions>(OidcServices.SchemeName, o => o.BackchannelHttpHandler = provider);
            b.Services.AddSingleton<IStartupFilter, ClientAddress>();
        });
        await app.ImportCsvAsync(Application.Spreadsheets.ImportKind.Orgs, AppFixture.OrgsCsv);
        return (app, provider);
    }

    /// <summary>The test server has no socket: each test client names its address in a header.</summary>
    private sealed class ClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, then) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[ClientHeader].ToString(), out var address))
                {
                    http.Connection.RemoteIpAddress = address;
                }

                return then(http);
            });
            next(app);
        };
    }
}
