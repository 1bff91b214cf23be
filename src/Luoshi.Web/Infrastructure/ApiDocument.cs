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

    public static IServiceCollection AddLuoshiOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "落实 Luoshi API";
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

    /// <summary>The verb of an operation's id: the method and the path after <c>/api</c>, e.g. <c>PostSupervisionItemsByIdVerify</c>.</summary>
    internal static string Verb(string method, string relativePath)
    {
        var verb = new StringBuilder(Pascal(method.ToLowerInvariant()));
        foreach (var segment in Segments(relativePath))
        {
            if (segment.StartsWith('{'))
            {
                verb.Append("By").Append(Pascal(segment.Trim('{', '}').Split(':', '=', '?')[0]));
            }
            else
            {
                foreach (var word in segment.Split('-', '.', '_'))
                {
                    verb.Append(Pascal(word));
                }
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
