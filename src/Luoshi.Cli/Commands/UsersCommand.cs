using System.CommandLine;
using Luoshi.Application.Common;
using Luoshi.Application.Identity;
using Luoshi.Domain.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Luoshi.Cli.Commands;

internal static class UsersCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = Words.Of("用户名", "user name") };
        var role = new Option<string>("--role") { Description = string.Join(" | ", Enum.GetNames<Role>()), Required = true };
        var org = new Option<string?>("--org") { Description = Words.Of("角色所辖单位(默认全省)", "the unit the role is bound to (default: everything)") };
        var password = new Option<string?>("--password") { Description = Words.Of("密码(至少10位)", "password (at least 10 characters)") };
        var email = new Option<string?>("--email") { Description = Words.Of("接收通知的邮箱", "the email address notifications go to") };
        var dataDir = CliServices.DataDirOption();
        var add = new Command("add", Words.Of("新建用户或授予角色", "add a user or a grant")) { name, role, org, password, email, dataDir };
        add.SetAction((parse, ct) => console.Guard(async () =>
        {
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var user = await scope.ServiceProvider.GetRequiredService<AddUser>().Handle(
                new AddUser.Request(parse.GetValue(name), Parsing.Enum<Role>(parse.GetValue(role), "role"), parse.GetValue(org), parse.GetValue(password), Email: parse.GetValue(email)), ct);
            await console.Out.WriteLineAsync($"{user.Name}: {string.Join(", ", user.Grants.Select(g => $"{g.Role}@{g.Org ?? "*"}"))}");
            if (parse.GetValue(password) is null)
            {
                await console.Error.WriteLineAsync(Words.Of($"未设密码;可用 `luoshi tokens create {user.Name}` 创建API令牌", $"no password set; `luoshi tokens create {user.Name}` makes an API token"));
            }

            return 0;
        }));
        return new Command("users", Words.Of("用户", "users")) { add };
    }
}

internal static class TokensCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = Words.Of("用户名", "user name") };
        var label = new Option<string?>("--label") { Description = Words.Of("令牌名称", "what the token is for") };
        var days = new Option<int?>("--days") { Description = Words.Of("有效天数(默认不过期)", "days until it expires (default: never)") };
        var dataDir = CliServices.DataDirOption();
        var create = new Command("create", Words.Of("新建API令牌,最后一行输出令牌", "create an API token; its last output line is the token")) { name, label, days, dataDir };
        create.SetAction((parse, ct) => console.Guard(async () =>
        {
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            DateTimeOffset? expires = parse.GetValue(days) is { } d ? clock.GetUtcNow().AddDays(d) : null;
            var token = await scope.ServiceProvider.GetRequiredService<ManageTokens>().Issue(parse.GetValue(name)!, parse.GetValue(label) ?? "cli", expires, ct);
            await console.Error.WriteLineAsync(Words.Of($"令牌只显示这一次(编号 {token.Id}{(expires is null ? "" : $",{expires:yyyy-MM-dd} 到期")})", $"the token is shown this once (id {token.Id}{(expires is null ? "" : $", expires {expires:yyyy-MM-dd}")})"));
            await console.Out.WriteLineAsync(token.Token);
            return 0;
        }));
        return new Command("tokens", Words.Of("API令牌", "API tokens")) { create };
    }
}

internal static class AuditCommand
{
    public static Command Create(CliConsole console)
    {
        var dataDir = CliServices.DataDirOption();
        var verify = new Command("verify", Words.Of("校验审计日志的哈希链", "verify the audit log's hash chain")) { dataDir };
        verify.SetAction((parse, ct) => console.Guard(async () =>
        {
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var result = await scope.ServiceProvider.GetRequiredService<ReadAudit>().Verify(ct);
            if (result.Intact)
            {
                await console.Out.WriteLineAsync(Words.Of($"审计链完整,共 {result.Entries} 条", $"the audit chain is intact: {result.Entries} entries"));
                return 0;
            }

            await console.Out.WriteLineAsync(Words.Of($"审计链在第{result.BrokenAt}条被篡改", $"the audit chain is broken at entry {result.BrokenAt}"));
            return 3;
        }));
        return new Command("audit", Words.Of("审计日志", "audit log")) { verify };
    }
}
