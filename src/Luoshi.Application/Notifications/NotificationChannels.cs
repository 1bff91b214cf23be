using Microsoft.Extensions.Options;

namespace Luoshi.Application.Notifications;

/// <summary>
/// The channels in use: the senders registered in the container (the log always), email when a mail host is set, and
/// one channel per configured webhook. Built once from the settings.
/// </summary>
public sealed class NotificationChannels
{
    private readonly Dictionary<string, INotificationSender> _byName;

    public NotificationChannels(IEnumerable<INotificationSender> registered, IOptions<NotificationOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        var all = registered.ToList();
        if (settings.EmailEnabled)
        {
            all.Add(new EmailSender(settings));
        }

        foreach (var (name, hook) in settings.Webhooks.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            all.Add(new WebhookSender(name, hook, settings, clock));
        }

        _byName = all.GroupBy(s => s.Channel, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyCollection<INotificationSender> All => _byName.Values;

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public INotificationSender? Find(string channel) => _byName.GetValueOrDefault(channel);

    /// <summary>The email channel when one is set up.</summary>
    public EmailSender? Email => _byName.GetValueOrDefault(EmailSender.ChannelName) as EmailSender;
}
