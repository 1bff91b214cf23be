using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Microsoft.AspNetCore.Http.Features;

namespace Luoshi.Web.Infrastructure;

/// <summary>
/// The text of a request that is neither its JSON body nor its query — route values, form fields, an uploaded
/// file's name — checked for every API endpoint by the same rule as the body's strings
/// (<see cref="CheckedStringConverter"/>) and the query's (UseLuoshiSecurityHeaders): refused with a problem naming
/// the parameter before a handler runs.
/// </summary>
internal sealed class CheckedTextFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        foreach (var (name, value) in request.RouteValues)
        {
            Check(name, value as string);
        }

        // Only a form the binding has already read: a handler that reads its own upload checks its file's content.
        if (request.HasFormContentType && context.HttpContext.Features.Get<IFormFeature>()?.Form is { } form)
        {
            foreach (var (name, values) in form)
            {
                Check(name, name);
                foreach (var value in values)
                {
                    Check(name, value);
                }
            }

            foreach (var file in form.Files)
            {
                Check(file.Name, file.FileName);
            }
        }

        return next(context);
    }

    private static void Check(string field, string? value)
    {
        if (value is not null && InputText.Problem(value) is { } problem)
        {
            throw InputRefusedException.Single(InputText.Problem(field) is null ? field : "parameter", problem);
        }
    }
}
