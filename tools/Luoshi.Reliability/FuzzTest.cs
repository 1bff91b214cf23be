using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;

namespace Luoshi.Reliability;

/// <summary>
/// Mutated inputs against every door that takes a file or a body: the readings and projects CSV imports,
/// the reporting Excel upload, document ingestion (.html, .txt, .docx, .pdf, pasted text) and the JSON write
/// endpoints. No input may be answered 5xx, and an input that is refused (4xx) must leave every table as it
/// was — checked by counting the rows of the tables a write can touch before and after each request.
/// </summary>
internal static class FuzzTest
{
    public sealed record Result(
        string Provider, int Inputs, long Errors5xx, long NotProblem, long Partial, long Accepted, long Refused, long RefusedByServer, Dictionary<string, int> ByTarget,
        int OperationsTotal, int OperationsCovered, int OperationsAccepted, string AuditChain, string Integrity, List<string> Failures);

    private static readonly string[] Tables =
    [
        "readings", "reading_versions", "targets", "target_versions", "plan_items", "projects", "project_plans", "project_progress",
        "documents", "document_items", "supervision_items", "supervision_events", "org_units", "indicators", "reports",
        "reporting_assignments", "validation_rules", "users", "audit_log",
    ];

    private static readonly string[] Tokens =
    [
        ",", "\"", "\n", "\r\n", "\0", "\uFEFF", "𠀀", "-1e309", "NaN", "Infinity", new string('9', 400), "null", "{", "}", "[", "]",
        "<", ">", "&amp;", "<script>", "'", ";", "\\", "%", "2026-13", "2026-02-30", "-0", "1e-400", "０.５", "‮", new string('长', 3000),
    ];

    private sealed record Door(string Name, Func<Random, HttpContent> Body, string Path);

    /// <summary>
    /// One provider's fuzz: half the inputs through the doors that take files and the original JSON bodies (mutated
    /// bytes), half through every operation of the OpenAPI document. Afterwards the audit chain must verify and, on
    /// SQLite, the file must pass its own integrity check.
    /// </summary>
    public static async Task<Result> Run(Setup setup, int inputs, bool postgres)
    {
        var provider = postgres ? "postgres" : "sqlite";
        var store = await Store.CreateAsync(setup, "fuzz-" + provider, postgres);
        var token = await Seed.Province(setup, store);
        await using var server = await Luoshi.Serve(setup, store, "fuzz", new Dictionary<string, string> { ["Luoshi__Supervision__ScheduleEnabled"] = "false" });
        using var http = Seed.Client(server.Url!, token, TimeSpan.FromSeconds(60));
        using var anonymous = new HttpClient { BaseAddress = new Uri(server.Url!), Timeout = TimeSpan.FromSeconds(60) };
        var seedCsv = Seed.Readings("REL01", 2, 1);
        (await http.PostAsync("/api/readings/import", Seed.File(Encoding.UTF8.GetBytes(seedCsv), "r.csv", "text/csv"))).EnsureSuccessStatusCode();

        var readingsCsv = Encoding.UTF8.GetBytes("indicator,org,period,value,comment\nREL02,990101,2026-01,12.5,初报\nREL02,990102,2026-01,13,\"含,逗号\"\nREL02,990201,2026-02,7.25,\n");
        var projectsCsv = Encoding.UTF8.GetBytes("code,name,org,category,totalInvestment,plannedStart,plannedCompletion,stage\nXM001,可靠性项目,990101,交通,10.5,2026-01-01,2027-06-30,前期\n");
        var html = Encoding.UTF8.GetBytes("<!doctype html><html><head><meta charset=\"utf-8\"><title>在全市工作会议上的讲话</title></head><body><div class=\"nav\">首页 | 新闻</div><p>2026年11月20日</p><p>今年全市地区生产总值增长6%左右,固定资产投资增长8%以上。</p><p>要加快推进重大项目建设,确保年底前全部开工。</p></body></html>");
        var text = Encoding.UTF8.GetBytes("在全省工作会议上的讲话\n2026年3月1日\n一要坚持稳中求进。城镇新增就业50万人以上,居民消费价格涨幅3%左右。\n");
        var docx = Docx("要切实抓好粮食生产,粮食产量稳定在600亿斤以上。");
        // A real PDF: the work report the application tests read (run from the repository root, as scripts/reliability.sh does).
        var pdf = await File.ReadAllBytesAsync(Path.Combine("tests", "Luoshi.Application.Tests", "Documents", "Fixtures", "work-report.pdf"));
        var xlsx = Xlsx([["indicator", "value", "comment"], ["REL03", "12.5", "填报"], ["REL04", "abc", ""]]);
        string[] json =
        [
            """{"indicator":"REL05","org":"990101","period":"2026-03","value":12.5,"comment":"写入"}""",
            """{"code":"P-FZ","kind":"task","title":"模糊测试任务","lead":"990100","due":"2026-12-31"}""",
            """{"title":"督办事项","leadOrg":"990100","deadline":"2026-12-31","description":"按期完成"}""",
            """{"code":"FZ1","name":"模糊指标","unit":"%","direction":"higher","frequency":"month","valueKind":"level"}""",
            """{"indicator":"REL06","org":"990101","year":"2026","value":100,"qualifier":"atLeast"}""",
            """{"code":"990199","name":"模糊县","kind":"County","parent":"990100"}""",
            """{"title":"会议讲话","text":"要加快推进重大项目建设,投资增长10%以上。"}""",
        ];
        string[] jsonPaths = ["/api/readings", "/api/plan-items", "/api/supervision/items", "/api/indicators", "/api/targets", "/api/org-units", "/api/documents/text"];

        var doors = new List<Door>
        {
            new("readings.csv", r => Seed.File(Mutate(r, readingsCsv), "readings.csv", "text/csv"), "/api/readings/import"),
            new("projects.csv", r => Seed.File(Mutate(r, projectsCsv), "projects.csv", "text/csv"), "/api/projects/import/projects"),
            new("report.xlsx", r => Seed.File(Mutate(r, xlsx), "report.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "/api/reporting/upload?org=990101&period=2026-10"),
            new("document.html", r => Seed.File(Mutate(r, html), "speech.html", "text/html"), "/api/documents"),
            new("document.txt", r => Seed.File(Mutate(r, text), "speech.txt", "text/plain"), "/api/documents"),
            new("document.docx", r => Seed.File(Mutate(r, docx), "speech.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"), "/api/documents"),
            new("document.pdf", r => Seed.File(Mutate(r, pdf), "report.pdf", "application/pdf"), "/api/documents"),
        };
        for (int i = 0; i < json.Length; i++)
        {
            var body = Encoding.UTF8.GetBytes(json[i]);
            doors.Add(new($"json {jsonPaths[i]}", r => Json(r, body), jsonPaths[i]));
        }

        var random = new Random(postgres ? 2026 : 2027);
        var tally = new Tally(provider, Path.Combine(setup.Out, "fuzz-failures", provider));
        int doorInputs = inputs / 2;
        for (int n = 0; n < doorInputs; n++)
        {
            var door = doors[n % doors.Count];
            using var content = door.Body(random);
            var payload = await content.ReadAsByteArrayAsync();
            var before = await Counts(store);
            var (status, problem) = await Send(http, () => new HttpRequestMessage(HttpMethod.Post, door.Path) { Content = content });
            await tally.Record(n, door.Name, $"POST {door.Path}", status, problem, payload, store, before);
            Progress(provider, n + 1, inputs, tally);
        }

        // Every operation of the document, in turn, so that each gets its share of the inputs.
        var document = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var operations = await OperationFuzz.Read(http);
        byte[][] files = [readingsCsv, projectsCsv, xlsx, html, text, docx, Encoding.UTF8.GetBytes(seedCsv[..Math.Min(seedCsv.Length, 4000)])];
        var covered = new HashSet<string>();
        var acceptedOperations = new HashSet<string>();
        for (int n = doorInputs; n < inputs; n++)
        {
            var op = operations[(n - doorInputs) % operations.Count];
            var input = OperationFuzz.Generate(random, document, op, files);
            var before = await Counts(store);
            var (status, problem) = await Send(input.WithToken ? http : anonymous, () => OperationFuzz.Request(input));
            covered.Add(op.Name);
            if (status is >= 200 and < 300)
            {
                acceptedOperations.Add(op.Name);
            }

            await tally.Record(n, "operations", $"{op.Method} {input.Url}", status, problem, input.Body ?? [], store, before);
            Progress(provider, n + 1, inputs, tally);

            // An input may revoke the token it came with (DELETE /api/tokens/{id}): mint another, as an operator would.
            if (input.WithToken && status == 401 && !(await http.GetAsync("/api/auth/me")).IsSuccessStatusCode)
            {
                token = (await Luoshi.Run(setup, store, "tokens", "create", "admin", "--data-dir", store.DataDir)).Trim();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
        }

        var verify = await http.GetAsync("/api/audit/verify");
        var chain = System.Text.Json.Nodes.JsonNode.Parse(await verify.Content.ReadAsStringAsync());
        var auditChain = verify.IsSuccessStatusCode && chain?["intact"]?.GetValue<bool>() == true ? "ok" : $"{(int)verify.StatusCode} {chain?.ToJsonString()}";
        await server.Stop();
        var integrity = await store.IntegrityCheck();
        return new Result(provider, inputs, tally.Errors, tally.NotProblem, tally.Partial, tally.Accepted, tally.Refused, tally.RefusedByServer, tally.ByTarget,
            operations.Count, covered.Count, acceptedOperations.Count, auditChain, integrity, tally.Failures.Take(50).ToList());
    }

    private static void Progress(string provider, int done, int inputs, Tally tally)
    {
        if (done % 500 == 0)
        {
            Console.WriteLine($"  fuzz {provider} {done}/{inputs}: {tally.Errors} 5xx, {tally.NotProblem} not a problem document, {tally.Partial} partial, {tally.Accepted} accepted, {tally.Refused} refused");
        }
    }

    private static async Task<(int Status, bool Problem)> Send(HttpClient http, Func<HttpRequestMessage> request)
    {
        try
        {
            using var message = request();
            using var response = await http.SendAsync(message);
            await response.Content.ReadAsByteArrayAsync();
            return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType == "application/problem+json");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (599, false);
        }
    }

    /// <summary>What the answers were: 5xx, 4xx that are not problem documents, refusals that changed rows.</summary>
    private sealed class Tally(string provider, string samples)
    {
        public long Errors, NotProblem, Partial, Accepted, Refused, RefusedByServer;
        public Dictionary<string, int> ByTarget { get; } = [];
        public List<string> Failures { get; } = [];

        public async Task Record(int n, string target, string request, int status, bool problem, byte[] payload, Store store, string before)
        {
            ByTarget[target] = ByTarget.GetValueOrDefault(target) + 1;
            if (status >= 500 || (status < 200) || (status is >= 300 and < 400))
            {
                Errors++;
                Failures.Add($"{provider} {n} {request}: {status}");
                Directory.CreateDirectory(samples);
                await File.WriteAllBytesAsync(Path.Combine(samples, $"{n}-{status}.bin"), payload);
            }
            else if (status >= 400)
            {
                Refused++;
                if (!problem && (status is 414 or 431 || (status == 400 && request.Split('?')[0].Contains("%00", StringComparison.Ordinal))))
                {
                    // A request line or headers beyond Kestrel's limits (8 KB, 32 KB), or a NUL in the path: refused by
                    // the HTTP server before the application sees the request, with no body. Correct HTTP, counted apart.
                    RefusedByServer++;
                }
                else if (!problem)
                {
                    NotProblem++;
                    Failures.Add($"{provider} {n} {request}: {status} without a problem document");
                }

                var after = await Counts(store);
                if (after != before)
                {
                    Partial++;
                    Failures.Add($"{provider} {n} {request}: refused with {status} but rows changed {before} → {after}");
                }
            }
            else
            {
                Accepted++;
            }
        }
    }

    private static Task<string> Counts(Store store) =>
        store.Digest("SELECT " + string.Join(", ", Tables.Select(t => $"(SELECT count(*) FROM {t})")));

    private static ByteArrayContent Json(Random r, byte[] body)
    {
        // Half structural (valid JSON with wrong types, missing or huge values, deep nesting), half bytes.
        byte[] mutated = r.Next(2) == 0 ? Structural(r, Encoding.UTF8.GetString(body)) : Mutate(r, body);
        var content = new ByteArrayContent(mutated);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static byte[] Structural(Random r, string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        var keys = node.Select(p => p.Key).ToList();
        var key = keys[r.Next(keys.Count)];
        System.Text.Json.Nodes.JsonNode? replacement = r.Next(9) switch
        {
            0 => null,
            1 => System.Text.Json.Nodes.JsonValue.Create(-1e300),
            2 => System.Text.Json.Nodes.JsonValue.Create(new string('长', 20_000)),
            3 => new System.Text.Json.Nodes.JsonArray(1, 2, 3),
            4 => new System.Text.Json.Nodes.JsonObject { ["x"] = 1 },
            5 => System.Text.Json.Nodes.JsonValue.Create(true),
            6 => System.Text.Json.Nodes.JsonValue.Create(Tokens[r.Next(Tokens.Length)]),
            7 => System.Text.Json.Nodes.JsonValue.Create(decimal.MaxValue),
            _ => System.Text.Json.Nodes.JsonValue.Create(r.Next(-5, 5)),
        };
        if (r.Next(5) == 0)
        {
            node.Remove(key);
        }
        else
        {
            node[key] = replacement;
        }

        var text = node.ToJsonString();
        if (r.Next(10) == 0)
        {
            text = new string('[', 5000) + text + new string(']', 5000);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    internal static byte[] Mutate(Random r, byte[] input)
    {
        var bytes = new List<byte>(input);
        int edits = 1 + r.Next(4);
        for (int e = 0; e < edits && bytes.Count > 0; e++)
        {
            int at = r.Next(bytes.Count);
            switch (r.Next(6))
            {
                case 0:
                    bytes[at] = (byte)r.Next(256);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + r.Next(64)));
                    break;
                case 2:
                    int len = Math.Min(bytes.Count - at, 1 + r.Next(256));
                    bytes.InsertRange(at, bytes.GetRange(at, len));
                    break;
                case 3:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[r.Next(Tokens.Length)]));
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    var noise = new byte[1 + r.Next(32)];
                    r.NextBytes(noise);
                    bytes.InsertRange(at, noise);
                    break;
            }
        }

        return [.. bytes];
    }

    private static byte[] Xlsx(string[][] rows)
    {
        var sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int i = 0; i < rows.Length; i++)
        {
            sheet.Append(CultureInfo.InvariantCulture, $"<row r=\"{i + 1}\">");
            for (int j = 0; j < rows[i].Length; j++)
            {
                sheet.Append(CultureInfo.InvariantCulture, $"<c r=\"{(char)('A' + j)}{i + 1}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(rows[i][j])}</t></is></c>");
            }

            sheet.Append("</row>");
        }

        sheet.Append("</sheetData></worksheet>");
        return Zip(new()
        {
            ["[Content_Types].xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>",
            ["_rels/.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            ["xl/workbook.xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"数据\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
            ["xl/worksheets/sheet1.xml"] = sheet.ToString(),
        });
    }

    private static byte[] Docx(string paragraph) => Zip(new()
    {
        ["[Content_Types].xml"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>",
        ["_rels/.rels"] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>",
        ["word/document.xml"] = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p></w:body></w:document>",
    });

    private static byte[] Zip(Dictionary<string, string> parts)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return memory.ToArray();
    }
}
