using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Luoshi.Reliability;

/// <summary>Where the pieces are: the built CLI, the PostgreSQL server, nginx, the output directory.</summary>
internal sealed record Setup(string Cli, string PostgresServer, string? PostgresRestart, string? Nginx, string Out, bool Quick)
{
    public string Work => Path.Combine(Out, "work");

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

/// <summary>One data store the suite works on: a fresh PostgreSQL database or a SQLite file in its own data directory.</summary>
internal sealed class Store
{
    private Store(string name, string dataDir, string? postgres)
    {
        Name = name;
        DataDir = dataDir;
        Postgres = postgres;
    }

    public string Name { get; }
    public string DataDir { get; }
    public string? Postgres { get; }
    public bool IsPostgres => Postgres is not null;
    public string SqlitePath => Path.Combine(DataDir, "luoshi.db");

    public static async Task<Store> CreateAsync(Setup setup, string name, bool postgres)
    {
        var dataDir = Path.Combine(setup.Work, name);
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }

        Directory.CreateDirectory(dataDir);
        if (!postgres)
        {
            return new Store(name, dataDir, null);
        }

        var db = "luoshi_rel_" + name.Replace('-', '_');
        await using (var conn = new NpgsqlConnection(setup.PostgresServer + ";Database=postgres;Pooling=false"))
        {
            await conn.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{db}\"", conn);
            await create.ExecuteNonQueryAsync();
        }

        return new Store(name, dataDir, $"{setup.PostgresServer};Database={db}");
    }

    /// <summary>Environment for a `luoshi` process working on this store.</summary>
    public Dictionary<string, string?> Environment() => new() { ["LUOSHI_DATABASE"] = Postgres ?? string.Empty };

    public async Task<T> Query<T>(string sql, Func<System.Data.Common.DbDataReader, Task<T>> read)
    {
        System.Data.Common.DbConnection conn = IsPostgres
            ? new NpgsqlConnection(Postgres + ";Pooling=false")
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = SqlitePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await using (conn)
        {
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            cmd.CommandTimeout = 120;
            await using var reader = await cmd.ExecuteReaderAsync();
            return await read(reader);
        }
    }

    public Task<long> Scalar(string sql) => Query(sql, async r =>
    {
        await r.ReadAsync();
        return r.IsDBNull(0) ? 0L : Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture);
    });

    /// <summary>A digest of rows in order (all columns as text), to tell "unchanged" from "changed".</summary>
    public Task<string> Digest(string sql) => Query(sql, async r =>
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long rows = 0;
        while (await r.ReadAsync())
        {
            rows++;
            for (int i = 0; i < r.FieldCount; i++)
            {
                hash.AppendData(Encoding.UTF8.GetBytes((r.IsDBNull(i) ? "∅" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture)) + "\u001f"));
            }
        }

        return $"{rows}:{Convert.ToHexString(hash.GetHashAndReset())[..16]}";
    });

    /// <summary>SQLite's own check of the file after a crash ("ok" when sound); PostgreSQL recovers by its WAL and has none to run.</summary>
    public async Task<string> IntegrityCheck()
    {
        if (IsPostgres)
        {
            return "ok";
        }

        var integrity = await Query("PRAGMA integrity_check", async r => { await r.ReadAsync(); return r.GetString(0); });
        var foreignKeys = await Query("PRAGMA foreign_key_check", async r => await r.ReadAsync() ? "foreign key violation in " + r.GetString(0) : "ok");
        return integrity == "ok" && foreignKeys == "ok" ? "ok" : $"{integrity}; {foreignKeys}";
    }
}

/// <summary>A `luoshi` command or server process.</summary>
internal sealed class Luoshi : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private Luoshi(Process process, StreamWriter log, string? url)
    {
        _process = process;
        _log = log;
        Url = url;
    }

    public string? Url { get; }
    public int Pid => _process.Id;
    public bool Exited => _process.HasExited;

    /// <summary>Runs a CLI verb to the end; returns its last output line.</summary>
    public static async Task<string> Run(Setup setup, Store store, params string[] args)
    {
        var logPath = Path.Combine(setup.Out, "logs", $"cli-{store.Name}.log");
        await using var p = Start(setup, store, args, logPath, out var log);
        await p._process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        await p._log.FlushAsync();
        var lines = (await File.ReadAllLinesAsync(logPath)).Where(l => l.Length > 0 && !l.StartsWith("[err]", StringComparison.Ordinal)).ToList();
        if (p._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"luoshi {string.Join(' ', args)} exited {p._process.ExitCode}; see {logPath}");
        }

        return lines.LastOrDefault() ?? string.Empty;
    }

    /// <summary>Starts `luoshi serve` on a free port and waits until it is ready.</summary>
    public static async Task<Luoshi> Serve(Setup setup, Store store, string tag, IReadOnlyDictionary<string, string>? settings = null)
    {
        int port = Setup.FreePort();
        var url = $"http://127.0.0.1:{port}";
        string[] args = ["serve", "--urls", url, "--data-dir", store.DataDir];
        var server = Start(setup, store, args, Path.Combine(setup.Out, "logs", $"serve-{store.Name}-{tag}.log"), out _, url, settings);
        await server.WaitReady(TimeSpan.FromMinutes(3));
        return server;
    }

    private static Luoshi Start(Setup setup, Store store, string[] args, string logPath, out StreamWriter log, string? url = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(setup.Cli);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in store.Environment())
        {
            info.Environment[k] = v;
        }

        // No per-caller budget, so that only the faults under test refuse requests.
        info.Environment["Luoshi__RequestsPerMinute"] = "0";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["DOTNET_gcServer"] = "0";
        foreach (var (k, v) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }
        var process = Process.Start(info)!;
        var writer = log;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (writer) { writer.WriteLine("[err] " + e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Luoshi(process, log, url);
    }

    public async Task WaitReady(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"server exited with {_process.ExitCode} before it was ready");
            }

            try
            {
                if ((await http.GetAsync(Url + "/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("server not ready within " + limit);
    }

    /// <summary>kill -9: no shutdown, no flush, no finally blocks.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>SIGTERM: the server drains its requests and stops.</summary>
    public async Task Stop()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        if (!_process.WaitForExit(TimeSpan.FromSeconds(40)))
        {
            Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stop();
        _process.Dispose();
        await _log.DisposeAsync();
    }
}

/// <summary>nginx from apt in front of several servers, round robin, as in production.</summary>
internal sealed class Nginx : IAsyncDisposable
{
    private readonly Process _process;

    private Nginx(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<Nginx?> Start(Setup setup, IEnumerable<string> upstreams)
    {
        if (setup.Nginx is null)
        {
            return null;
        }

        var prefix = Path.Combine(setup.Work, "nginx");
        Directory.CreateDirectory(Path.Combine(prefix, "logs"));
        int port = Setup.FreePort();
        var servers = string.Concat(upstreams.Select(u => $"    server {new Uri(u).Authority} max_fails=0;\n"));
        var user = System.Environment.UserName == "root" ? "user root;\n" : string.Empty;
        await File.WriteAllTextAsync(Path.Combine(prefix, "nginx.conf"), $$"""
            {{user}}worker_processes 1;
            daemon off;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/logs/error.log warn;
            events { worker_connections 1024; }
            http {
              access_log off;
              client_body_temp_path {{prefix}}/body;
              proxy_temp_path {{prefix}}/proxy;
              fastcgi_temp_path {{prefix}}/fastcgi;
              uwsgi_temp_path {{prefix}}/uwsgi;
              scgi_temp_path {{prefix}}/scgi;
              client_max_body_size 64m;
              upstream luoshi {
            {{servers}}    keepalive 64;
              }
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  proxy_pass http://luoshi;
                  proxy_http_version 1.1;
                  proxy_set_header Connection "";
                  proxy_set_header Host $host;
                  proxy_set_header X-Request-Id $request_id;
                  proxy_set_header X-Forwarded-For $remote_addr;
                }
              }
            }
            """);
        var info = new ProcessStartInfo(setup.Nginx) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", prefix, "-c", Path.Combine(prefix, "nginx.conf") })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        var url = $"http://127.0.0.1:{port}";
        using var http = new HttpClient();
        for (int i = 0; i < 100; i++)
        {
            try
            {
                if ((await http.GetAsync(url + "/health/live")).IsSuccessStatusCode)
                {
                    return new Nginx(process, url);
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException("nginx exited: " + await process.StandardError.ReadToEndAsync());
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("nginx did not answer");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
