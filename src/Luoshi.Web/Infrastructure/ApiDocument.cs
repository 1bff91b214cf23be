using System.Reflection;
using System.Text;
using Luoshi.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Luoshi.Web.Infrastructure;

/// <summary>
/// What a generated client needs from <c>/openapi/v1.json</c> beyond the routes: the two ways to sign in, which
/// operations need them, a stable name per operation and the problem documents errors come as.
/// </summary>
public static class ApiDocument
{
    public const string Bearer = "bearer";
    public const string Cookie = "cookie";
    private const string Problem = "ProblemDetails";

    /// <summary>The name of the one document (<c>/openapi/v1.json</c>).</summary>
    public const string DocumentName = "v1";

    private static readonly Dictionary<string, Text> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Organization"] = new("单位树", "the org-unit tree"),
        ["Plans"] = new("规划计划项", "the plan tree"),
        ["Indicators"] = new("指标与目标", "indicators and their targets"),
        ["Readings"] = new("数据报送与查询", "readings: writing, importing and reading values"),
        ["Evaluation"] = new("对照日历评估", "evaluation against the calendar"),
        ["Reporting"] = new("报表任务、审核与退回", "reporting assignments, review and revision"),
        ["Supervision"] = new("督查督办", "supervision items, rules and runs"),
        ["Projects"] = new("重大项目", "major projects and their progress"),
        ["Assessment"] = new("考核", "assessment schemes and runs"),
        ["Documents"] = new("文件与抽取", "documents and what is extracted from them"),
        ["Notifications"] = new("通知", "notifications"),
        ["Identity"] = new("登录、令牌、用户与审计日志", "sign-in, tokens, users and the audit log"),
    };

    /// <summary>Names that more than one public nested type of Luoshi's assemblies goes by.</summary>
    private static readonly Lazy<HashSet<string>> SharedNames = new(() =>
        [.. new[] { typeof(ApiDocument).Assembly, typeof(Application.ApplicationServices).Assembly, typeof(Text).Assembly }
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsNested)
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)]);

    public static IServiceCollection AddLuoshiOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o =>
        {
            // Use cases name their bodies Request and their answers Result: where a name is shared, the schema takes the
            // name of the type it is nested in too, so each type keeps a schema of its own.
            o.CreateSchemaReferenceId = type => OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id
                && type.Type is { IsNested: true, DeclaringType: { IsGenericType: false } outer } && SharedNames.Value.Contains(type.Type.Name)
                ? outer.Name + id
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            // The checking converters on strings and decimals (InputJsonConverters) hide the types from the schema
            // generator, which then writes an empty schema; the wire format is the plain one, so say it.
            o.AddSchemaTransformer((schema, context, _) =>
            {
                if (schema is { Type: null, Items: null, Properties: null or { Count: 0 }, OneOf: null, AnyOf: null } && WireType(context.JsonTypeInfo.Type) is { } wire)
                {
                    schema.Type = wire | (Nullable(context.JsonTypeInfo.Type, context.JsonPropertyInfo) ? JsonSchemaType.Null : 0);
                }

                return Task.CompletedTask;
            });
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "落实 Luoshi API";
                doc.Info.License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" }; // the repository's LICENSE
                doc.Info.Description = new Text("计划、指标、目标、数据、督办", "plans, indicators, targets, readings, supervision. Errors are RFC 7807 problem documents.").Bilingual;
                // The server's address as the request named it, without the trailing slash that would double the paths' own.
                foreach (var server in doc.Servers ?? Enumerable.Empty<OpenApiServer>())
                {
                    server.Url = server.Url?.TrimEnd('/');
                }

                doc.Components ??= new OpenApiComponents();
                doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                doc.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = new Text("API 令牌(POST /api/tokens 或 luoshi tokens create)", "an API token (POST /api/tokens or `luoshi tokens create`)").Bilingual,
                };
                doc.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Cookie,
                    Name = "luoshi",
                    Description = new Text("登录后的会话 Cookie(POST /api/auth/sign-in)", "the session cookie of a sign-in (POST /api/auth/sign-in)").Bilingual,
                };
                doc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
                doc.Components.Schemas[Problem] = ProblemSchema();
                foreach (var tag in doc.Tags ?? Enumerable.Empty<OpenApiTag>())
                {
                    if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var text))
                    {
                        tag.Description = text.Bilingual;
                    }
                }

                return Task.CompletedTask;
            });
            o.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                bool anonymous = metadata.OfType<IAllowAnonymous>().Any();
                var path = context.Description.RelativePath ?? string.Empty;
                var method = context.Description.HttpMethod ?? "GET";
                var feature = metadata.OfType<ITagsMetadata>().SelectMany(t => t.Tags).FirstOrDefault() ?? Pascal(Segments(path).FirstOrDefault() ?? "Api");
                operation.OperationId = feature + "_" + Verb(method, path);

                // Anonymous reads take a sign-in too (a signed-in reader sees more), hence the empty requirement beside the two.
                operation.Security = [];
                if (anonymous)
                {
                    operation.Security.Add(new OpenApiSecurityRequirement());
                }

                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] });
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, context.Document)] = [] });

                operation.Responses ??= [];
                DescribeContent(operation, metadata);
                bool write = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
                foreach (var (status, text) in Problems(anonymous, write))
                {
                    if (!operation.Responses.ContainsKey(status))
                    {
                        operation.Responses[status] = new OpenApiResponse
                        {
                            Description = text.Bilingual,
                            Content = new Dictionary<string, OpenApiMediaType>
                            {
                                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(Problem, context.Document) },
                            },
                        };
                    }
                }

                return Task.CompletedTask;
            });
        });

    /// <summary>
    /// The document as <c>/openapi/v1.json</c> serves it, naming <paramref name="server"/> as its address, from an
    /// app that was built and will never be started.
    /// </summary>
    public static async Task<string> JsonOfUnstartedAsync(WebApplication app, string server, CancellationToken ct)
    {
        // Starting runs the implicit UseEndpoints that hands the mapped endpoints to routing, where the API explorer
        // finds them; an app that is never started does it here.
        app.UseEndpoints(_ => { });
        var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName).GetOpenApiDocumentAsync(ct);
        document.Servers = [new OpenApiServer { Url = server.TrimEnd('/') }];
        using var json = new MemoryStream();
        await document.SerializeAsJsonAsync(json, OpenApiSpecVersion.OpenApi3_1, ct);
        return Encoding.UTF8.GetString(json.ToArray());
    }

    /// <summary>What the types with a converter of their own are on the wire: strings (a text in the reader's language, a period) or numbers.</summary>
    private static JsonSchemaType? WireType(Type type) =>
        (System.Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(string) || t == typeof(Text) || t == typeof(Period) => JsonSchemaType.String,
            var t when t == typeof(decimal) => JsonSchemaType.Number,
            _ => null,
        };

    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>Whether a value may be null: a nullable value type, or a reference-type property declared nullable (<c>string?</c>).</summary>
    private static bool Nullable(Type type, System.Text.Json.Serialization.Metadata.JsonPropertyInfo? property)
    {
        if (System.Nullable.GetUnderlyingType(type) is not null)
        {
            return true;
        }

        lock (Nullability)
        {
            return property?.AttributeProvider switch
            {
                PropertyInfo p => Nullability.Create(p).ReadState == NullabilityState.Nullable,
                FieldInfo f => Nullability.Create(f).ReadState == NullabilityState.Nullable,
                _ => false,
            };
        }
    }

    /// <summary>Bodies read and files written by hand, as their endpoints declare them (<see cref="ApiContent"/>).</summary>
    private static void DescribeContent(OpenApiOperation operation, IList<object> metadata)
    {
        if (metadata.OfType<ApiContent.Upload>().LastOrDefault() is { } upload)
        {
            var properties = new Dictionary<string, IOpenApiSchema>
            {
                ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = upload.File.Bilingual },
            };
            foreach (var field in upload.Fields)
            {
                properties[field] = new OpenApiSchema { Type = JsonSchemaType.String };
            }

            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties, Required = new HashSet<string> { "file" } } },
                },
            };
        }

        if (metadata.OfType<ApiContent.RawJson>().LastOrDefault() is { } json)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = json.Description.Bilingual,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ApiContent.Json] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalPropertiesAllowed = true } },
                },
            };
        }

        if (metadata.OfType<ApiContent.FileDownload>().LastOrDefault() is { } file)
        {
            var content = new Dictionary<string, OpenApiMediaType>();
            foreach (var type in file.MediaTypes)
            {
                content[type] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            }

            operation.Responses!["200"] = new OpenApiResponse { Description = new Text("文件", "the file").Bilingual, Content = content };
        }
    }

    /// <summary>The verb of an operation's id: the method and the path after <c>/api</c>, e.g. <c>PostSupervisionItemsByIdVerify</c>.</summary>
    internal static string Verb(string method, string relativePath)
    {
        var verb = new StringBuilder(Pascal(method.ToLowerInvariant()));
        foreach (var segment in Segments(relativePath))
        {
            // A parameter may be a whole segment ({code}) or part of one (indicators.{format}).
            foreach (var word in segment.StartsWith('{') ? [segment] : segment.Split('-', '.', '_'))
            {
                verb.Append(word.StartsWith('{') ? "By" + Pascal(word.Trim('{', '}').Split(':', '=', '?')[0]) : Pascal(word));
            }
        }

        return verb.ToString();
    }

    private static IEnumerable<string> Segments(string relativePath)
    {
        var segments = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 0 && segments[0] == "api" ? segments.Skip(1) : segments;
    }

    private static string Pascal(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static IEnumerable<(string Status, Text Text)> Problems(bool anonymous, bool write)
    {
        yield return ("400", new("请求有误(指明字段)", "the request is malformed or a field is invalid (the problem names it)"));
        if (!anonymous)
        {
            yield return ("401", new("未登录", "not signed in"));
            yield return ("403", new("无权限", "signed in, but not allowed"));
        }

        yield return ("404", new("不存在", "not found"));
        if (write)
        {
            yield return ("409", new("与现有数据冲突", "conflicts with the current state"));
            yield return ("422", new("违反业务规则", "breaks a rule of the domain"));
        }

        yield return ("503", new("数据库暂不可用,稍后重试", "the database is unavailable; retry after Retry-After"));
    }

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 7807 problem document",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "the request's id (X-Request-Id), as the logs and the audit log name it" },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "messages by field (or column of an uploaded file)",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
        AdditionalPropertiesAllowed = true,
    };
}
