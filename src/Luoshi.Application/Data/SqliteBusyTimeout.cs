using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Luoshi.Application.Data;

/// <summary>
/// Makes SQLite itself wait for a taken write lock (<c>PRAGMA busy_timeout</c>), polling every few milliseconds,
/// rather than failing at once into Microsoft.Data.Sqlite's own retry loop, which sleeps 150 ms between attempts.
/// A request that arrives while a job's batch is being written then gets the lock within milliseconds of the
/// commit, in the job's pause, instead of at its next 150 ms tick — which may fall inside the job's next batch.
/// Past this wait the library's loop goes on retrying up to the connection's default timeout.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
