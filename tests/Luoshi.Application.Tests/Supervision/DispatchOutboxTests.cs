using Luoshi.Application.Notifications;
using Luoshi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests.Supervision;

public sealed class DispatchOutboxTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EachChannel_GetsEveryMessageOnce_AndAFailingChannelRetriesLater(Db db)
    {
        var recorder = new RecordingSender("test");
        var flaky = new RecordingSender("flaky") { FailuresLeft = 1 };
        await using var host = await SupervisionSeed.StartAsync(db, s =>
        {
            s.AddSingleton<INotificationSender>(recorder);
            s.AddSingleton<INotificationSender>(flaky);
        });
        await SupervisionSeed.Assigned(host, "330102", new DateOnly(2026, 9, 30), "交办后通知");

        var first = await Dispatch(host);
        var second = await Dispatch(host);
        host.Clock.Now = host.Clock.Now.AddMinutes(2);
        var retry = await Dispatch(host);

        // One inbox message (the lead unit's "assigned"), three channels: log, test, flaky.
        first.ShouldBe(new DispatchOutbox.Result(2, 1));
        second.ShouldBe(new DispatchOutbox.Result(0, 0));
        retry.ShouldBe(new DispatchOutbox.Result(1, 0));
        recorder.Sent.ShouldHaveSingleItem().ShouldBe("330102");
        flaky.Sent.ShouldHaveSingleItem();
        var rows = await host.Query(d => d.OutboxMessages.AsNoTracking().ToListAsync());
        rows.ShouldAllBe(m => m.SentAt != null);
        rows.Single(m => m.Channel == "flaky").Attempts.ShouldBe(2);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task TheInbox_ListsNewestFirst_AndCountsUnread(Db db)
    {
        await using var host = await SupervisionSeed.StartAsync(db);
        var item = await SupervisionSeed.Assigned(host, "330102", new DateOnly(2026, 9, 30));
        await SupervisionSeed.Transition(host, item.Id, SupervisionAction.Accept);
        await SupervisionSeed.Transition(host, item.Id, SupervisionAction.Submit, evidence: ["报告"]);
        await SupervisionSeed.Transition(host, item.Id, SupervisionAction.Return, "证据不足");

        var inbox = await host.Run<ReadInbox, InboxView>(i => i.Handle("330102", false, 10, default));
        await host.Run<MarkNotificationRead, NotificationView>(m => m.Handle(inbox.Items[0].Id, default));
        var after = await host.Run<ReadInbox, InboxView>(i => i.Handle("330102", true, 10, default));

        inbox.Items.Select(n => n.Kind).ShouldBe(["returned", "assigned"]);
        inbox.Items[0].Title.ShouldContain("证据不足");
        inbox.Unread.ShouldBe(2);
        after.Unread.ShouldBe(1);
        after.Items.ShouldHaveSingleItem().Kind.ShouldBe("assigned");
        var office = await host.Run<ReadInbox, InboxView>(i => i.Handle("330000", false, 10, default));
        office.Items.Select(n => n.Kind).ShouldBe(["submitted", "accepted"]);
    }

    private static Task<DispatchOutbox.Result> Dispatch(AppHost host) => host.Run<DispatchOutbox, DispatchOutbox.Result>(d => d.Handle(100, default));

    private sealed class RecordingSender(string channel) : INotificationSender
    {
        public string Channel => channel;

        public int FailuresLeft { get; set; }

        public List<string> Sent { get; } = [];

        public Task SendAsync(OutboxMessage message, CancellationToken ct)
        {
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new IOException("gateway down");
            }

            Sent.Add(message.Recipient);
            return Task.CompletedTask;
        }
    }
}
