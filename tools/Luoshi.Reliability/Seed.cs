using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Luoshi.Reliability;

/// <summary>
/// A small synthetic province for the faults to work on: 1 province, 10 cities, 200 counties, and
/// indicators REL00–REL20 (one per kill run) and CON (the concurrency cells). Loaded through the CLI, with an
/// Admin and an API token, as an operator would set up a new installation.
/// </summary>
internal static class Seed
{
    public const int Cities = 10;
    public const int CountiesPerCity = 20;
    public const string Password = "Reliability-2026-long";

    public static IEnumerable<string> Counties() =>
        from c in Enumerable.Range(1, Cities) from k in Enumerable.Range(1, CountiesPerCity) select $"99{c:00}{k:00}";

    public static async Task<string> Province(Setup setup, Store store)
    {
        var orgs = new StringBuilder("code,name,kind,parent\n990000,可靠省,Province,\n");
        for (int c = 1; c <= Cities; c++)
        {
            orgs.Append(CultureInfo.InvariantCulture, $"99{c:00}00,第{c}市,City,990000\n");
            for (int k = 1; k <= CountiesPerCity; k++)
            {
                orgs.Append(CultureInfo.InvariantCulture, $"99{c:00}{k:00},第{c}市{k}县,County,99{c:00}00\n");
            }
        }

        var indicators = new StringBuilder("code,name,unit,direction,frequency,valueKind,aggregation,formula,tolerance,profile\n");
        foreach (var code in Enumerable.Range(0, 21).Select(i => $"REL{i:00}").Append("CON"))
        {
            indicators.Append(CultureInfo.InvariantCulture, $"{code},可靠性指标{code},万元,higher,month,level,none,,5%,linear\n");
        }

        var orgsFile = Path.Combine(store.DataDir, "orgs.csv");
        var indicatorsFile = Path.Combine(store.DataDir, "indicators.csv");
        await System.IO.File.WriteAllTextAsync(orgsFile, orgs.ToString());
        await System.IO.File.WriteAllTextAsync(indicatorsFile, indicators.ToString());
        await Luoshi.Run(setup, store, "import", "orgs", orgsFile, "--data-dir", store.DataDir);
        await Luoshi.Run(setup, store, "import", "indicators", indicatorsFile, "--data-dir", store.DataDir);
        await Luoshi.Run(setup, store, "users", "add", "admin", "--role", "Admin", "--password", Password, "--data-dir", store.DataDir);
        return (await Luoshi.Run(setup, store, "tokens", "create", "admin", "--data-dir", store.DataDir)).Trim();
    }

    /// <summary>Readings of one indicator for every county over <paramref name="months"/> months from 2000-01.</summary>
    public static string Readings(string indicator, int months, int salt)
    {
        var csv = new StringBuilder("indicator,org,period,value\n");
        foreach (var org in Counties())
        {
            for (int m = 0; m < months; m++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{indicator},{org},{2000 + m / 12}-{m % 12 + 1:00},{(salt * 7919 + m * 31 + int.Parse(org, CultureInfo.InvariantCulture) % 1000 + 1000) % 100000}.5\n");
            }
        }

        return csv.ToString();
    }

    public static HttpClient Client(string baseUrl, string token, TimeSpan? timeout = null)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = timeout ?? TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static MultipartFormDataContent File(byte[] content, string name, string type)
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return new MultipartFormDataContent { { part, "file", name } };
    }
}
