using System.Net;
using System.Net.Sockets;
using Luoshi.Application.Data;
using Luoshi.Application.Identity;
using Luoshi.Application.Notifications;
using Luoshi.Application.Tests.Supervision;
using Luoshi.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests.Notifications;

/// <summary>Email through a real SMTP server: digests per person, urgent at once, refusals and timeouts kept for a retry and sent once.</summary>
public sealed class EmailDeliveryTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task APersonsMessages_LeaveAsOneDigest_AtTheEndOfTheWindow(Db db)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var host = await Start(db, smtp.Port);
        await Person(host, "chen", "330102", "chen@example.org");
        await Person(host, "wang", "330103", "wang@example.org");
        var first = await SupervisionSeed.Assigned(host, "330102", new DateOnly(2026, 9, 30), "推进项目开工");
        var second = await SupervisionSeed.Assigned(host, "330102", new DateOnly(2026, 10, 31), "化解信访积案");

        await Dispatch(host);
        smtp.Received.ShouldBeEmpty();
        host.Clock.Now = host.Clock.Now.AddMinutes(61);
        await Dispatch(host);
        await Dispatch(host);

        var mail = smtp.Received.ShouldHaveSingleItem();
        mail.To.Mailboxes.ShouldHaveSingleItem().Address.ShouldBe("chen@example.org");
        mail.Subject!.ShouldContain("2条新通知");
        var text = mail.TextBody!;
        text.ShouldContain("推进项目开工");
        text.ShouldContain("化解信访积案");
        text.IndexOf("您好", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("Hello", StringComparison.Ordinal));
        mail.HtmlBody!.ShouldContain($"https://luoshi.example.org/supervision/items/{first.Id}");
        mail.HtmlBody!.ShouldContain($"https://luoshi.example.org/supervision/items/{second.Id}");
        (await host.Query(d => d.OutboxMessages.AsNoTracking().Where(m => m.Channel == "email").ToListAsync())).ShouldAllBe(m => m.Recipient == "chen" && m.SentAt != null && m.Attempts == 1);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AThirdLevelEscalation_GoesAtOnce_WithWhatWasWaiting(Db db)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var host = await Start(db, smtp.Port);
        await Person(host, "chen", "330102", "chen@example.org");
        var item = await SupervisionSeed.Assigned(host, "330102", new DateOnly(2026, 7, 31));
        await Dispatch(host);
        smtp.Received.ShouldBeEmpty();

        // Judged as of fifteen days overdue, the third level (default ladder 1,7,15), which is urgent; the clock stays
        // within the first message's digest window, so only urgency can send it now.
        await host.Run<Application.Supervision.EscalateOverdue, Application.Supervision.EscalateOverdue.Result>(e => e.Handle(new DateOnly(2026, 8, 15), default));
        var urgent = await host.Query(d => d.Notifications.AsNoTracking().Where(n => n.Urgent).ToListAsync());
        await Dispatch(host);

        urgent.ShouldNotBeEmpty();
        var mail = smtp.Received.ShouldHaveSingleItem();
        mail.TextBody!.ShouldContain(item.Title);
        mail.TextBody!.ShouldContain("第3级");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AMessageTheServerRefuses_IsKept_AndSentOnceOnTheRetry(Db db)
    {
        await using var smtp = TestSmtpServer.Start();
        smtp.RefuseNext = 1;
        await using var host = await Start(db, smtp.Port);
        await Person(host, "chen", "330102", "chen@example.org", atOnce: true);
        await SupervisionSeed.Assigned(host, "330102", new DateOnly(2026, 9, 30));

        var refused = await Dispatch(host);
        var tooSoon = await Dispatch(host);
        var row = await EmailRow(host);
        host.Clock.Now = host.Clock.Now.AddMinutes(2);
        var retried = await Dispatch(host);
        var after = await Dispatch(host);

        refused.Failed.ShouldBe(1);
        row.SentAt.ShouldBeNull();
        row.Attempts.ShouldBe(1);
        row.LastError.ShouldNotBeNull();
        tooSoon.ShouldBe(new DispatchOutbox.Result(0, 0));
        retried.Sent.ShouldBe(1);
        after.ShouldBe(new DispatchOutbox.Result(0, 0));
        smtp.Received.ShouldHaveSingleItem();
        (await EmailRow(host)).Attempts.ShouldBe(2);
        var failures = await host.Run<DeliveryFailures, IReadOnlyList<DeliveryFailureView>>(f => f.Handle(10, default));
        failures.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AServerThatNeverAnswers_TimesOut_AndTheMessageGoesOnceLater(Db db)
    {
        int port = TestSmtpServer.FreePort();
        await using var host = await Start(db, port);
        await Person(host, "chen", "330102", "chen@example.org", atOnce: true);
        await SupervisionSeed.Assigned(host, "330102", new DateOnly(2026, 9, 30));

        // A listener that takes the connection and never greets: the client gives up after its timeout.
        var silent = new TcpListener(IPAddress.Loopback, port);
        silent.Start();
        var held = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    held.Add(await silent.AcceptTcpClientAsync());
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
        });
        var timedOut = await Dispatch(host);
        var failures = await host.Run<DeliveryFailures, IReadOnlyList<DeliveryFailureView>>(f => f.Handle(10, default));
        silent.Stop();
        await accepting;
        held.ForEach(c => c.Dispose());

        await using var smtp = TestSmtpServer.Start(port);
        host.Clock.Now = host.Clock.Now.AddMinutes(2);
        var retried = await Dispatch(host);
        await Dispatch(host);

        timedOut.Failed.ShouldBe(1);
        failures.ShouldHaveSingleItem().Channel.ShouldBe("email");
        failures[0].Recipient.ShouldBe("chen");
        retried.Sent.ShouldBe(1);
        smtp.Received.ShouldHaveSingleItem();
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OnlyPeopleOfTheUnitWithAnAddress_WhoWantTheKind_GetEmail(Db db)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var host = await Start(db, smtp.Port);
        await Person(host, "chen", "330102", "chen@example.org");
        await Person(host, "zhao", "330102", null);
        await Person(host, "sun", "330102", "sun@example.org", muted: ["assigned"]);
        await Person(host, "wang", "330103", "wang@example.org");

        await SupervisionSeed.Assigned(host, "330102", new DateOnly(2026, 9, 30));

        (await host.Query(d => d.OutboxMessages.AsNoTracking().Where(m => m.Channel == "email").Select(m => m.Recipient).ToListAsync())).ShouldBe(["chen"]);
    }

    internal static async Task<AppHost> Start(Db db, int port) =>
        await SupervisionSeed.StartAsync(db, s => s.Configure<NotificationOptions>(o =>
        {
            o.PublicUrl = "https://luoshi.example.org";
            o.Email.Host = "127.0.0.1";
            o.Email.Port = port;
            o.Email.Security = "none";
            o.Email.From = "落实 <luoshi@example.org>";
            o.Email.TimeoutSeconds = 2;
        }));

    internal static async Task Person(AppHost host, string name, string org, string? email, bool atOnce = false, IReadOnlyList<string>? muted = null)
    {
        await host.Run<AddUser, UserView>(a => a.Handle(new AddUser.Request(name, Role.Reporter, org, Email: email), default));
        if (atOnce || muted is not null)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LuoshiDbContext>();
            var user = await db.Users.SingleAsync(u => u.Name == name);
            user.SetNotificationPreferences(!atOnce, muted ?? []);
            await db.SaveChangesAsync();
        }
    }

    private static Task<OutboxMessage> EmailRow(AppHost host) => host.Query(d => d.OutboxMessages.AsNoTracking().SingleAsync(m => m.Channel == "email"));

    private static Task<DispatchOutbox.Result> Dispatch(AppHost host) => host.Run<DispatchOutbox, DispatchOutbox.Result>(d => d.Handle(100, default));
}
