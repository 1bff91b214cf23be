using System.Globalization;
using System.Runtime.CompilerServices;
using Luoshi.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Luoshi.Browser.Tests.Infrastructure;

/// <summary>
/// The real application on Kestrel (a free port on 127.0.0.1) over a fresh SQLite file with the demo province,
/// and one headless Chromium from the system (/usr/bin/chromium). Loading the demo takes several seconds, so
/// every browser test shares one site; tests that change data use units and indicators no other test reads.
/// The clock stands still at <see cref="Now"/>, so "overdue" and "last month" mean the same on every run.
/// </summary>
public sealed class DemoSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly DateTimeOffset Now = new(2026, 11, 15, 10, 0, 0, TimeSpan.FromHours(8));

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "luoshi-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private readonly Dictionary<string, string> _sessions = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signIn = new(1, 1);

    public string BaseUrl { get; private set; } = string.Empty;
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The running app's services, for a test that must reach below the API (tampering with the audit log).</summary>
    public IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDir);
        _app = LuoshiWebApp.Build(
        [
            $"--Luoshi:DataDir={_dataDir}", "--Luoshi:Demo=true", "--urls", "http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
        ],
        b => b.Services.AddSingleton<TimeProvider>(new FixedClock(Now)));
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Luoshi.Application.Common.ActorScope>().Actor = Luoshi.Application.Common.FixedActor.Operator("browser-tests");
            var token = await scope.ServiceProvider.GetRequiredService<Luoshi.Application.Identity.ManageTokens>().Issue("admin", "browser tests", null, CancellationToken.None);
            Http.DefaultRequestHeaders.Authorization = new("Bearer", token.Token);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    /// <summary>
    /// The session (cookie) of a demo user, signed in once through POST /api/auth/sign-in and reused: sign-in is
    /// rate-limited per address, so each user signs in at most once per test run.
    /// </summary>
    public async Task<string> SessionOfAsync(string user)
    {
        await _signIn.WaitAsync();
        try
        {
            if (_sessions.TryGetValue(user, out var stored))
            {
                return stored;
            }

            var signing = await Browser.NewContextAsync();
            try
            {
                var response = await signing.APIRequest.PostAsync(BaseUrl + "/api/auth/sign-in", new() { DataObject = new { name = user, password = Luoshi.Application.Demo.SeedDemo.DemoPassword } });
                if (!response.Ok)
                {
                    throw new InvalidOperationException($"demo sign-in of {user} failed: {response.Status}");
                }

                var state = await signing.StorageStateAsync();
                _sessions[user] = state;
                return state;
            }
            finally
            {
                await signing.CloseAsync();
            }
        }
        finally
        {
            _signIn.Release();
        }
    }

    /// <summary>
    /// A fresh browser context (no language cookie: Chinese) at a desktop size, signed in as a demo user (the admin
    /// unless <paramref name="user"/> names another; null for nobody); its screenshot is saved when it is disposed.
    /// </summary>
    public async Task<Session> OpenAsync(BrowserNewContextOptions? options = null, bool signedIn = true, string user = "admin", [CallerMemberName] string test = "")
    {
        // The browser speaks Chinese like the people the UI is written for (the app itself never reads Accept-Language).
        options ??= new BrowserNewContextOptions { ViewportSize = new() { Width = 1366, Height = 900 } };
        options.Locale ??= "zh-CN";
        options.StorageState = signedIn ? await SessionOfAsync(user) : null;
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        return new Session(this, context, await context.NewPageAsync(), test);
    }

    /// <summary>Runs application work as the operator at the CLI does (all grants): the calendar's part of supervision, for one.</summary>
    public async Task<T> AsOperatorAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = _app!.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Luoshi.Application.Common.ActorScope>().Actor = Luoshi.Application.Common.FixedActor.Operator("browser-tests");
        return await work(scope.ServiceProvider);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Http?.Dispose();
        _signIn.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>One test's browser page. Disposing it saves a full-page screenshot as artifacts/screenshots/&lt;test&gt;.png.</summary>
public sealed class Session(DemoSite site, IBrowserContext context, IPage page, string test) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public Task<IResponse?> GoAsync(string path) => Page.GotoAsync(site.BaseUrl + path);

    /// <summary>An extra screenshot of the current state, named after the test and <paramref name="moment"/>.</summary>
    public Task ShotAsync(string moment) => Page.ScreenshotAsync(new() { Path = Artifacts.Screenshot($"{test}-{moment}"), FullPage = true });

    /// <summary>The browser's Navigation Timing of the current page, in milliseconds.</summary>
    public async Task<NavigationTiming> TimingAsync()
    {
        var t = await Page.EvaluateAsync<double[]>(
            """
            () => { const n = performance.getEntriesByType('navigation')[0];
                    return [n.responseStart - n.requestStart, n.responseEnd - n.startTime, n.domContentLoadedEventEnd - n.startTime, n.loadEventEnd - n.startTime]; }
            """);
        return new NavigationTiming(Page.Url, t[0], t[1], t[2], t[3]);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Page.ScreenshotAsync(new() { Path = Artifacts.Screenshot(test), FullPage = true });
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}

/// <param name="ServerMs">Request sent to first byte of the response: the server's rendering time plus the loopback.</param>
public sealed record NavigationTiming(string Url, double ServerMs, double ResponseEndMs, double DomContentLoadedMs, double LoadMs)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Url}: first byte {ServerMs:F0} ms, response end {ResponseEndMs:F0} ms, DOMContentLoaded {DomContentLoadedMs:F0} ms, load {LoadMs:F0} ms");
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<DemoSite>
{
    public const string Name = "browser";
}
