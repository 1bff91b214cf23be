using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Xml;
using CsvHelper;
using Luoshi.Application.Common;
using Luoshi.Application.Projects;
using Luoshi.Application.Publication;
using Luoshi.Domain.Common;
using Luoshi.Web.Infrastructure;

namespace Luoshi.Web.Features.Public;

/// <summary>
/// The public portal's open data, for anyone and without signing in: each dataset as CSV and JSON (filtered, streamed),
/// the DCAT catalog that lists them, and an Atom feed of what was published. Only <see cref="PublicPortal"/> is read, so
/// nothing that is not public can appear (docs/adr/0036).
/// </summary>
public static class PublicData
{
    /// <summary>The datasets and their columns, in the order the CSV writes them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Columns = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["indicators"] = ["indicator", "org", "period", "value", "target", "status"],
        ["assessment"] = ["run", "scheme", "year", "asOf", "org", "orgName", "score", "rank", "grade"],
        ["policies"] = ["policy", "title", "package", "lead", "leadName", "issued", "budget", "cases", "enterprises", "approvedAmount", "paidAmount", "payoutRate", "avgDaysToPay", "onTimeRate", "overdue", "budgetExecution"],
        ["projects"] = ["code", "name", "org", "orgName", "category", "stage", "totalInvestment", "plannedStart", "plannedCompletion", "actualStart", "actualCompletion", "annualPlan", "completedInYear", "completionRate"],
    };

    /// <summary>The open data, the catalog and the feed: answered with problem documents, not HTML pages.</summary>
    public static bool IsDataPath(PathString path) =>
        path.StartsWithSegments("/public/data", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/public/catalog.jsonld", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/public/feed.atom", StringComparison.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapPublicData(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/public").WithTags("Public").AllowAnonymous();

        g.MapGet("/data/indicators.{format}", (string format, string? indicator, string? org, string? from, string? to, PublicPortal portal, HttpContext http) =>
                Write(http, format, "indicators", portal.IndicatorRows(indicator, org, from, to, http.RequestAborted), r => [r.Indicator, r.Org, r.Period, r.Value, r.Target, Camel(r.Status)]))
            .ProducesFile(ApiContent.Csv, ApiContent.Json)
            .WithSummary("公开指标数据(已审核):indicator,org,period,value,target,status / public indicator data, approved values only (?indicator=&org=&from=&to=; .csv or .json)");

        g.MapGet("/data/assessment.{format}", async (string format, int? run, string? org, PublicPortal portal, HttpContext http) =>
            {
                var rows = await AssessmentRows(portal, run, org, http.RequestAborted);
                return await Write(http, format, "assessment", rows.ToAsyncEnumerable(), r => [r.Run, r.Scheme, r.Year, r.AsOf, r.Org, r.OrgName, r.Score, r.Rank, r.Grade]);
            })
            .ProducesFile(ApiContent.Csv, ApiContent.Json)
            .WithSummary("已发布的综合考核结果 / published assessment results (?run=&org=; .csv or .json)");

        g.MapGet("/data/policies.{format}", async (string format, string? package, PublicPortal portal, HttpContext http) =>
            {
                var rows = (await portal.Policies(package, http.RequestAborted)).Select(p => new PolicyRow(
                    p.Code, p.Title, p.Package, p.Lead, p.LeadName, p.Issued, p.Budget, p.Figures.Cases, p.Figures.Enterprises, p.Figures.ApprovedAmount, p.Figures.PaidAmount,
                    p.Figures.PayoutRate, p.Figures.AvgDaysToPay, p.Figures.OnTimeRate, p.Figures.Overdue, p.Figures.BudgetExecution)).ToList();
                return await Write(http, format, "policies", rows.ToAsyncEnumerable(), r => [r.Policy, r.Title, r.Package, r.Lead, r.LeadName, r.Issued, r.Budget, r.Cases, r.Enterprises, r.ApprovedAmount, r.PaidAmount, r.PayoutRate, r.AvgDaysToPay, r.OnTimeRate, r.Overdue, r.BudgetExecution]);
            })
            .ProducesFile(ApiContent.Csv, ApiContent.Json)
            .WithSummary("公开政策的兑现情况 / delivery figures of the public policies (?package=; .csv or .json)");

        g.MapGet("/data/projects.{format}", async (string format, string? org, string? category, string? stage, int? year, PublicPortal portal, HttpContext http) =>
            {
                var page = await portal.Projects(new ProjectFilter(org, category, stage, Year: year, Page: 1, PageSize: ProjectQueries.MaxRows), http.RequestAborted);
                var rows = page.Items.Select(p => new ProjectRow(p.Code, p.Name, p.Org, p.OrgName, p.Category, Camel(p.Stage), p.TotalInvestment, p.PlannedStart, p.PlannedCompletion, p.ActualStart, p.ActualCompletion, p.AnnualPlan, p.CompletedInYear, p.CompletionRate)).ToList();
                return await Write(http, format, "projects", rows.ToAsyncEnumerable(), r => [r.Code, r.Name, r.Org, r.OrgName, r.Category, r.Stage, r.TotalInvestment, r.PlannedStart, r.PlannedCompletion, r.ActualStart, r.ActualCompletion, r.AnnualPlan, r.CompletedInYear, r.CompletionRate]);
            })
            .ProducesFile(ApiContent.Csv, ApiContent.Json)
            .WithSummary("公开的重大项目 / the public major projects (?org=&category=&stage=&year=; .csv or .json)");

        g.MapGet("/catalog.jsonld", async (PublicPortal portal, HttpContext http) => Results.Text(Catalog(await portal.Catalog(http.RequestAborted), BaseUrl(http.Request)), "application/ld+json; charset=utf-8"))
            .ProducesFile("application/ld+json")
            .WithSummary("开放数据目录(DCAT-AP,JSON-LD)/ the open data catalog, DCAT-AP in JSON-LD");

        g.MapGet("/feed.atom", async (string? org, PublicPortal portal, HttpContext http) =>
                Results.Text(Feed(await portal.Events(org, 100, http.RequestAborted), BaseUrl(http.Request), org), "application/atom+xml; charset=utf-8"))
            .ProducesFile("application/atom+xml")
            .WithSummary("新发布内容的 Atom 订阅 / an Atom feed of what was published (?org=)");
        return app;
    }

    public sealed record AssessmentRow(int Run, string Scheme, int Year, DateOnly AsOf, string Org, string OrgName, decimal Score, int Rank, string Grade);

    public sealed record PolicyRow(string Policy, string Title, string Package, string Lead, string LeadName, DateOnly Issued, decimal Budget, int Cases, int Enterprises, decimal ApprovedAmount, decimal PaidAmount, double? PayoutRate, double? AvgDaysToPay, double? OnTimeRate, int Overdue, double? BudgetExecution);

    public sealed record ProjectRow(string Code, string Name, string Org, string OrgName, string Category, string Stage, decimal TotalInvestment, DateOnly PlannedStart, DateOnly PlannedCompletion, DateOnly? ActualStart, DateOnly? ActualCompletion, decimal? AnnualPlan, decimal CompletedInYear, double? CompletionRate);

    private static async Task<List<AssessmentRow>> AssessmentRows(PublicPortal portal, int? run, string? org, CancellationToken ct)
    {
        var runs = await portal.Runs(ct);
        if (run is { } id && runs.All(r => r.Id != id))
        {
            throw new NotFoundException(new Text("已发布的考核结果", "published assessment run"), id.ToString(CultureInfo.InvariantCulture));
        }

        var rows = new List<AssessmentRow>();
        foreach (var r in runs.Where(r => run is null || r.Id == run))
        {
            var result = await portal.Run(r.Id, ct);
            rows.AddRange(result.Results.Where(u => string.IsNullOrWhiteSpace(org) || u.Org == org.Trim())
                .Select(u => new AssessmentRow(r.Id, r.Scheme, r.Year, r.AsOf, u.Org, u.OrgName, u.Score, u.Rank, u.Grade)));
        }

        return rows;
    }

    /// <summary>
    /// Writes the rows as CSV (RFC 4180, UTF-8, the dataset's header first) or as a JSON array, row by row as they are
    /// made. A filter refused before the first row gives a problem document; the first row is read before anything is sent.
    /// </summary>
    private static async Task<IResult> Write<T>(HttpContext http, string format, string dataset, IAsyncEnumerable<T> rows, Func<T, object?[]> cells)
    {
        var kind = format.ToLowerInvariant() switch
        {
            "csv" => "csv",
            "json" => "json",
            _ => throw new NotFoundException(new Text("数据格式", "data format"), format),
        };
        var ct = http.RequestAborted;
        var items = rows.GetAsyncEnumerator(ct);
        bool any = await items.MoveNextAsync();
        if (kind == "json")
        {
            return Results.Stream(async body => await WriteJson(body, items, any, ct), "application/json; charset=utf-8");
        }

        http.Response.Headers.ContentDisposition = $"inline; filename=\"{dataset}.csv\"";
        return Results.Stream(
            async body =>
            {
                await using var text = new StreamWriter(body, new UTF8Encoding(false), 1 << 16);
                await using var csv = new CsvWriter(text, CultureInfo.InvariantCulture);
                foreach (var column in Columns[dataset])
                {
                    csv.WriteField(column);
                }

                await csv.NextRecordAsync();
                for (bool more = any; more; more = await items.MoveNextAsync())
                {
                    foreach (var v in cells(items.Current))
                    {
                        csv.WriteField(Cell(v));
                    }

                    await csv.NextRecordAsync();
                }

                await items.DisposeAsync();
            },
            "text/csv; charset=utf-8");
    }

    /// <summary>The array written as the rows come (the serializer streams an async sequence, flushing as it goes).</summary>
    private static async Task WriteJson<T>(Stream body, IAsyncEnumerator<T> items, bool any, CancellationToken ct)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        LuoshiWebApp.ConfigureJson(options);
        await JsonSerializer.SerializeAsync(body, Rest(items, any), options, ct);
    }

    private static async IAsyncEnumerable<T> Rest<T>(IAsyncEnumerator<T> items, bool any)
    {
        await using (items)
        {
            for (bool more = any; more; more = await items.MoveNextAsync())
            {
                yield return items.Current;
            }
        }
    }

    private static string Cell(object? v) => v switch
    {
        null => string.Empty,
        decimal d => Numbers.Format(d),
        double x => x.ToString("0.####", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? string.Empty,
    };

    private static string Camel<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    /// <summary>The catalog as DCAT-AP in JSON-LD: one <c>dcat:Dataset</c> per dataset with a CSV and a JSON distribution.</summary>
    public static string Catalog(IReadOnlyList<PublicDataset> datasets, string baseUrl)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartObject("@context");
            w.WriteString("dcat", "http://www.w3.org/ns/dcat#");
            w.WriteString("dct", "http://purl.org/dc/terms/");
            w.WriteString("foaf", "http://xmlns.com/foaf/0.1/");
            w.WriteString("xsd", "http://www.w3.org/2001/XMLSchema#");
            w.WriteEndObject();
            w.WriteString("@id", $"{baseUrl}/public/catalog.jsonld");
            w.WriteString("@type", "dcat:Catalog");
            Titled(w, "dct:title", new Text("落实 公开数据", "Luoshi open data"));
            Titled(w, "dct:description", new Text("已公开的指标、考核结果、政策兑现和重大项目数据", "The published indicators, assessment results, policy delivery and major projects"));
            w.WriteString("foaf:homepage", $"{baseUrl}/public");
            w.WriteStartArray("dcat:dataset");
            foreach (var d in datasets)
            {
                w.WriteStartObject();
                w.WriteString("@id", $"{baseUrl}/public/data/{d.Name}");
                w.WriteString("@type", "dcat:Dataset");
                w.WriteString("dct:identifier", d.Name);
                Titled(w, "dct:title", d.Title);
                Titled(w, "dct:description", d.Description);
                if (d.Modified is { } modified)
                {
                    w.WriteStartObject("dct:modified");
                    w.WriteString("@value", modified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    w.WriteString("@type", "xsd:dateTime");
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("dct:modified");
                }

                w.WriteStartArray("dcat:distribution");
                foreach (var (extension, media) in new[] { ("csv", "text/csv"), ("json", "application/json") })
                {
                    w.WriteStartObject();
                    w.WriteString("@type", "dcat:Distribution");
                    w.WriteString("dct:title", $"{d.Name}.{extension}");
                    w.WriteString("dcat:accessURL", $"{baseUrl}/public/data/{d.Name}.{extension}");
                    w.WriteString("dcat:downloadURL", $"{baseUrl}/public/data/{d.Name}.{extension}");
                    w.WriteString("dcat:mediaType", media);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Titled(Utf8JsonWriter w, string name, Text text)
    {
        w.WriteStartArray(name);
        foreach (var (value, language) in new[] { (text.Zh, "zh"), (text.En, "en") })
        {
            w.WriteStartObject();
            w.WriteString("@value", value);
            w.WriteString("@language", language);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>The events as an Atom 1.0 feed (RFC 4287), titles Chinese first.</summary>
    public static string Feed(IReadOnlyList<PublicEvent> events, string baseUrl, string? org)
    {
        var self = $"{baseUrl}/public/feed.atom" + (string.IsNullOrWhiteSpace(org) ? string.Empty : $"?org={Uri.EscapeDataString(org.Trim())}");
        var feed = new SyndicationFeed(
            new Text("落实 公开数据:最新发布", "Luoshi open data: newly published").Bilingual,
            new Text("已公开的指标期间、考核通报、政策和重大项目", "Published indicator periods, assessment announcements, policies and major projects").Bilingual,
            new Uri($"{baseUrl}/public"))
        {
            Id = self,
            LastUpdatedTime = events.Count == 0 ? DateTimeOffset.UnixEpoch : events.Max(e => e.At),
            Language = "zh-CN",
        };
        feed.Links.Add(new SyndicationLink(new Uri(self), "self", null, "application/atom+xml", 0));
        feed.Authors.Add(new SyndicationPerson { Name = "Luoshi" });
        feed.Items = [.. events.Select(e => new SyndicationItem(e.Title.Bilingual, e.Title.Bilingual, new Uri(baseUrl + e.Path), $"{baseUrl}/public/{e.Id}", e.At) { PublishDate = e.At })];
        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            feed.SaveAsAtom10(xml);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
