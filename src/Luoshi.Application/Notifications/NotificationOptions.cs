using System.Text.RegularExpressions;
using Luoshi.Domain.Common;
using Microsoft.Extensions.Options;

namespace Luoshi.Application.Notifications;

/// <summary>
/// Settings under <c>Luoshi:Notifications</c>, read by the server and the CLI alike. With no email host and no
/// webhook every channel is off and messages go to the log only, as on a fresh installation.
/// </summary>
public sealed partial class NotificationOptions
{
    public const string Section = "Luoshi:Notifications";

    /// <summary>The site's address as people reach it (<c>Luoshi:PublicUrl</c>), so that messages can link back; without it they give the path only.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>A person's email waits this long for more to go with it: one message per person per window.</summary>
    public int DigestMinutes { get; set; } = 60;

    public EmailSettings Email { get; set; } = new();

    /// <summary>Office-messaging robots by name (<c>Luoshi:Notifications:Webhooks:{name}:Url|Kind|Secret|Org</c>).</summary>
    public Dictionary<string, WebhookSettings> Webhooks { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public ReminderSettings Reminders { get; set; } = new();

    public bool EmailEnabled => !string.IsNullOrWhiteSpace(Email.Host);

    /// <summary>A path under the site as a full address when the site's address is known.</summary>
    public string Absolute(string? path) =>
        path is null ? PublicUrl?.TrimEnd('/') ?? "/"
        : string.IsNullOrWhiteSpace(PublicUrl) ? path
        : PublicUrl.TrimEnd('/') + path;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,29}$")]
    private static partial Regex WebhookName();

    /// <summary>Every problem with the settings, each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<Text> Problems()
    {
        var problems = new List<Text>();
        void Bad(string key, string zh, string en) => problems.Add(new Text($"{Section}:{key}: {zh}", $"{Section}:{key}: {en}"));
        if (DigestMinutes is < 1 or > 1440)
        {
            Bad("DigestMinutes", "须在1–1440之间", "must be 1–1440");
        }

        if (!string.IsNullOrWhiteSpace(PublicUrl) && !(Uri.TryCreate(PublicUrl, UriKind.Absolute, out var site) && site.Scheme is "http" or "https"))
        {
            problems.Add(new Text("Luoshi:PublicUrl: 须为 http(s) 网址", $"Luoshi:PublicUrl: must be an http(s) address: '{PublicUrl}'"));
        }

        if (EmailEnabled)
        {
            if (Email.SecurityMode is null)
            {
                Bad("Email:Security", "须为 none、starttls 或 tls", $"must be none, starttls or tls: '{Email.Security}'");
            }

            if (Email.Port is < 0 or > 65535)
            {
                Bad("Email:Port", "须在0–65535之间", "must be 0–65535");
            }

            if (string.IsNullOrWhiteSpace(Email.From) || !MimeKit.MailboxAddress.TryParse(Email.From, out _))
            {
                Bad("Email:From", "设置邮件服务器时须给出发件地址", "the sender's address is required with an email host");
            }

            if (Email.TimeoutSeconds is < 1 or > 600)
            {
                Bad("Email:TimeoutSeconds", "须在1–600之间", "must be 1–600");
            }
        }

        foreach (var (name, hook) in Webhooks)
        {
            if (!WebhookName().IsMatch(name))
            {
                Bad($"Webhooks:{name}", "名称只能由字母、数字、下划线和连字符组成,最长30位", "a name has letters, digits, '_' and '-', at most 30");
            }

            if (!(Uri.TryCreate(hook.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            {
                Bad($"Webhooks:{name}:Url", "须为 http(s) 网址", "must be an http(s) address");
            }

            if (hook.KindValue is null)
            {
                Bad($"Webhooks:{name}:Kind", "须为 dingtalk、wecom、feishu 或 json", $"must be dingtalk, wecom, feishu or json: '{hook.Kind}'");
            }
        }

        if (Reminders.DaysBefore is < 0 or > 28 || Reminders.RepeatDays is < 1 or > 31 || Reminders.ApprovalDays is < 1 or > 60 || Reminders.ReturnedDays is < 1 or > 60)
        {
            Bad("Reminders", "DaysBefore 0–28,RepeatDays 1–31,ApprovalDays 与 ReturnedDays 1–60", "DaysBefore 0–28, RepeatDays 1–31, ApprovalDays and ReturnedDays 1–60");
        }

        return problems;
    }
}

public enum EmailSecurity
{
    None,
    StartTls,
    Tls,
}

public sealed class EmailSettings
{
    public string? Host { get; set; }

    /// <summary>0 for the usual port of the security chosen (25, 587, 465).</summary>
    public int Port { get; set; }

    /// <summary><c>none</c>, <c>starttls</c> or <c>tls</c> (TLS from the first byte).</summary>
    public string Security { get; set; } = "starttls";
    public string? User { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender, as <c>address</c> or <c>Name &lt;address&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>How long one exchange with the mail server may take before the attempt counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public EmailSecurity? SecurityMode => Security.Trim().ToLowerInvariant() switch
    {
        "none" => EmailSecurity.None,
        "starttls" => EmailSecurity.StartTls,
        "tls" => EmailSecurity.Tls,
        _ => null,
    };

    public int EffectivePort => Port != 0 ? Port : SecurityMode switch
    {
        EmailSecurity.Tls => 465,
        EmailSecurity.StartTls => 587,
        _ => 25,
    };
}

public enum WebhookKind
{
    DingTalk,
    WeCom,
    Feishu,
    Json,
}

public sealed class WebhookSettings
{
    public string? Url { get; set; }

    /// <summary><c>dingtalk</c>, <c>wecom</c>, <c>feishu</c> or <c>json</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>Signs each message when set: DingTalk's and Feishu's robot signatures, an HMAC header on plain JSON.</summary>
    public string? Secret { get; set; }

    /// <summary>The org unit (code) whose subtree the robot hears about; none for everything.</summary>
    public string? Org { get; set; }

    public WebhookKind? KindValue => Kind?.Trim().ToLowerInvariant() switch
    {
        "dingtalk" => WebhookKind.DingTalk,
        "wecom" => WebhookKind.WeCom,
        "feishu" => WebhookKind.Feishu,
        "json" => WebhookKind.Json,
        _ => null,
    };
}

/// <summary>When reporting reminders (催报) go out.</summary>
public sealed class ReminderSettings
{
    /// <summary>Days before a report's due day on which its unit is reminded (0: none before).</summary>
    public int DaysBefore { get; set; } = 3;

    /// <summary>After the due day, a missing report is recalled every this many days.</summary>
    public int RepeatDays { get; set; } = 3;

    /// <summary>A report waiting this many days for approval reminds the reviewers above its unit (and again every as many days).</summary>
    public int ApprovalDays { get; set; } = 3;

    /// <summary>A returned report not submitted again after this many days reminds its unit (and again every as many days).</summary>
    public int ReturnedDays { get; set; } = 3;
}

/// <summary>Fails start-up (or the first use, in the CLI) with every bad setting named.</summary>
internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems.Select(p => p.Bilingual));
    }
}
