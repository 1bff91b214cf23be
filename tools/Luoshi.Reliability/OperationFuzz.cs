using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luoshi.Reliability;

/// <summary>
/// Every operation of the server's own OpenAPI document, read at run time (no list to keep: an endpoint added
/// today is fuzzed today). For each operation in turn, an input generated from its schema: path parameters of
/// every shape, query parameters at their boundaries, a body built from the request schema and then bent —
/// boundary numbers and strings, fields missing, extra or of the wrong type, unknown codes, broken JSON — sent
/// with the Admin's token or with none. Operation ids and security schemes are not needed: method and path name
/// an operation.
/// </summary>
internal static class OperationFuzz
{
    public sealed record Operation(string Method, string Path, IReadOnlyList<Parameter> Parameters, JsonNode? Body, string? BodyType)
    {
        public string Name => $"{Method} {Path}";
    }

    public sealed record Parameter(string Name, string In, JsonNode? Schema);

    /// <summary>A request to send: method, path and query already encoded, body bytes with their type (or none).</summary>
    public sealed record Input(Operation Operation, string Url, byte[]? Body, string? ContentType, bool WithToken);

    // Placeholders for what JsonNode cannot hold (a lone surrogate, -0, a number beyond double): replaced in the text.
    private const string LoneSurrogate = "\uE000lone\uE000";
    private const string NegativeZero = "\uE000negzero\uE000";
    private const string HugeNumber = "\uE000huge\uE000";
    private const string ManyDecimals = "\uE000decimals\uE000";

    private static readonly string[] Strings =
    [
        "", " ", "\0", "a\0b", "\u0001", "\u0007\u001b[31m", "\u007f", "\u0085", "\u202e右到左\u202c", "\u200f", "\uFEFF", "\uFFFF", LoneSurrogate,
        new string('长', 10_000), new string('x', 10_000), "'; DROP TABLE readings; --", "\" OR 1=1 --", "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "../../../../etc/passwd", "%00", "%s%n", "${jndi:ldap://x}", "{{7*7}}", "𠀀𠀁", "１２３", "NaN",
        "Infinity", "-Infinity", "-0", "1e308", "null", "true", "[]", "{}", "2026-13", "2026-02-30", "0000-00-00", "9999-12-31", "2026Q5",
        "UNKNOWN_CODE", "999999", "zz", "admin", "\t", "\r\n",
    ];

    private static readonly JsonNode?[] Numbers =
    [
        0, 1, -1, 0.5, 2, 12.5, int.MaxValue, int.MinValue, 2147483648L, long.MaxValue, 1e14, -1e14, 99999999999999.999999m, 100000000000000m,
        decimal.MaxValue, decimal.MinValue, 1e308, -1e308, double.Epsilon, 0.000001, NegativeZero, HugeNumber, ManyDecimals, "NaN", "Infinity", "-Infinity",
    ];

    /// <summary>Values that reach past validation: codes and periods the seeded province holds, by parameter or field name.</summary>
    private static readonly Dictionary<string, string[]> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["indicator"] = ["REL01", "REL02", "REL05", "CON", "FZ1"],
        ["org"] = ["990100", "990101", "990000", "990201"],
        ["leadOrg"] = ["990100", "990101"],
        ["lead"] = ["990100", "990101"],
        ["parent"] = ["990000", "990100", "P-FZ"],
        ["under"] = ["990000", "990100"],
        ["period"] = ["2026-01", "2026-03", "2026", "2026Q1", "2026H1", "2026-10"],
        ["from"] = ["2026-01", "2025-12", "1", "2026-01-01"],
        ["to"] = ["2026-12", "2026-06", "3", "2026-12-31"],
        ["month"] = ["2026-01", "2026-05"],
        ["year"] = ["2026", "2025"],
        ["asOf"] = ["2026-06-30", "2026-12-31"],
        ["deadline"] = ["2026-12-31", "2026-01-15"],
        ["due"] = ["2026-12-31"],
        ["code"] = ["REL01", "990101", "P-FZ", "FZ1", "XM001", "investment", "projects", "plans", "progress"],
        ["kind"] = ["projects", "plans", "progress", "County", "task", "City"],
        ["format"] = ["csv", "xlsx", "json", "pdf"],
        ["id"] = ["1", "2", "3"],
        ["number"] = ["1", "2"],
        ["role"] = ["reporter", "admin", "planner"],
        ["user"] = ["admin", "reporter1"],
        ["state"] = ["draft", "submitted", "open", "pending"],
    };

    public static async Task<List<Operation>> Read(HttpClient http)
    {
        var document = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var operations = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var shared = item!["parameters"]?.AsArray();
            foreach (var (method, op) in item.AsObject())
            {
                if (method is not ("get" or "put" or "post" or "delete" or "patch" or "head" or "options") || op is not JsonObject)
                {
                    continue;
                }

                var parameters = (op!["parameters"]?.AsArray() ?? []).Concat(shared ?? [])
                    .Select(p => Resolve(document, p)!)
                    .Select(p => new Parameter((string)p["name"]!, (string)p["in"]!, p["schema"]))
                    .ToList();
                var content = op["requestBody"]?["content"]?.AsObject();
                var (bodyType, body) = content?.FirstOrDefault() is { Key: { } type } c ? (type, c.Value?["schema"]) : ((string?)null, (JsonNode?)null);
                operations.Add(new Operation(method.ToUpperInvariant(), path, parameters, body, bodyType));
            }
        }

        return operations;
    }

    public static Input Generate(Random r, JsonNode document, Operation op, byte[][] files)
    {
        var path = op.Path;
        var query = new List<string>();
        foreach (var p in op.Parameters)
        {
            if (p.In == "path")
            {
                path = path.Replace("{" + p.Name + "}", Encode(PathValue(r, document, p)), StringComparison.Ordinal);
            }
            else if (p.In == "query" && r.Next(10) < 7)
            {
                query.Add(Encode(r.Next(20) == 0 ? Pick(r, Strings) : p.Name) + "=" + Encode(Text(r, document, p.Name, p.Schema)));
            }
        }

        if (r.Next(15) == 0)
        {
            query.Add(Encode(Pick(r, Strings)) + "=" + Encode(Pick(r, Strings)));
        }

        var url = path + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        bool token = r.Next(5) != 0;
        if (op.Method is "GET" or "DELETE" && op.BodyType is null)
        {
            return new Input(op, url, null, null, token);
        }

        if (op.BodyType is "multipart/form-data" || (op.BodyType is null && r.Next(2) == 0))
        {
            return Multipart(r, op, url, token, files);
        }

        if (op.BodyType is null && r.Next(2) == 0)
        {
            return new Input(op, url, null, null, token);
        }

        var json = r.Next(12) switch
        {
            0 => Pick(r, ["", "{", "[", "nul", "{\"a\":", "\u0000", "{}{}", new string('[', 5000) + new string(']', 5000), "\"text\"", "42", "null", "[]"]),
            _ => Serialize(Bend(r, document, Value(r, document, op.Body, null, depth: 0))),
        };
        return new Input(op, url, Encoding.UTF8.GetBytes(json), r.Next(30) == 0 ? "text/plain" : "application/json", token);
    }

    private static Input Multipart(Random r, Operation op, string url, bool token, byte[][] files)
    {
        var boundary = "fuzz" + r.Next().ToString(CultureInfo.InvariantCulture);
        using var memory = new MemoryStream();
        void Write(string s) => memory.Write(Encoding.UTF8.GetBytes(s));
        if (r.Next(6) != 0)
        {
            var name = r.Next(4) == 0 ? Pick(r, Strings) : Pick(r, ["data.csv", "report.xlsx", "speech.html", "note.txt", "a.pdf", "a.docx", ""]);
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"{(r.Next(8) == 0 ? "other" : "file")}\"; filename=\"{name.Replace("\"", "", StringComparison.Ordinal)}\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            var file = Pick(r, files);
            memory.Write(r.Next(2) == 0 ? file : FuzzTest.Mutate(r, file));
            Write("\r\n");
        }

        if (r.Next(2) == 0)
        {
            Write($"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n{Pick(r, Strings)}\r\n");
        }

        Write(r.Next(10) == 0 ? $"--{boundary}" : $"--{boundary}--\r\n");
        return new Input(op, url, memory.ToArray(), $"multipart/form-data; boundary={boundary}", token);
    }

    private static string PathValue(Random r, JsonNode document, Parameter p) => r.Next(3) switch
    {
        0 => Known.TryGetValue(p.Name, out var known) ? Pick(r, known) : "1",
        1 => Pick(r, ["0", "-1", "2147483647", "2147483648", "99999999999999999999", "1.5", "abc", " ", "%", "..", ".", "null", "1;DROP TABLE x", "１"]),
        _ => Text(r, document, p.Name, p.Schema),
    };

    /// <summary>A query or path value as text: known, typed from the schema, or a boundary string.</summary>
    private static string Text(Random r, JsonNode document, string name, JsonNode? schema) => r.Next(4) switch
    {
        0 when Known.TryGetValue(name, out var known) => Pick(r, known),
        0 or 1 => Value(r, document, schema, name, 0) is { } v ? Unquote(v) : string.Empty,
        2 => Unquote(Pick(r, Numbers)),
        _ => Pick(r, Strings),
    };

    private static string Unquote(JsonNode? v) => v switch
    {
        null => "null",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => v.ToJsonString(),
    };

    /// <summary>A value that follows the schema, with a known code where the name is one.</summary>
    private static JsonNode? Value(Random r, JsonNode document, JsonNode? schema, string? name, int depth)
    {
        schema = Resolve(document, schema);
        if (schema is null || depth > 4)
        {
            return name is not null && Known.TryGetValue(name, out var k) ? Pick(r, k) : "x";
        }

        if (schema["enum"] is JsonArray values && values.Count > 0)
        {
            return values[r.Next(values.Count)]?.DeepClone();
        }

        foreach (var key in new[] { "oneOf", "anyOf" })
        {
            if (schema[key] is JsonArray options && options.Count > 0)
            {
                var chosen = options.Where(o => Type(Resolve(document, o)) != "null").ToList();
                return chosen.Count == 0 ? null : Value(r, document, chosen[r.Next(chosen.Count)], name, depth + 1);
            }
        }

        if (schema["allOf"] is JsonArray parts)
        {
            var merged = new JsonObject();
            foreach (var part in parts)
            {
                if (Value(r, document, part, name, depth + 1) is JsonObject o)
                {
                    foreach (var (k, v) in o.ToList())
                    {
                        o.Remove(k);
                        merged[k] = v;
                    }
                }
            }

            return merged;
        }

        if (name is not null && Known.TryGetValue(name, out var knownValues) && Type(schema) is "string" or null && r.Next(3) != 0)
        {
            return Pick(r, knownValues);
        }

        return Type(schema) switch
        {
            "object" or null when schema["properties"] is JsonObject properties => Object(r, document, properties, depth),
            "object" => new JsonObject(),
            "array" => new JsonArray(Enumerable.Range(0, r.Next(3)).Select(_ => Value(r, document, schema["items"], name, depth + 1)).ToArray()),
            "integer" => r.Next(3) == 0 ? Pick(r, Numbers)?.DeepClone() : r.Next(-2, 2030),
            "number" => r.Next(3) == 0 ? Pick(r, Numbers)?.DeepClone() : Math.Round(r.NextDouble() * 1000, 2),
            "boolean" => r.Next(2) == 0,
            "string" => (string?)schema["format"] switch
            {
                "date" => Pick(r, ["2026-06-30", "2026-12-31", "2026-02-30", "0001-01-01"]),
                "date-time" => Pick(r, ["2026-06-30T00:00:00Z", "2026-06-30", "9999-12-31T23:59:59Z"]),
                _ => r.Next(4) == 0 ? Pick(r, Strings) : "模糊" + r.Next(100).ToString(CultureInfo.InvariantCulture),
            },
            _ => "x",
        };
    }

    private static JsonObject Object(Random r, JsonNode document, JsonObject properties, int depth)
    {
        var o = new JsonObject();
        foreach (var (key, schema) in properties)
        {
            o[key] = Value(r, document, schema, key, depth + 1);
        }

        return o;
    }

    /// <summary>The input bent at one or more places: a field missing, replaced by a boundary value of any type, or added.</summary>
    private static JsonNode? Bend(Random r, JsonNode document, JsonNode? value)
    {
        if (r.Next(8) == 0)
        {
            return value;
        }

        if (value is not JsonObject o || o.Count == 0)
        {
            return r.Next(2) == 0 ? Pick(r, Numbers)?.DeepClone() : Pick(r, Strings);
        }

        int edits = 1 + r.Next(3);
        for (int e = 0; e < edits && o.Count > 0; e++)
        {
            var keys = o.Select(p => p.Key).ToList();
            var key = keys[r.Next(keys.Count)];
            switch (r.Next(7))
            {
                case 0:
                    o.Remove(key);
                    break;
                case 1:
                    o[r.Next(3) == 0 ? Pick(r, Strings) : Pick(r, [.. Known.Keys, "extra", "__proto__", "$type", "id", "version"])] = r.Next(2) == 0 ? Pick(r, Strings) : Pick(r, Numbers)?.DeepClone();
                    break;
                case 2:
                    o[key] = Pick(r, Numbers)?.DeepClone();
                    break;
                case 3:
                    o[key] = Pick<JsonNode?>(r, [null, true, new JsonArray(1, "a"), new JsonObject { ["x"] = 1 }, JsonValue.Create("")]);
                    break;
                case 4:
                    o[key] = Known.TryGetValue(key, out var known) ? Pick(r, ["UNKNOWN", known[0] + "9", known[0].ToLowerInvariant()]) : "UNKNOWN";
                    break;
                default:
                    o[key] = Pick(r, Strings);
                    break;
            }
        }

        return o;
    }

    private static string Serialize(JsonNode? node)
    {
        var text = node?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null";
        return text
            .Replace($"\"{LoneSurrogate}\"", "\"\\ud800\"", StringComparison.Ordinal)
            .Replace($"\"{NegativeZero}\"", "-0", StringComparison.Ordinal)
            .Replace($"\"{HugeNumber}\"", "1e400", StringComparison.Ordinal)
            .Replace($"\"{ManyDecimals}\"", "0.12345678901234567890123456789", StringComparison.Ordinal);
    }

    /// <summary>Percent-encodes a value as UTF-8; a lone surrogate becomes the bytes of one (not valid UTF-8).</summary>
    private static string Encode(string value)
    {
        if (value == LoneSurrogate)
        {
            return "%ED%A0%80";
        }

        if (value is NegativeZero)
        {
            return "-0";
        }

        if (value is HugeNumber)
        {
            return "1e400";
        }

        if (value is ManyDecimals)
        {
            return "0.12345678901234567890123456789";
        }

        return Uri.EscapeDataString(value);
    }

    private static string? Type(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null") ?? "null",
        JsonValue v => (string?)v,
        _ => null,
    };

    private static JsonNode? Resolve(JsonNode document, JsonNode? node)
    {
        for (int i = 0; i < 10 && node?["$ref"] is JsonValue reference; i++)
        {
            var parts = ((string)reference!).TrimStart('#', '/').Split('/');
            node = parts.Aggregate((JsonNode?)document, (n, p) => n?[p]);
        }

        return node;
    }

    private static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    /// <summary>The request of this input, its body with its type (the caller's client carries the token, or none).</summary>
    public static HttpRequestMessage Request(Input input)
    {
        var request = new HttpRequestMessage(new HttpMethod(input.Operation.Method), input.Url);
        if (input.Body is not null)
        {
            request.Content = new ByteArrayContent(input.Body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(input.ContentType!);
        }

        return request;
    }
}
