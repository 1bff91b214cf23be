using System.Data.Common;
using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Luoshi.Application.Data;
using Luoshi.Application.Identity;
using Luoshi.Domain.Identity;
using Luoshi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Luoshi.Web.Tests.Identity;

/// <summary>
/// The key ring moved from a repository of our own to the EF Core key store over the same table: sessions
/// signed with keys written before the move must stay valid after it, or every user is signed out by an upgrade.
/// </summary>
public sealed class KeyRingTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task ACookieSignedWithAKeyWrittenByTheEarlierStore_IsAccepted(Db db)
    {
        await using var first = await TestApp.StartAsync(db);
        await using (var scope = first.OperatorScope())
        {
            await scope.ServiceProvider.GetRequiredService<AddUser>().Handle(new AddUser.Request("li.wei", Role.Leader, null, "A-long-passphrase-2026"), default);
        }

        // Only the key the earlier build wrote is left in the table, so the cookie cannot be read with any other.
        var database = first.App.Services.GetRequiredService<DatabaseOptions>();
        var earlier = new EarlierStore(() => database.PostgresConnectionString is { } pg ? new NpgsqlConnection(pg) : new SqliteConnection(database.SqliteConnectionString));
        earlier.Execute("DELETE FROM data_protection_keys");
        var cookie = EarlierBuildSignsIn(earlier, "li.wei");
        earlier.Rows().ShouldBe(1);

        await using var upgraded = await TestApp.StartBesideAsync(first);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Add("Cookie", "luoshi=" + cookie);
        var me = await upgraded.App.GetTestClient().SendAsync(request);

        me.StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await me.Content.ReadAsStringAsync())!["name"]!.GetValue<string>().ShouldBe("li.wei");
    }

    /// <summary>
    /// The session cookie as the earlier build issued it: data protection under the application name
    /// <c>luoshi</c>, its keys in <c>data_protection_keys</c>, the ticket in the cookie handler's format and purposes.
    /// </summary>
    private static string EarlierBuildSignsIn(EarlierStore store, string name)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("luoshi").AddKeyManagementOptions(o => o.XmlRepository = store);
        using var provider = services.BuildServiceProvider();
        var protector = provider.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware", CookieAuthenticationDefaults.AuthenticationScheme, "v2");
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], CookieAuthenticationDefaults.AuthenticationScheme);
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) }, CookieAuthenticationDefaults.AuthenticationScheme);
        return new TicketDataFormat(protector).Protect(ticket);
    }

    /// <summary>
    /// The earlier build's key store, kept here as the record of the rows it wrote: one row per key, the key's
    /// name and its element without formatting, numbered by the database.
    /// </summary>
    private sealed class EarlierStore(Func<DbConnection> connect) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var conn = Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT \"Xml\" FROM data_protection_keys ORDER BY \"Id\"";
            using var reader = cmd.ExecuteReader();
            var elements = new List<XElement>();
            while (reader.Read())
            {
                elements.Add(XElement.Parse(reader.GetString(0)));
            }

            return elements;
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var conn = Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "INSERT INTO data_protection_keys (\"FriendlyName\", \"Xml\") VALUES (@name, @xml)";
            Parameter(cmd, "@name", friendlyName);
            Parameter(cmd, "@xml", element.ToString(SaveOptions.DisableFormatting));
            cmd.ExecuteNonQuery();
        }

        public void Execute(string sql)
        {
            using var conn = Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }

        public long Rows()
        {
            using var conn = Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM data_protection_keys";
            return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        private DbConnection Open()
        {
            var conn = connect();
            conn.Open();
            return conn;
        }

        private static void Parameter(DbCommand cmd, string name, string value)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
    }
}
