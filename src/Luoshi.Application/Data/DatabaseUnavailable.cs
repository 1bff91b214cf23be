using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Luoshi.Application.Data;

/// <summary>
/// Tells a database that cannot answer right now (PostgreSQL restarting or unreachable, its connections
/// exhausted, a SQLite file locked by a long writer) from a failure of the request itself. The web tier
/// answers the first kind with 503 and Retry-After, so that callers retry instead of reporting a bug; the
/// next request opens a fresh connection and succeeds once the database is back.
/// </summary>
public static class DatabaseUnavailable
{
    // SQLSTATE classes and codes that mean "not now": connection exceptions (08), operator intervention
    // (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now), too many connections (53300).
    private static readonly string[] States = ["57P01", "57P02", "57P03", "53300", "53400"];

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || States.Contains(pg.SqlState):
                    return true;
                case PostgresException:
                    return false;
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException:
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6:
                    // SQLITE_BUSY, SQLITE_LOCKED: another writer held the file past the busy timeout.
                    return true;
                case SocketException:
                    return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Two writers of the same row at the same moment: the database refused the second (a unique version
/// number taken meanwhile, a serialization failure, a deadlock victim). Nothing of the refused write was
/// kept; the web tier answers 409 so that the caller reloads and tries again.
/// </summary>
public static class DatabaseConflict
{
    /// <summary>Another writer got there first: a unique key taken, or (PostgreSQL) a serialization failure or deadlock.</summary>
    public static bool Is(Exception exception) => Find(exception, alsoRetryable: true);

    /// <summary>A row with the same unique key is there already: told by the provider's error code, never by its message.</summary>
    public static bool IsDuplicate(Exception exception) => Find(exception, alsoRetryable: false);

    private static bool Find(Exception exception, bool alsoRetryable)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    return pg.SqlState == PostgresErrorCodes.UniqueViolation
                        || (alsoRetryable && pg.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected);
                case SqliteException sqlite:
                    // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY
                    return sqlite.SqliteExtendedErrorCode is 2067 or 1555;
            }
        }

        return false;
    }
}
