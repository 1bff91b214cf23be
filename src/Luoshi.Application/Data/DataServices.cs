using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Data;

public static class DataServices
{
    /// <summary>
    /// Registers the DbContext for the configured provider under its base type <see cref="LuoshiDbContext"/>. Its options
    /// depend on the connection string alone, so they are built once (a singleton) rather than for every request's context.
    /// </summary>
    public static IServiceCollection AddLuoshiData(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(Path.GetFullPath(options.DataDir));
            services.AddDbContext<SqliteLuoshiDbContext>(o => ConfigureSqlite(o, options.SqliteConnectionString), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<LuoshiDbContext>(sp => sp.GetRequiredService<SqliteLuoshiDbContext>());
        }
        else
        {
            services.AddDbContext<PostgresLuoshiDbContext>(o => ConfigurePostgres(o, options.PostgresConnectionString!), optionsLifetime: ServiceLifetime.Singleton);
            services.AddScoped<LuoshiDbContext>(sp => sp.GetRequiredService<PostgresLuoshiDbContext>());
        }

        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, s => s.MigrationsHistoryTable("__migrations")).AddInterceptors(VersionCommitInterceptor.Instance, SqliteBusyTimeout.Instance);

    public static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, s => s.MigrationsHistoryTable("__migrations")).AddInterceptors(VersionCommitInterceptor.Instance);

    /// <summary>Creates a context outside dependency injection (the CLI's short commands, tests, benchmarks).</summary>
    public static LuoshiDbContext CreateContext(DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            var b = new DbContextOptionsBuilder<SqliteLuoshiDbContext>();
            ConfigureSqlite(b, options.SqliteConnectionString);
            return new SqliteLuoshiDbContext(b.Options);
        }

        var p = new DbContextOptionsBuilder<PostgresLuoshiDbContext>();
        ConfigurePostgres(p, options.PostgresConnectionString!);
        return new PostgresLuoshiDbContext(p.Options);
    }
}
