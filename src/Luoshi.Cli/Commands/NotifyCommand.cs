using System.CommandLine;
using Luoshi.Application.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Cli.Commands;

/// <summary>
/// <c>luoshi notify test|reminders|dispatch</c>: what the server does on its schedule, by hand — queue a day's reporting
/// reminders, send what is waiting — and a test email to check the settings.
/// </summary>
internal static class NotifyCommand
{
    public static Command Create(CliConsole console) => new("notify", Words.Of("通知:催报、发送、测试邮件", "notifications: reminders, sending, a test email"))
    {
        Test(console),
        Reminders(console),
        Dispatch(console),
    };

    private static Command Test(CliConsole console)
    {
        var to = new Option<string>("--to") { Description = Words.Of("收件邮箱", "the address to send to"), Required = true };
        var dataDir = CliServices.DataDirOption();
        var command = new Command("test", Words.Of("按当前设置发一封测试邮件", "send a test email with the current settings")) { to, dataDir };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var address = parse.GetValue(to)!;
            await scope.ServiceProvider.GetRequiredService<SendTestEmail>().Handle(address, ct);
            await console.Out.WriteLineAsync(Words.Of($"测试邮件已发往 {address}", $"test email sent to {address}"));
            return 0;
        }));
        return command;
    }

    private static Command Reminders(CliConsole console)
    {
        var asOf = new Option<string?>("--as-of") { Description = Words.Of("哪一天的催报(YYYY-MM-DD,默认今天)", "the day whose reminders to queue (YYYY-MM-DD, default today)") };
        var dataDir = CliServices.DataDirOption();
        var command = new Command("reminders", Words.Of("按填报日历生成当天的催报(同一天重复运行不重复生成)", "queue the day's reporting reminders (idempotent per day)")) { asOf, dataDir };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            var day = CliServices.Date(parse.GetValue(asOf), "as-of");
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var result = await scope.ServiceProvider.GetRequiredService<QueueReportingReminders>().Handle(day, ct);
            await console.Out.WriteLineAsync(Words.Of($"{result.Day:yyyy-MM-dd}:新生成催报 {result.Queued} 条,此前已生成 {result.AlreadyQueued} 条", result.ToString()));
            return 0;
        }));
        return command;
    }

    private static Command Dispatch(CliConsole console)
    {
        var dataDir = CliServices.DataDirOption();
        var command = new Command("dispatch", Words.Of("发送待发的通知,然后退出", "send what is waiting, then exit")) { dataDir };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            int sent = 0, failed = 0;
            while (true)
            {
                var result = await scope.ServiceProvider.GetRequiredService<DispatchOutbox>().Handle(500, ct);
                sent += result.Sent;
                failed += result.Failed;
                if (result.Sent == 0)
                {
                    break;
                }
            }

            await console.Out.WriteLineAsync(Words.Of($"已发送 {sent} 条,失败 {failed} 条(稍后重试)", $"{sent} sent, {failed} failed (retried later)"));
            return failed > 0 ? 4 : 0;
        }));
        return command;
    }
}
