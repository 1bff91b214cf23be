using Luoshi.Domain.Common;

namespace Luoshi.Web.Infrastructure;

/// <summary>
/// What an endpoint that reads its body or writes a file by hand takes and gives, for the API document: the generator
/// sees neither a parameter it binds nor a type it returns, so the endpoint says so itself.
/// </summary>
public static class ApiContent
{
    public const string Xlsx = Luoshi.Application.Spreadsheets.Xlsx.ContentType;
    public const string Csv = "text/csv";
    public const string Json = "application/json";

    /// <summary>The file and form fields a multipart upload carries.</summary>
    public sealed record Upload(Text File, IReadOnlyList<string> Fields);

    /// <summary>A body read as raw JSON (e.g. an assessment scheme), described rather than bound.</summary>
    public sealed record RawJson(Text Description);

    /// <summary>The media types a file download may come as.</summary>
    public sealed record FileDownload(IReadOnlyList<string> MediaTypes);

    /// <summary>The body is <c>multipart/form-data</c> with a required part <c>file</c> (and optional text fields).</summary>
    public static TBuilder AcceptsUpload<TBuilder>(this TBuilder builder, Text file, params string[] fields)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Upload(file, fields));

    /// <summary>The body is a JSON document read as a whole.</summary>
    public static TBuilder AcceptsRawJson<TBuilder>(this TBuilder builder, Text description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RawJson(description));

    /// <summary>A 200 answer is a file in one of these media types (which one, the request's <c>format</c> decides).</summary>
    public static TBuilder ProducesFile<TBuilder>(this TBuilder builder, params string[] mediaTypes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new FileDownload(mediaTypes));

    /// <summary>The formats of <see cref="Luoshi.Application.Spreadsheets.TableExport"/>: a workbook or a CSV.</summary>
    public static readonly string[] TableFormats = [Xlsx, Csv];
}
