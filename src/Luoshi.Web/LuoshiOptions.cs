using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Luoshi.Web;

/// <summary>Settings under <c>Luoshi:</c>: where the data lives and whether to serve the demo province.</summary>
public sealed class LuoshiOptions
{
    public const string Section = "Luoshi";

    private const string Positive = "须为0或正整数 / must be 0 or more";

    /// <summary>
    /// The settings, bound and checked at once: the host is built from them before it starts, so a bad value is refused
    /// here, before anything uses it, with its key named (<c>Luoshi:RequestsPerMinute: …</c>). A value that is not a
    /// number at all is refused by the binder, which names the key too.
    /// </summary>
    public static LuoshiOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<LuoshiOptions>() ?? new LuoshiOptions();
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return options;
        }

        var failures = results.Select(r => $"{Section}:{string.Join(',', r.MemberNames)}: {r.ErrorMessage}").ToList();
        throw new OptionsValidationException(Section, typeof(LuoshiOptions), failures);
    }

    /// <summary>The data directory (SQLite file, uploads); default the current directory.</summary>
    public string? DataDir { get; set; }

    /// <summary>Load the synthetic demo province into an empty database at start.</summary>
    public bool Demo { get; set; }

    /// <summary>
    /// Serve the public portal alone (<c>/public</c>, its data, the health probes): no sign-in, no API, no jobs, no
    /// migrations — the part facing the internet, which may run apart on a read replica (docs/adr/0036).
    /// </summary>
    public bool PublicOnly { get; set; }

    /// <summary>The largest request body accepted (uploads included); default 20 MB.</summary>
    [Range(1024, long.MaxValue, ErrorMessage = "须不小于1024字节 / must be at least 1024 bytes")]
    public long MaxRequestBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary><c>json</c> for one JSON object per log line (with the request id); plain lines otherwise.</summary>
    [RegularExpression("(?i)simple|json", ErrorMessage = "须为 simple 或 json / must be simple or json")]
    public string LogFormat { get; set; } = "simple";

    /// <summary>
    /// The per-caller request budget that stops a runaway script: requests per minute for one user (or one address
    /// when signed out), bursts of a third of it; default 3,600. 0 turns it off, where a proxy in front budgets
    /// callers itself (anonymous callers are told apart by address, so behind a proxy they share one). The sign-in
    /// limit stays either way.
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = Positive)]
    public int RequestsPerMinute { get; set; } = 3600;

    /// <summary>
    /// How long this server trusts its last reading of the data versions before asking the database again:
    /// the most by which a change made through another server can lag here (this server's own changes show at
    /// once); default 250 ms, 0 to ask on every request.
    /// </summary>
    [Range(0, 3_600_000, ErrorMessage = "须在0–3600000毫秒之间 / must be 0–3600000 ms")]
    public int VersionCheckMilliseconds { get; set; } = 250;

    /// <summary>
    /// How long the data one version shows is shared with readers who have not written since, however many writes land
    /// meanwhile; default 500 ms, 0 for every commit at once. A person always reads their own writes at once; everyone
    /// else sees them within this (plus <see cref="VersionCheckMilliseconds"/> on another server). On a reporting day it
    /// bounds how often a province-wide answer or the overview is worked out afresh: once per this period, not per write.
    /// </summary>
    [Range(0, 3_600_000, ErrorMessage = "须在0–3600000毫秒之间 / must be 0–3600000 ms")]
    public int ReaderLagMilliseconds { get; set; } = 500;

    /// <summary>
    /// Memory for answers worked out once per data version and shared by readers (the evaluation API, the overview
    /// page); default 64 MB, 0 to work every answer out afresh.
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = Positive)]
    public int AnswerCacheMegabytes { get; set; } = 64;

    /// <summary>
    /// The reverse proxies in front (addresses or networks, comma-separated: "127.0.0.1, 10.0.0.0/8"). Requests from
    /// them are taken to come from the address in X-Forwarded-For (and over the scheme in X-Forwarded-Proto); from
    /// anyone else those headers are ignored. Unset: the connection's address is the caller's.
    /// </summary>
    public string? KnownProxies { get; set; }

    /// <summary>How long a stopping server lets running requests finish; default 30 s.</summary>
    [Range(0, 3600, ErrorMessage = "须在0–3600秒之间 / must be 0–3600 s")]
    public int ShutdownSeconds { get; set; } = 30;

    /// <summary>
    /// The most managed memory the server lets its heap grow to (the collector works harder as it nears it); default
    /// 3,072 MB — a national deployment's snapshot twice over (while a rebuild runs) with room to spare — and never more
    /// than three quarters of the machine's or container's memory; 0 leaves the runtime's own sizing. A limit set for
    /// the runtime itself (<c>DOTNET_GCHeapHardLimit</c>) wins.
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = Positive)]
    public int HeapLimitMegabytes { get; set; } = Application.Operations.HeapLimit.DefaultMegabytes;
}
