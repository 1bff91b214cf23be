using System.Text.Json;
using System.Text.Json.Serialization;
using Luoshi.Application;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Domain.Common;
using Luoshi.Web.Features.Assessment;
using Luoshi.Application.Supervision;
using Luoshi.Web.Features.Documents;
using Luoshi.Web.Features.Evaluation;
using Luoshi.Web.Features.Identity;
using Luoshi.Web.Features.Indicators;
using Luoshi.Web.Features.Notifications;
using Luoshi.Web.Features.Organization;
using Luoshi.Web.Features.Plans;
using Luoshi.Web.Features.Policies;
using Luoshi.Web.Features.Projects;
using Luoshi.Web.Features.Public;
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

        var options = LuoshiOptions.Read(builder.Configuration);
        var frameSources = (builder.Configuration.GetSection(Application.Publication.PublicOptions.Section).Get<Application.Publication.PublicOptions>() ?? new()).FrameSources();
        builder.Services.AddSingleton(options);
        var database = DatabaseOptions.Resolve(options.DataDir, builder.Configuration.GetConnectionString("Luoshi"));
        builder.Services.AddLuoshiData(database);
        builder.Services.AddSingleton(new DataVersionClock(TimeSpan.FromMilliseconds(options.VersionCheckMilliseconds), TimeSpan.FromMilliseconds(options.ReaderLagMilliseconds)));
        builder.Services.AddLuoshiApplication();
        builder.Services.AddSingleton(new AnswerCache(options.AnswerCacheMegabytes));
        builder.Services.Configure<SupervisionOptions>(builder.Configuration.GetSection(SupervisionOptions.Section));
        builder.Services.Configure<Application.Evaluation.OverviewOptions>(builder.Configuration.GetSection(Application.Evaluation.OverviewOptions.Section));
        builder.Services.Configure<CalendarOptions>(builder.Configuration.GetSection(CalendarOptions.Section));
        builder.Services.Configure<Application.Publication.PublicOptions>(builder.Configuration.GetSection(Application.Publication.PublicOptions.Section));
        builder.Services.Configure<Application.Notifications.NotificationOptions>(builder.Configuration.GetSection(Application.Notifications.NotificationOptions.Section));
        builder.Services.PostConfigure<Application.Notifications.NotificationOptions>(o => o.PublicUrl ??= builder.Configuration["Luoshi:PublicUrl"]);
        builder.AddLuoshiOperations(options, database);
        builder.Services.AddHostedService<DatabaseInitializer>();
        if (!options.PublicOnly)
        {
            // A public-only server writes nothing: no warm-up of the signed-in readers' cache, no scheduled jobs.
            builder.Services.AddHostedService<EvaluationWarmUp>();

            // After the initializer: hosted services start in order, so the schedule never runs on an unmigrated database.
            builder.Services.AddHostedService<SupervisionScheduler>();
        }

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
        builder.Services.AddLuoshiOpenApi();

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
        app.UseLuoshiSecurityHeaders(options.MaxRequestBytes, frameSources);
        if (options.PublicOnly)
        {
            app.UsePublicOnly();
        }

        app.UseLuoshiUi();
        app.UseStaticFiles();

        // Routing comes after the status-code pages, so that a page's 404 is re-executed through routing to the UI's status page.
        app.UseRouting();
        app.UseLuoshiAuthentication();
        app.UseLuoshiMetrics();

        app.MapOpenApi();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Luoshi API v1");
            o.RoutePrefix = "swagger";
        });
        app.MapLuoshiOperations();

        var api = app.MapGroup("/api").AddEndpointFilter<CheckedTextFilter>();
        api.MapOrganizationApi();
        api.MapPlansApi();
        api.MapIndicatorsApi();
        api.MapReadingsApi();
        api.MapIdentityApi();
        api.MapEvaluationApi();
        api.MapReportingApi();
        api.MapProjectsApi();
        api.MapPoliciesApi();
        api.MapAssessmentApi();
        api.MapSupervisionApi();
        api.MapNotificationsApi();
        api.MapDocumentsApi();
        api.MapPublicationApi();
        app.MapPublicData();

        app.MapLuoshiUi();
        return app;
    }

    public static void ConfigureJson(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        o.Converters.Add(new NormalizedDecimalConverter());
        o.Converters.Add(new CheckedStringConverter());
        o.Converters.Add(new PeriodJsonConverter());
        o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    }
}
