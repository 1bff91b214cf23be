using Luoshi.Application.Common;
using Luoshi.Application.Documents;
using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;
using Luoshi.Domain.Identity;
using Luoshi.Web.Infrastructure;
using Luoshi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Luoshi.Web.Features.Documents;

/// <summary>
/// Speeches and meeting documents: ingest (a file upload or pasted text), read with their extracted items,
/// review the items into plan items, targets and readings, and follow formulations across documents.
/// Ingesting and reviewing is planners' work (ManagePlans; accepting a target or a reading also needs the
/// right to set targets or write readings for that unit); reading needs ReadAll.
/// </summary>
public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocumentsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/documents").WithTags("Documents");
        var read = SecurityServices.Policy(Permission.ReadAll);
        var plan = SecurityServices.Policy(Permission.ManagePlans);

        g.MapPost("/", async Task<Created<DocumentView>> (IFormFile? file, [FromForm] string? title, IngestDocument ingest, CancellationToken ct) =>
        {
            if (file is null)
            {
                throw InputRefusedException.Single("file", new Text("请上传文件(表单字段 file)", "upload a file in the form field 'file'"));
            }

            if (file.Length > Document.MaxOriginalBytes)
            {
                throw InputRefusedException.Single("file", new Text($"文件过大(上限{Document.MaxOriginalBytes / 1024 / 1024} MB)", $"the file is too large (at most {Document.MaxOriginalBytes / 1024 / 1024} MB)"));
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            var document = await ingest.FromFile(buffer.ToArray(), file.FileName, string.IsNullOrWhiteSpace(title) ? null : title, ct);
            return TypedResults.Created($"/api/documents/{document.Id}", document);
        }).DisableAntiforgery().RequireAuthorization(plan)
            .WithSummary("上传文件(.txt/.html/.docx/.pdf,表单字段 file,可选 title)/ upload a document: .txt, .html, .docx or .pdf (multipart field 'file', optional 'title')");

        g.MapPost("/text", async Task<Created<DocumentView>> (IngestDocument.PastedText request, IngestDocument ingest, CancellationToken ct) =>
        {
            var document = await ingest.FromText(request, ct);
            return TypedResults.Created($"/api/documents/{document.Id}", document);
        }).RequireAuthorization(plan).WithSummary("粘贴文本 / ingest pasted text {title, text, source}");

        g.MapGet("/", async (string? state, string? term, ListDocuments list, CancellationToken ct) =>
            TypedResults.Ok(await list.Handle(new(state is null ? null : Parsing.Enum<ReviewState>(state, "state"), term), ct)))
            .RequireAuthorization(read).WithSummary("文件列表 / list documents (?state=new|inReview|reviewed, ?term=八八战略)");

        g.MapGet("/{id:int}", async (int id, GetDocument get, CancellationToken ct) => TypedResults.Ok(await get.Handle(id, ct)))
            .RequireAuthorization(read).WithSummary("文件、正文与待审条目 / a document with its text and items");

        g.MapGet("/{id:int}/original", async (int id, GetDocument get, CancellationToken ct) =>
        {
            var (bytes, name, type) = await get.Original(id, ct);
            return TypedResults.File(bytes, type, name);
        }).RequireAuthorization(read).ProducesFile("text/plain", "text/html", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/pdf").WithSummary("原始文件 / the original bytes as ingested");

        g.MapPost("/{id:int}/items/{number:int}/accept-plan", async (int id, int number, AcceptDirective.Request request, AcceptDirective accept, CancellationToken ct) =>
            TypedResults.Ok(await accept.Handle(id, number, request, ct)))
            .RequireAuthorization(plan).WithSummary("把部署接受为计划项草稿 / accept a directive as a draft plan item {code, parent, kind?, title?, lead?}");

        g.MapPost("/{id:int}/items/{number:int}/accept-policy", async (int id, int number, AcceptPolicy.Request request, AcceptPolicy accept, CancellationToken ct) =>
            TypedResults.Ok(await accept.Handle(id, number, request, ct)))
            .RequireAuthorization(plan).WithSummary("把部署接受为政策草稿(不公开) / accept an item as a draft policy, not public {code, lead, package, title?, issued?, budget?}");

        g.MapPost("/{id:int}/items/{number:int}/accept-target", async (int id, int number, AcceptTarget.Request request, AcceptTarget accept, CancellationToken ct) =>
            TypedResults.Ok(await accept.Handle(id, number, request, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.ManageTargets)).WithSummary("把目标接受为指标目标值 / accept a target {indicator, org, year?, value?, qualifier?}");

        g.MapPost("/{id:int}/items/{number:int}/accept-reading", async (int id, int number, AcceptReading.Request request, AcceptReading accept, CancellationToken ct) =>
            TypedResults.Ok(await accept.Handle(id, number, request, ct)))
            .RequireAuthorization(SecurityServices.Policy(Permission.WriteReadings)).WithSummary("把数据接受为指标数据 / accept a figure as a reading {indicator, org, period?, value?}");

        g.MapPost("/{id:int}/items/{number:int}/reject", async (int id, int number, RejectItem.Request? request, RejectItem reject, CancellationToken ct) =>
            TypedResults.Ok(await reject.Handle(id, number, request ?? new RejectItem.Request(), ct)))
            .RequireAuthorization(plan).WithSummary("驳回条目 / reject an item {note?}");

        g.MapGet("/timeline", async (string? term, bool? numbered, GetPhraseTimeline timeline, CancellationToken ct) =>
            TypedResults.Ok(await timeline.Handle(new(term, numbered ?? false), ct)))
            .RequireAuthorization(read).WithSummary("提法时间线 / formulations across documents: first seen, per document, per year");

        g.MapGet("/diff", async (int? from, int? to, CompareDocuments compare, CancellationToken ct) =>
            TypedResults.Ok(await compare.Handle(from, to, ct)))
            .RequireAuthorization(read).WithSummary("两份文件的提法对比 / new, dropped and continued formulations between two documents");
        return api;
    }
}
