using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Luoshi.Application.Data;
using Luoshi.Web.Features.Supervision;
using Luoshi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Luoshi.Web.Tests.Supervision;

/// <summary>The server's own schedule, ticked by hand against a fixed clock: the day's run once, then the outbox.</summary>
public sealed class SupervisionSchedulerTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Ticks_RunTheDayOnce_EscalateOverdueItems_AndSendTheirNotifications(Db db)
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 8, 10, 9, 0, 0, TimeSpan.FromHours(8)));
        await using var app = await TestApp.StartAsync(db, configure: b => b.Services.AddSingleton<TimeProvider>(clock));
        await app.ImportCsvAsync(Application.Spreadsheets.ImportKind.Orgs, AppFixture.OrgsCsv);
        var created = await app.Client.PostAsJsonAsync("/api/supervision/items", new { title = "逾期未办", leadOrg = "330102", deadline = "2026-08-01" });
        int id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<int>();
        (await app.Client.PostAsJsonAsync($"/api/supervision/items/{id}/assign", new { comment = "交办" })).EnsureSuccessStatusCode();
        var scheduler = app.App.Services.GetServices<IHostedService>().OfType<SupervisionScheduler>().Single();

        await scheduler.TickAsync(default);
        await scheduler.TickAsync(default);
        var afterFirstDay = await Level(app, id);
        clock.Now = clock.Now.AddDays(7);
        await scheduler.TickAsync(default);
        var afterSecondDay = await Level(app, id);

        // 9 days overdue: levels 1 and 2 (1 and 7 days); 16 days: level 3 (15 days).
        afterFirstDay.ShouldBe(2);
        afterSecondDay.ShouldBe(3);
        await using var scope = app.App.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<LuoshiDbContext>();
        (await data.OutboxMessages.CountAsync()).ShouldBeGreaterThan(3);
        (await data.OutboxMessages.CountAsync(m => m.SentAt == null)).ShouldBe(0);
        (await data.JobLeases.SingleAsync(j => j.Name == JobLease.SupervisionDaily)).LastRunOn.ShouldBe(new DateOnly(2026, 8, 17));
        (await data.JobLeases.SingleAsync(j => j.Name == JobLease.RemindersDaily)).LastRunOn.ShouldBe(new DateOnly(2026, 8, 17));
        (await data.SupervisionEvents.CountAsync(e => e.Actor == "system")).ShouldBe(3);
    }

    [Fact]
    public async Task BadSettings_StopTheServerAtStart_NamingEachSetting()
    {
        var failure = await Should.ThrowAsync<OptionsValidationException>(() => TestApp.StartAsync(Db.Sqlite, configure: b =>
        {
            b.Configuration["Luoshi:Supervision:EscalationDays"] = "7,1";
            b.Configuration["Luoshi:Supervision:RunAt"] = "1am";
        }));

        failure.Failures.ShouldContain(f => f.Contains("Luoshi:Supervision:EscalationDays"));
        failure.Failures.ShouldContain(f => f.Contains("Luoshi:Supervision:RunAt"));
    }

    [Fact]
    public async Task BadNotificationSettings_StopTheServerAtStart_NamingEachSetting()
    {
        var failure = await Should.ThrowAsync<OptionsValidationException>(() => TestApp.StartAsync(Db.Sqlite, configure: b =>
        {
            b.Configuration["Luoshi:Notifications:Email:Host"] = "smtp.example.org";
            b.Configuration["Luoshi:Notifications:Email:Security"] = "ssl3";
            b.Configuration["Luoshi:Notifications:Webhooks:ops:Url"] = "ftp://example.org/hook";
            b.Configuration["Luoshi:Notifications:Webhooks:ops:Kind"] = "slack";
            b.Configuration["Luoshi:Notifications:DigestMinutes"] = "0";
        }));

        failure.Failures.ShouldContain(f => f.Contains("Luoshi:Notifications:Email:Security"));
        failure.Failures.ShouldContain(f => f.Contains("Luoshi:Notifications:Email:From"));
        failure.Failures.ShouldContain(f => f.Contains("Luoshi:Notifications:Webhooks:ops:Url"));
        failure.Failures.ShouldContain(f => f.Contains("Luoshi:Notifications:Webhooks:ops:Kind"));
        failure.Failures.ShouldContain(f => f.Contains("Luoshi:Notifications:DigestMinutes"));
    }

    private static async Task<int> Level(TestApp app, int id) =>
        JsonNode.Parse(await app.Client.GetStringAsync($"/api/supervision/items/{id}"))!["escalationLevel"]!.GetValue<int>();
}
