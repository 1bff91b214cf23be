using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Luoshi.Web.Ui;

/// <summary>
/// A page asked for a code that does not exist, or for something the reader may not see: the UI's 404 or
/// 403 page, not a problem document.
/// </summary>
internal sealed class PageExceptionFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        switch (executed.Exception)
        {
            case NotFoundException:
            // An address whose parts do not parse (a period such as /reporting/330100/2026-13) names no page.
            case DomainException when HttpMethods.IsGet(context.HttpContext.Request.Method):
                executed.Result = new NotFoundResult();
                executed.ExceptionHandled = true;
                break;
            case ForbiddenException:
                executed.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
                executed.ExceptionHandled = true;
                break;
        }
    }
}
