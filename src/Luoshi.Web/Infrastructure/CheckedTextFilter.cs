using Luoshi.Application.Common;
using Luoshi.Domain.Common;

namespace Luoshi.Web.Infrastructure;

/// <summary>
/// The text of a request that is neither its JSON body nor its query — route values, form fields, an uploaded
/// file's name — checked for every API endpoint by the same rule as the body's strings
/// (<see cref="CheckedStringConverter"/>) and the query's (UseLuoshiSecurityHeaders): refused with a problem naming
/// the parameter before a handler runs. A file's content is checked by the import that reads it (CsvTable, Xlsx).
/// </summary>
internal sealed class CheckedTextFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        foreach (var (name, value) in request.RouteValues)
        {
            Check(name, value as string);
        }

        // A form is read here, once (handlers that read it later get the same), so that a malformed one is a 400
        // naming the body rather than an exception from deep in the multipart reader, and its fields are checked.
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(http.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or IOException && !http.RequestAborted.IsCancellationRequested)
            {
                throw InputRefusedException.Single("body", new Text("表单格式有误,无法读取", "the form is malformed and cannot be read"));
            }

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

        return await next(context);
    }

    private static void Check(string field, string? value)
    {
        if (value is not null && InputText.Problem(value) is { } problem)
        {
            throw InputRefusedException.Single(InputText.Problem(field) is null ? field : "parameter", problem);
        }
    }
}
