using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Luoshi.Application.Notifications;
using Luoshi.Application.Tests.Supervision;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Application.Tests.Notifications;

/// <summary>Webhooks to a local Kestrel endpoint that checks each robot's signature the way the robot does.</summary>
public sealed class WebhookDeliveryTests
{
    private const string DingSecret = "SEC0123456789abcdef";
    private const string FeishuSecret = "feishu-secret";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Robots_GetSignedMarkdown_ByOrgSubtree_AndAFailingEndpointBlocksNoOther(Db db)
    {
        await using var robots = await Robots.StartAsync();
        await using var host = await SupervisionSeed.StartAsync(db, s => s.Configure<NotificationOptions>(o =>
        {
            o.PublicUrl = "https://luoshi.example.org";
            o.Webhooks["city"] = new WebhookSettings { Url = robots.Url + "/ding?access_token=abc", Kind = "dingtalk", Secret = DingSecret, Org = "330100" };
            o.Webhooks["dept"] = new WebhookSettings { Url = robots.Url + "/feishu", Kind = "feishu", Secret = FeishuSecret, Org = "FGW" };
            o.Webhooks["dead"] = new WebhookSettings { Url = "http://127.0.0.1:" + TestSmtpServer.FreePort() + "/gone", Kind = "wecom" };
        }));

        var county = await SupervisionSeed.Assigned(host, "330102", new DateOnly(2026, 9, 30), "推进项目开工");
        var department = await SupervisionSeed.Assigned(host, "FGW", new DateOnly(2026, 9, 30), "出台配套政策");
        var result = await host.Run<DispatchOutbox, DispatchOutbox.Result>(d => d.Handle(100, default));

        // Log rows for both, the city robot for the county, the department robot for the department; the dead robot fails once.
        result.ShouldBe(new DispatchOutbox.Result(4, 1));
        var ding = robots.Received("/ding").ShouldHaveSingleItem();
        ding.Valid.ShouldBeTrue();
        ding.Body["msgtype"]!.GetValue<string>().ShouldBe("markdown");
        ding.Body["markdown"]!["text"]!.GetValue<string>().ShouldContain("推进项目开工");
        ding.Body["markdown"]!["text"]!.GetValue<string>().ShouldContain($"https://luoshi.example.org/supervision/items/{county.Id}");
        var feishu = robots.Received("/feishu").ShouldHaveSingleItem();
        feishu.Valid.ShouldBeTrue();
        feishu.Body["msg_type"]!.GetValue<string>().ShouldBe("interactive");
        feishu.Body["card"]!["elements"]![0]!["content"]!.GetValue<string>().ShouldContain("出台配套政策");
        department.Id.ShouldNotBe(county.Id);
        // The dead robot hears of both; after its first failure the run leaves its second message for later.
        var dead = await host.Query(d => d.OutboxMessages.AsNoTracking().Where(m => m.Channel == "webhook:dead").OrderBy(m => m.Id).ToListAsync());
        dead.Select(m => (m.SentAt, m.Attempts)).ShouldBe([(null, 1), (null, 0)]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task AnEndpointAnswering500ThenOk_GetsTheMessageOnce(Db db)
    {
        await using var robots = await Robots.StartAsync();
        robots.FailNext = 1;
        await using var host = await SupervisionSeed.StartAsync(db, s => s.Configure<NotificationOptions>(o =>
            o.Webhooks["ops"] = new WebhookSettings { Url = robots.Url + "/json", Kind = "json", Secret = "s3cret" }));
        await SupervisionSeed.Assigned(host, "330102", new DateOnly(2026, 9, 30));

        var first = await Dispatch(host);
        var tooSoon = await Dispatch(host);
        host.Clock.Now = host.Clock.Now.AddMinutes(2);
        var retried = await Dispatch(host);
        var after = await Dispatch(host);

        first.ShouldBe(new DispatchOutbox.Result(1, 1));
        tooSoon.ShouldBe(new DispatchOutbox.Result(0, 0));
        retried.ShouldBe(new DispatchOutbox.Result(1, 0));
        after.ShouldBe(new DispatchOutbox.Result(0, 0));
        robots.Attempts("/json").ShouldBe(2);
        var delivered = robots.Received("/json").ShouldHaveSingleItem();
        delivered.Valid.ShouldBeTrue();
        delivered.Body["org"]!.GetValue<string>().ShouldBe("330102");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task RowsWaitingForADeadEndpoint_NeverCrowdOutAnotherChannel(Db db)
    {
        await using var robots = await Robots.StartAsync();
        await using var host = await SupervisionSeed.StartAsync(db, s => s.Configure<NotificationOptions>(o =>
        {
            o.Webhooks["dead"] = new WebhookSettings { Url = "http://127.0.0.1:" + TestSmtpServer.FreePort() + "/gone", Kind = "json" };
            o.Webhooks["ops"] = new WebhookSettings { Url = robots.Url + "/json", Kind = "json" };
        }));
        for (int i = 0; i < 3; i++)
        {
            await SupervisionSeed.Assigned(host, "330102", new DateOnly(2026, 9, 30), $"事项{i}");
        }

        // A batch of one row per channel: the dead robot fails its one and keeps the rest, and the others still send theirs.
        var result = await host.Run<DispatchOutbox, DispatchOutbox.Result>(d => d.Handle(1, default));

        result.ShouldBe(new DispatchOutbox.Result(2, 1));
        robots.Received("/json").ShouldHaveSingleItem();
    }

    private static Task<DispatchOutbox.Result> Dispatch(AppHost host) => host.Run<DispatchOutbox, DispatchOutbox.Result>(d => d.Handle(100, default));

    private sealed record Delivery(JsonObject Body, bool Valid);

    /// <summary>The robots' side: records each accepted POST and whether its signature checks out.</summary>
    private sealed class Robots : IAsyncDisposable
    {
        private readonly ConcurrentQueue<(string Path, Delivery Delivery)> _received = new();
        private readonly ConcurrentDictionary<string, int> _attempts = new();
        private WebApplication _app = null!;

        public string Url { get; private set; } = string.Empty;

        public int FailNext { get; set; }

        public IReadOnlyList<Delivery> Received(string path) => [.. _received.Where(r => r.Path == path).Select(r => r.Delivery)];

        public int Attempts(string path) => _attempts.GetValueOrDefault(path);

        public static async Task<Robots> StartAsync()
        {
            var robots = new Robots();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapPost("/ding", async (HttpRequest request) =>
            {
                var body = await robots.Read("/ding", request);
                string timestamp = request.Query["timestamp"].ToString(), sign = request.Query["sign"].ToString();
                var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(DingSecret), Encoding.UTF8.GetBytes(timestamp + "\n" + DingSecret)));
                robots._received.Enqueue(("/ding", new Delivery(body, sign == expected && request.Query["access_token"] == "abc")));
                return Results.Json(new { errcode = 0, errmsg = "ok" });
            });
            app.MapPost("/feishu", async (HttpRequest request) =>
            {
                var body = await robots.Read("/feishu", request);
                var timestamp = body["timestamp"]?.GetValue<string>() ?? string.Empty;
                var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(timestamp + "\n" + FeishuSecret), Array.Empty<byte>()));
                robots._received.Enqueue(("/feishu", new Delivery(body, body["sign"]?.GetValue<string>() == expected)));
                return Results.Json(new { code = 0, msg = "success" });
            });
            app.MapPost("/json", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body, Encoding.UTF8);
                var raw = await reader.ReadToEndAsync();
                robots._attempts.AddOrUpdate("/json", 1, (_, n) => n + 1);
                if (robots.FailNext > 0)
                {
                    robots.FailNext--;
                    return Results.StatusCode(500);
                }

                var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("s3cret"u8.ToArray(), Encoding.UTF8.GetBytes(raw)));
                robots._received.Enqueue(("/json", new Delivery((JsonObject)JsonNode.Parse(raw)!, request.Headers["X-Luoshi-Signature"] == expected)));
                return Results.Ok();
            });
            await app.StartAsync();
            robots._app = app;
            robots.Url = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return robots;
        }

        private async Task<JsonObject> Read(string path, HttpRequest request)
        {
            _attempts.AddOrUpdate(path, 1, (_, n) => n + 1);
            return (JsonObject)(await JsonNode.ParseAsync(request.Body))!;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
