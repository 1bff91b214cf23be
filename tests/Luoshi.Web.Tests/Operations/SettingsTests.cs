using Luoshi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;

namespace Luoshi.Web.Tests.Operations;

/// <summary>Settings are checked when the server starts: a bad value stops it, naming its key.</summary>
public sealed class SettingsTests
{
    [Theory]
    [InlineData("Luoshi:RequestsPerMinute", "-5")]
    [InlineData("Luoshi:MaxRequestBytes", "0")]
    [InlineData("Luoshi:ReaderLagMilliseconds", "-1")]
    [InlineData("Luoshi:AnswerCacheMegabytes", "-64")]
    [InlineData("Luoshi:LogFormat", "xml")]
    public void ABadValue_StopsTheStart_NamingItsKey(string key, string value)
    {
        var dir = Path.Combine(Path.GetTempPath(), "luoshi-tests", Guid.NewGuid().ToString("N"));

        var e = Should.Throw<OptionsValidationException>(() => LuoshiWebApp.Build([$"--Luoshi:DataDir={dir}", $"--{key}={value}"], b => b.WebHost.UseTestServer()));

        e.Message.ShouldContain(key + ":");
        e.Failures.ShouldHaveSingleItem();
    }

    [Fact]
    public void AValueThatIsNotANumber_StopsTheStart_NamingItsKey()
    {
        var e = Should.Throw<InvalidOperationException>(() => LuoshiWebApp.Build(["--Luoshi:ShutdownSeconds=soon"], b => b.WebHost.UseTestServer()));

        e.Message.ShouldContain("Luoshi:ShutdownSeconds");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ABadSupervisionSetting_StopsTheStart_NamingItsKey(Db db)
    {
        var e = await Should.ThrowAsync<OptionsValidationException>(() => TestApp.StartAsync(db, configure: b => b.Configuration["Luoshi:Supervision:RedPeriods"] = "0"));

        e.Message.ShouldContain("Luoshi:Supervision:RedPeriods:");
    }
}
