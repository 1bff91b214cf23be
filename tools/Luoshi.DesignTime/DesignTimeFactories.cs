using Luoshi.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Luoshi.DesignTime;

// The connection strings are placeholders: `dotnet ef migrations add` builds the model and never connects.
public sealed class SqliteFactory : IDesignTimeDbContextFactory<SqliteLuoshiDbContext>
{
    public SqliteLuoshiDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<SqliteLuoshiDbContext>();
        DataServices.ConfigureSqlite(b, "Data Source=design.db");
        return new SqliteLuoshiDbContext(b.Options);
    }
}

public sealed class PostgresFactory : IDesignTimeDbContextFactory<PostgresLuoshiDbContext>
{
    public PostgresLuoshiDbContext CreateDbContext(string[] args)
    {
        var b = new DbContextOptionsBuilder<PostgresLuoshiDbContext>();
        DataServices.ConfigurePostgres(b, "Host=localhost;Database=design");
        return new PostgresLuoshiDbContext(b.Options);
    }
}

internal static class Program
{
    private static void Main() => Console.WriteLine("Design-time startup project for dotnet ef; it does nothing when run.");
}
