using System.Diagnostics;
using System.Text.RegularExpressions;
using Luoshi.Domain.Common;
using Npgsql;

namespace Luoshi.Application.Operations;

/// <summary>Backup or restore could not be carried out (a tool missing or failing, a file that is not a backup).</summary>
public sealed class BackupFailedException(Text detail) : Exception(detail.Bilingual)
{
    public Text Detail { get; } = detail;
}

/// <summary>
/// PostgreSQL's own client programs, pg_dump and pg_restore: they know every object type and version of the
/// server, which a copy written here would not. Found on PATH or under Debian's /usr/lib/postgresql/N/bin
/// (the newest version first: pg_dump refuses a server newer than itself).
/// </summary>
internal static partial class PostgresTools
{
    private const string VersionedBinaries = "/usr/lib/postgresql";

    public static string Locate(string tool)
    {
        var candidates = new List<string>();
        if (Directory.Exists(VersionedBinaries))
        {
            candidates.AddRange(Directory.GetDirectories(VersionedBinaries)
                .Select(d => (Dir: d, Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(d => d.Version >= 0)
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Dir, "bin", tool)));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool)));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new BackupFailedException(
                new Text($"找不到 {tool};请安装 PostgreSQL 客户端(apt-get install postgresql-client)", $"{tool} was found neither on PATH nor under {VersionedBinaries}/*/bin: install the PostgreSQL client programs (apt-get install postgresql-client)"));
    }

    /// <summary>
    /// Runs a tool against the database the connection string names. The password travels in the
    /// environment, never on the command line where other users' <c>ps</c> would show it.
    /// </summary>
    public static async Task Run(string tool, IReadOnlyList<string> arguments, string connectionString, Action<string>? onStderrLine, CancellationToken ct, Action<string>? onStdoutLine = null)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Locate(tool))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["PGHOST"] = b.Host ?? "localhost";
        start.Environment["PGPORT"] = b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = Database(b);
        if (b.Username is not null)
        {
            start.Environment["PGUSER"] = b.Username;
        }

        if (b.Password is not null)
        {
            start.Environment["PGPASSWORD"] = b.Password;
        }

        start.Environment["PGCONNECT_TIMEOUT"] = "15";
        using var process = Process.Start(start) ?? throw new BackupFailedException(Text.Same($"{tool} could not be started"));
        var errors = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (errors)
            {
                errors.Add(e.Data);
            }

            onStderrLine?.Invoke(e.Data);
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onStdoutLine?.Invoke(e.Data);
            }
        };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            string[] failures;
            lock (errors)
            {
                failures = errors.Where(l => !VerboseLine().IsMatch(l)).TakeLast(8).ToArray();
            }

            var output = Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", failures);
            throw new BackupFailedException(new Text($"{tool} 失败(退出码 {process.ExitCode}):{output}", $"{tool} failed (exit code {process.ExitCode}):{output}"));
        }
    }

    public static string Database(NpgsqlConnectionStringBuilder b) => b.Database ?? b.Username ?? "postgres";

    /// <summary>The table a verbose pg_dump or pg_restore line says it is copying, if it says one.</summary>
    public static string? TableOf(string verboseLine) =>
        TableLine().Match(verboseLine) is { Success: true } m ? m.Groups["table"].Value : null;

    [GeneratedRegex("""^pg_(dump|restore): (dumping contents of|processing data for) table "(?:[^"]*\.)?(?<table>[^"]+)"$""")]
    private static partial Regex TableLine();

    [GeneratedRegex("^pg_(dump|restore): (?!error|warning|detail|hint)")]
    private static partial Regex VerboseLine();
}
