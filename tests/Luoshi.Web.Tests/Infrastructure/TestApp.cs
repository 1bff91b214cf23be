using Luoshi.Application.Common;
using Luoshi.Application.Identity;
using Luoshi.Application.Spreadsheets;
using Luoshi.Domain.Identity;
using Luoshi.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Web.Tests.Infrastructure;

/// <summary>
/// The real application on an in-process test server, over a fresh database of its own: a SQLite file in
/// a temporary directory, or a new PostgreSQL database on the server that scripts/test.sh starts.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;

    public const string AdminName = "test-admin";

    private TestApp(WebApplication app, TestDatabase database, bool ownsDatabase = true)
    {
        App = app;
        _database = database;
        _ownsDatabase = ownsDatabase;
        Client = app.GetTestClient();
        Anonymous = app.GetTestClient();
    }

    public WebApplication App { get; }

    /// <summary>A client signed in with an Admin's API token.</summary>
    public HttpClient Client { get; }

    /// <summary>A client with no credentials: the public.</summary>
    public HttpClient Anonymous { get; }

    /// <param name="configure">Registers replacements before the app's own services (a fixed clock, a test sender).</param>
    public static async Task<TestApp> StartAsync(Db db, bool demo = false, Action<WebApplicationBuilder>? configure = null) =>
        await StartOnAsync(await TestDatabase.CreateAsync(db), ownsDatabase: true, demo, configure: configure);

    /// <summary>A second server over the same database as <paramref name="first"/>, as behind a proxy.</summary>
    public static Task<TestApp> StartBesideAsync(TestApp first, Action<WebApplicationBuilder>? configure = null) => StartOnAsync(first._database, ownsDatabase: false, demo: false, configure: configure);

    /// <summary>A server whose PostgreSQL connection string points elsewhere (e.g. through a forwarder) over a fresh database.</summary>
    public static async Task<TestApp> StartThroughAsync(Func<string, string> rewriteConnectionString) =>
        await StartOnAsync(await TestDatabase.CreateAsync(Db.Postgres), ownsDatabase: true, demo: false, rewriteConnectionString, null);

    private static async Task<TestApp> StartOnAsync(TestDatabase database, bool ownsDatabase, bool demo, Func<string, string>? rewriteConnectionString = null, Action<WebApplicationBuilder>? configure = null)
    {
        // The daily supervision run stays off: tests drive it themselves, with a clock they control.
        var args = new List<string> { $"--Luoshi:DataDir={database.Options.DataDir}", "--Luoshi:Supervision:ScheduleEnabled=false" };
        if (database.Options.PostgresConnectionString is { } pg)
        {
            args.Add($"--ConnectionStrings:Luoshi={(rewriteConnectionString is null ? pg : rewriteConnectionString(pg))}");
        }

        if (demo)
        {
            args.Add("--Luoshi:Demo=true");
        }

        var app = LuoshiWebApp.Build([.. args], b =>
        {
            b.WebHost.UseTestServer();
            configure?.Invoke(b);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            if (ownsDatabase)
            {
                await database.DisposeAsync();
            }

            throw;
        }

        var testApp = new TestApp(app, database, ownsDatabase);
        testApp.Client.DefaultRequestHeaders.Authorization = new("Bearer", await testApp.TokenFor(AdminName, Role.Admin, null));
        return testApp;
    }

    /// <summary>Creates (or extends) a user with a role over a unit and returns a fresh API token of theirs.</summary>
    public async Task<string> TokenFor(string user, Role role, string? org)
    {
        await using var scope = OperatorScope();
        await scope.ServiceProvider.GetRequiredService<AddUser>().Handle(new AddUser.Request(user, role, org), CancellationToken.None);
        var token = await scope.ServiceProvider.GetRequiredService<ManageTokens>().Issue(user, "test", null, CancellationToken.None);
        return token.Token;
    }

    /// <summary>A client carrying a token of a user with the role over the unit.</summary>
    public async Task<HttpClient> ClientFor(string user, Role role, string? org)
    {
        var client = App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenFor(user, role, org));
        return client;
    }

    /// <summary>A signed-out client that keeps its cookies between requests, as a browser does.</summary>
    public HttpClient CookieClient() =>
        new(new CookieContainerHandler { InnerHandler = App.GetTestServer().CreateHandler() }) { BaseAddress = new Uri("http://localhost") };

    /// <summary>A service scope acting as the operator (as the CLI does), outside any request.</summary>
    public AsyncServiceScope OperatorScope()
    {
        var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorScope>().Actor = FixedActor.Operator("test-operator");
        return scope;
    }

    /// <summary>Runs the import use case directly, as the operator's CLI would.</summary>
    public async Task<ImportSummary> ImportCsvAsync(ImportKind kind, string csv)
    {
        await using var scope = OperatorScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportData>();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        return await import.FromCsv(kind, stream, null, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>
/// One application per provider for a test class, started on first use and seeded with a small province;
/// tests that change data use codes of their own so they do not disturb each other.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string OrgsCsv = """
        code,name,kind,parent
        330000,测试省,Province,
        330100,甲市,City,330000
        330200,乙市,City,330000
        330102,甲一区,County,330100
        330103,甲二区,County,330100
        330202,乙一区,County,330200
        FGW,省发改委,Department,330000
        100000,全国,Reference,
        """;

    public const string IndicatorsCsv = """
        code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile
        FAI,固定资产投资,亿元,higher,month,cumulative,sum,,5%,linear
        PRIVATE_INV,民间投资,亿元,higher,month,cumulative,sum,,5%,linear
        PRIVATE_SHARE,民间投资占比,%,higher,month,level,formula,PRIVATE_INV / FAI * 100,0.5,linear
        UNEMP,城镇调查失业率,%,lower,month,level,none,,0.3,linear
        GDP,地区生产总值,亿元,higher,quarter,cumulative,sum,,5%,linear
        """;

    private readonly PerProvider<TestApp> _apps = new(StartSeeded);

    public Task<TestApp> For(Db db) => _apps.For(db);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Started)
        {
            await (await app).DisposeAsync();
        }
    }

    private static async Task<TestApp> StartSeeded(Db db)
    {
        var app = await TestApp.StartAsync(db);
        await app.ImportCsvAsync(ImportKind.Orgs, OrgsCsv);
        await app.ImportCsvAsync(ImportKind.Indicators, IndicatorsCsv);
        return app;
    }
}
