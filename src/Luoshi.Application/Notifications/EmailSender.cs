using System.Globalization;
using System.Net;
using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Luoshi.Application.Notifications;

/// <summary>
/// Email over SMTP (MailKit): one message per person with everything waiting for them, in plain text and HTML, Chinese
/// first and English below, each item linking back to its page. A refusal or a timeout throws, which the outbox counts
/// as a failed attempt of every row in the message.
/// </summary>
public sealed class EmailSender(NotificationOptions options) : IPersonalNotificationSender
{
    public const string ChannelName = "email";

    public string Channel => ChannelName;

    public async Task SendAsync(NotificationPerson to, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(messages);
        var mail = Compose(to, messages, options);

        // The same rows make the same Message-Id, so a mail system that sees a repeat after a lapsed claim can tell.
        mail.MessageId = string.Create(CultureInfo.InvariantCulture, $"luoshi.{messages.Min(m => m.Id)}.{messages.Max(m => m.Id)}.{messages.Count}@{Domain(options)}");
        await DeliverAsync(mail, ct);
    }

    /// <summary>A message to check the settings (<c>luoshi notify test</c>).</summary>
    public async Task SendTestAsync(string address, DateTimeOffset at, CancellationToken ct)
    {
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(options.Email.From ?? string.Empty));
        mail.To.Add(MailboxAddress.Parse(address));
        mail.Subject = "落实 · 测试邮件 / Luoshi · test message";
        var stamp = at.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        mail.Body = new BodyBuilder
        {
            TextBody = $"这是一封测试邮件:邮件通知设置可用。\n\nThis is a test message: the email settings work.\n\n{stamp}\n{options.Absolute(null)}\n",
            HtmlBody = $"<p>这是一封测试邮件:邮件通知设置可用。</p><p lang=\"en\">This is a test message: the email settings work.</p><p>{stamp}<br>{WebUtility.HtmlEncode(options.Absolute(null))}</p>",
        }.ToMessageBody();
        await DeliverAsync(mail, ct);
    }

    private async Task DeliverAsync(MimeMessage mail, CancellationToken ct)
    {
        var email = options.Email;
        using var client = new SmtpClient { Timeout = email.TimeoutSeconds * 1000 };
        var security = email.SecurityMode switch
        {
            EmailSecurity.None => SecureSocketOptions.None,
            EmailSecurity.Tls => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(email.Host ?? string.Empty, email.EffectivePort, security, ct);
        if (!string.IsNullOrEmpty(email.User))
        {
            await client.AuthenticateAsync(email.User, email.Password ?? string.Empty, ct);
        }

        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private static string Domain(NotificationOptions options) =>
        MailboxAddress.TryParse(options.Email.From, out var from) && from.Domain is { Length: > 0 } d ? d : "luoshi.local";

    /// <summary>The message for a person: one item alone keeps its own subject; several make a digest.</summary>
    public static MimeMessage Compose(NotificationPerson to, IReadOnlyList<OutboxMessage> messages, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(options);
        var mail = new MimeMessage();
        mail.From.Add(MailboxAddress.Parse(options.Email.From ?? string.Empty));
        mail.To.Add(new MailboxAddress(to.DisplayName, to.Address));
        mail.Subject = messages.Count == 1
            ? $"落实 · {messages[0].Subject}"
            : string.Create(CultureInfo.InvariantCulture, $"落实 · {messages.Count}条新通知 / Luoshi · {messages.Count} new notifications");
        var ordered = messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToList();
        var inbox = options.Absolute("/notifications");

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{to.DisplayName},您好:落实平台有{ordered.Count}条新通知。\n");
        text.Append(CultureInfo.InvariantCulture, $"Hello {to.DisplayName}, Luoshi has {ordered.Count} new notification{(ordered.Count == 1 ? "" : "s")} for you.\n\n");
        foreach (var m in ordered)
        {
            text.Append(CultureInfo.InvariantCulture, $"• {m.Subject}\n");
            if (m.Body != m.Subject)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {m.Body}\n");
            }

            if (m.Link is { } link)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {options.Absolute(link)}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"  {m.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({m.Recipient})\n\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"全部通知及接收方式:{inbox}\nAll notifications and how they reach you: {inbox}\n");

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"zh-CN\"><body style=\"font-family:sans-serif\">");
        html.Append(CultureInfo.InvariantCulture, $"<p>{H(to.DisplayName)},您好:落实平台有{ordered.Count}条新通知。</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p lang=\"en\">Hello {H(to.DisplayName)}, Luoshi has {ordered.Count} new notification{(ordered.Count == 1 ? "" : "s")} for you.</p><ul>");
        foreach (var m in ordered)
        {
            var title = m.Link is { } link ? $"<a href=\"{H(options.Absolute(link))}\">{H(m.Subject)}</a>" : H(m.Subject);
            html.Append(CultureInfo.InvariantCulture, $"<li><p><strong>{title}</strong><br>");
            if (m.Body != m.Subject)
            {
                html.Append(CultureInfo.InvariantCulture, $"{H(m.Body)}<br>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<small>{m.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC</small></p></li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul><p><a href=\"{H(inbox)}\">全部通知及接收方式</a> · <a lang=\"en\" href=\"{H(inbox)}\">all notifications and how they reach you</a></p></body></html>");
        mail.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return mail;
    }

    private static string H(string s) => WebUtility.HtmlEncode(s);
}
