using System.CommandLine;
using Luoshi.Application;
using Luoshi.Application.Common;
using Luoshi.Application.Data;
using Luoshi.Application.Supervision;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Cli;

/// <summary>The options every data command shares, and the service scope the command runs in.</summary>
internal static class CliServices
{
    public static Option<string> DataDirOption() => new("--data-dir")
    {
        Description = Words.Of("数据目录(SQLite文件所在)", "the data directory (where the SQLite file lives)"),
        DefaultValueFactory = _ => ".",
    };

    /// <summary>Parses a date option (YYYY-MM-DD); a malformed one is refused naming the option.</summary>
    public static DateOnly? Date(string? text, string option) =>
        text is null ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date
        : throw new Domain.Common.DomainException(option, new($"日期格式应为 2026-07-25", $"--{option} must look like 2026-07-25: '{Application.Common.Parsing.Clip(text)}'"));

    /// <summary>Opens the database (migrating it first, unless told not to touch it) and returns a scope to resolve use cases from.</summary>
    public static async Task<AsyncServiceScope> OpenAsync(string dataDir, CancellationToken ct, bool migrate = true)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLuoshiData(DatabaseOptions.Resolve(dataDir, null));
        services.AddLuoshiApplication();

        // The same settings file and environment variables the server reads, so that `supervise escalate`
        // climbs the same ladder as the server's daily run.
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        services.Configure<SupervisionOptions>(configuration.GetSection(SupervisionOptions.Section));
        services.Configure<Application.Evaluation.OverviewOptions>(configuration.GetSection(Application.Evaluation.OverviewOptions.Section));
        services.Configure<CalendarOptions>(configuration.GetSection(CalendarOptions.Section));
        services.Configure<Application.Notifications.NotificationOptions>(configuration.GetSection(Application.Notifications.NotificationOptions.Section));
        services.PostConfigure<Application.Notifications.NotificationOptions>(o => o.PublicUrl ??= configuration["Luoshi:PublicUrl"]);
        // The operator at the machine holds the data directory itself, so the CLI acts with every permission.
        services.AddSingleton<ICurrentActor>(FixedActor.Operator("cli:" + Environment.UserName));
        var provider = services.BuildServiceProvider();

        // The settings are checked before any work, as the server checks them at start: a bad zone is refused naming its key.
        _ = provider.GetRequiredService<LocalCalendar>();
        var scope = provider.CreateAsyncScope();
        if (migrate)
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        }

        return scope;
    }
}
