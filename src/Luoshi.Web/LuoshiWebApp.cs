using System.Text.Json;
using System.Text.Json.Serialization;
using Luoshi.Application;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Web.Features.Assessment;
using Luoshi.Application.Supervision;
using Luoshi.Web.Features.Documents;
using Luoshi.Web.Features.Evaluation;
using Luoshi.Web.Features.Identity;
using Luoshi.Web.Features.Indicators;
using Luoshi.Web.Features.Notifications;
using Luoshi.Web.Features.Organization;
using Luoshi.Web.Features.Plans;
using Luoshi.Web.Features.Projects;
using Luoshi.Web.Features.Readings;
using Luoshi.Web.Features.Reporting;
using Luoshi.Web.Features.Supervision;
using Luoshi.Web.Infrastructure;
using Luoshi.Web.Infrastructure.Caching;
using Luoshi.Web.Infrastructure.Operations;
using Luoshi.Web.Infrastructure.Security;
using Luoshi.Web.Infrastructure.Security.Oidc;
using Luoshi.Web.Ui;

namespace Luoshi.Web;

/// <summary>Builds the web host: the table of contents of the server. The CLI's <c>serve</c> calls this too.</summary>
public static class LuoshiWebApp
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings and static files are found beside the assembly, wherever the process was started from; the pages
        // are found in this assembly whichever program hosts it (the CLI, the tests).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(LuoshiWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        configure?.Invoke(builder);

        var options = builder.Configuration.GetSection(LuoshiOptions.Section).Get<LuoshiOptions>() ?? new LuoshiOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddLuoshiData(DatabaseOptions.Resolve(options.DataDir, builder.Configuration.GetConnectionString("Luoshi")));
        builder.Services.AddSingleton(new DataVersionClock(TimeSpan.FromMilliseconds(options.VersionCheckMilliseconds), TimeSpan.FromMilliseconds(options.ReaderLagMilliseconds)));
        builder.Services.AddLuoshiApplication();
        builder.Services.AddSingleton(new AnswerCache(options.AnswerCacheMegabytes));
        builder.Services.Configure<SupervisionOptions>(builder.Configuration.GetSection(SupervisionOptions.Section));
        builder.Services.Configure<Application.Evaluation.OverviewOptions>(builder.Configuration.GetSection(Application.Evaluation.OverviewOptions.Section));
        builder.Services.Configure<CalendarOptions>(builder.Configuration.GetSection(CalendarOptions.Section));
        builder.AddLuoshiOperations(options);
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddHostedService<EvaluationWarmUp>();

        // After the initializer: hosted services start in order, so the schedule never runs on an unmigrated database.
        builder.Services.AddHostedService<SupervisionScheduler>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<HttpActor>();
        builder.Services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<ActorScope>().Actor ?? sp.GetRequiredService<HttpActor>());
        builder.Services.AddLuoshiSecurity(options.RequestsPerMinute);
        builder.Services.AddLuoshiOidc(builder.Configuration);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            k.AddServerHeader = false;
        });

        builder.Services.AddLuoshiUi(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "落实 Luoshi API";
            doc.Info.Description = "计划、指标、目标、数据、督办 / plans, indicators, targets, readings, supervision. Errors are RFC 7807 problem documents.";
            return Task.CompletedTask;
        }));

        builder.Services.AddLuoshiProxies(options.KnownProxies);

        var app = builder.Build();

        // First: behind a trusted proxy, the caller's address (budgets, sign-in limits, the audit log, /metrics) is the one it forwarded.
        if (!string.IsNullOrWhiteSpace(options.KnownProxies))
        {
            app.UseForwardedHeaders();
        }

        app.UseLuoshiRequestIds();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseLuoshiSecurityHeaders(options.MaxRequestBytes);
        app.UseLuoshiUi();
        app.UseStaticFiles();

        // Routing comes after the status-code pages, so that a page's 404 is re-executed through routing to the UI's status page.
        app.UseRouting();
        app.UseLuoshiAuthentication();

        app.MapOpenApi();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Luoshi API v1");
            o.RoutePrefix = "swagger";
        });
        app.MapLuoshiOperations();

        var api = app.MapGroup("/api");
        api.MapOrganizationApi();
        api.MapPlansApi();
        api.MapIndicatorsApi();
        api.MapReadingsApi();
        api.MapIdentityApi();
        api.MapEvaluationApi();
        api.MapReportingApi();
        api.MapProjectsApi();
        api.MapAssessmentApi();
        api.MapSupervisionApi();
        api.MapNotificationsApi();
        api.MapDocumentsApi();

        app.MapLuoshiUi();
        return app;
    }

    public static void ConfigureJson(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        o.Converters.Add(new NormalizedDecimalConverter());
        o.Converters.Add(new PeriodJsonConverter());
        o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }
}

/// <summary>Settings under <c>Luoshi:</c>: where the data lives and whether to serve the demo province.</summary>
public sealed class LuoshiOptions
{
    public const string Section = "Luoshi";

    /// <summary>The data directory (SQLite file, uploads); default the current directory.</summary>
    public string? DataDir { get; set; }

    /// <summary>Load the synthetic demo province into an empty database at start.</summary>
    public bool Demo { get; set; }

    /// <summary>The largest request body accepted (uploads included); default 20 MB.</summary>
    public long MaxRequestBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary><c>json</c> for one JSON object per log line (with the request id); plain lines otherwise.</summary>
    public string LogFormat { get; set; } = "simple";

    /// <summary>
    /// The per-caller request budget that stops a runaway script: requests per minute for one user (or one address
    /// when signed out), bursts of a third of it; default 3,600. 0 turns it off, where a proxy in front budgets
    /// callers itself (anonymous callers are told apart by address, so behind a proxy they share one). The sign-in
    /// limit stays either way.
    /// </summary>
    public int RequestsPerMinute { get; set; } = 3600;

    /// <summary>
    /// How long this server trusts its last reading of the data versions before asking the database again:
    /// the most by which a change made through another server can lag here (this server's own changes show at
    /// once); default 250 ms, 0 to ask on every request.
    /// </summary>
    public int VersionCheckMilliseconds { get; set; } = 250;

    /// <summary>
    /// How long the data one version shows is shared with readers who have not written since, however many writes land
    /// meanwhile; default 500 ms, 0 for every commit at once. A person always reads their own writes at once; everyone
    /// else sees them within this (plus <see cref="VersionCheckMilliseconds"/> on another server). On a reporting day it
    /// bounds how often a province-wide answer or the overview is worked out afresh: once per this period, not per write.
    /// </summary>
    public int ReaderLagMilliseconds { get; set; } = 500;

    /// <summary>
    /// Memory for answers worked out once per data version and shared by readers (the evaluation API, the overview
    /// page); default 64 MB, 0 to work every answer out afresh.
    /// </summary>
    public int AnswerCacheMegabytes { get; set; } = 64;

    /// <summary>
    /// The reverse proxies in front (addresses or networks, comma-separated: "127.0.0.1, 10.0.0.0/8"). Requests from
    /// them are taken to come from the address in X-Forwarded-For (and over the scheme in X-Forwarded-Proto); from
    /// anyone else those headers are ignored. Unset: the connection's address is the caller's.
    /// </summary>
    public string? KnownProxies { get; set; }

    /// <summary>How long a stopping server lets running requests finish; default 30 s.</summary>
    public int ShutdownSeconds { get; set; } = 30;

    /// <summary>
    /// The most managed memory the server lets its heap grow to (the collector works harder as it nears it); default
    /// 3,072 MB — a national deployment's snapshot twice over (while a rebuild runs) with room to spare — and never more
    /// than three quarters of the machine's or container's memory; 0 leaves the runtime's own sizing. A limit set for
    /// the runtime itself (<c>DOTNET_GCHeapHardLimit</c>) wins.
    /// </summary>
    public int HeapLimitMegabytes { get; set; } = Application.Operations.HeapLimit.DefaultMegabytes;
}
