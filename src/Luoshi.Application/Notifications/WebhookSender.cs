using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luoshi.Application.Notifications;

/// <summary>
/// An office-messaging robot (钉钉, 企业微信, 飞书) or any endpoint taking JSON: one POST per message, in the robot's
/// markdown format, signed when a secret is set. A robot answers 200 with an error code of its own when it refuses
/// (a bad signature, a rate limit), so the code is read too; anything but success throws and the outbox retries.
/// </summary>
public sealed class WebhookSender(string name, WebhookSettings settings, NotificationOptions options, TimeProvider clock) : INotificationSender
{
    /// <summary>One connection pool for every robot; connections are renewed so that a changed DNS entry is followed.</summary>
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(15) };

    public const string Prefix = "webhook:";

    /// <summary>Chinese travels as UTF-8, readable in the robots' logs, rather than as \u escapes.</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    public string Channel => Prefix + name;

    public string? Org => string.IsNullOrWhiteSpace(settings.Org) ? null : settings.Org.Trim();

    public WebhookKind Kind => settings.KindValue ?? WebhookKind.Json;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow();
        var (url, body, headers) = Build(message, now);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (key, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(key, value);
        }

        using var response = await Http.SendAsync(request, ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"{Channel}: HTTP {(int)response.StatusCode} {Clip(answer)}"), null, response.StatusCode);
        }

        if (Kind != WebhookKind.Json && RobotError(answer) is { } error)
        {
            throw new HttpRequestException($"{Channel}: {error}");
        }
    }

    /// <summary>The request for a message: address (DingTalk's signature goes in the query), JSON body and headers.</summary>
    public (string Url, string Body, IReadOnlyList<(string, string)> Headers) Build(OutboxMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var url = settings.Url ?? string.Empty;
        var title = message.Subject;
        var markdown = Markdown(message);
        var secret = string.IsNullOrEmpty(settings.Secret) ? null : settings.Secret;
        JsonObject payload;
        var headers = new List<(string, string)>();
        switch (Kind)
        {
            case WebhookKind.DingTalk:
                payload = new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["title"] = title, ["text"] = markdown } };
                if (secret is not null)
                {
                    var (timestamp, sign) = DingTalkSignature(secret, now);
                    url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"timestamp={timestamp}&sign={Uri.EscapeDataString(sign)}";
                }

                break;
            case WebhookKind.WeCom:
                payload = new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = markdown } };
                break;
            case WebhookKind.Feishu:
                payload = new JsonObject
                {
                    ["msg_type"] = "interactive",
                    ["card"] = new JsonObject
                    {
                        ["header"] = new JsonObject { ["title"] = new JsonObject { ["tag"] = "plain_text", ["content"] = title } },
                        ["elements"] = new JsonArray(new JsonObject { ["tag"] = "markdown", ["content"] = markdown }),
                    },
                };
                if (secret is not null)
                {
                    var (timestamp, sign) = FeishuSignature(secret, now);
                    payload["timestamp"] = timestamp;
                    payload["sign"] = sign;
                }

                break;
            default:
                payload = new JsonObject
                {
                    ["id"] = message.Id,
                    ["org"] = message.Recipient,
                    ["title"] = title,
                    ["body"] = message.Body,
                    ["link"] = message.Link is null ? null : options.Absolute(message.Link),
                    ["createdAt"] = message.CreatedAt,
                };
                break;
        }

        var body = payload.ToJsonString(Json);
        if (Kind == WebhookKind.Json && secret is not null)
        {
            headers.Add(("X-Luoshi-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)))));
        }

        return (url, body, headers);
    }

    /// <summary>DingTalk: HMAC-SHA256 keyed with the secret over "timestamp\nsecret" (milliseconds), base64.</summary>
    public static (string Timestamp, string Sign) DingTalkSignature(string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var sign = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "\n" + secret)));
        return (timestamp, sign);
    }

    /// <summary>Feishu: HMAC-SHA256 keyed with "timestamp\nsecret" (seconds) over nothing, base64.</summary>
    public static (string Timestamp, string Sign) FeishuSignature(string secret, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var sign = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(timestamp + "\n" + secret), Array.Empty<byte>()));
        return (timestamp, sign);
    }

    private string Markdown(OutboxMessage m)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"### {m.Subject}\n\n");
        if (m.Body != m.Subject)
        {
            text.Append(CultureInfo.InvariantCulture, $"{m.Body}\n\n");
        }

        if (m.Link is { } link)
        {
            text.Append(CultureInfo.InvariantCulture, $"[查看 / Open]({options.Absolute(link)})\n\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"> {m.Recipient} · {m.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
        return text.ToString();
    }

    /// <summary>The robot's own refusal in a 200 answer: errcode (DingTalk, WeCom) or code/StatusCode (Feishu) other than 0.</summary>
    private static string? RobotError(string answer)
    {
        try
        {
            if (JsonNode.Parse(answer) is not JsonObject o)
            {
                return null;
            }

            foreach (var key in new[] { "errcode", "code", "StatusCode" })
            {
                if (o[key] is JsonValue v && v.TryGetValue<int>(out var code) && code != 0)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{key} {code} {Clip(answer)}");
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Clip(string s) => s.Length > 200 ? s[..200] : s;
}
