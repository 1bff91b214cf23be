using System.Reflection;
using Luoshi.Application.Common;
using Luoshi.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Luoshi.Web.Ui;

/// <summary>
/// Puts a use case's refusal beside the field it names. The use cases name fields as the API spells them
/// (camelCase); a form binds them as <c>Input.PascalCase</c>. A field the form does not show (or a stale
/// version) becomes a message for the whole form.
/// </summary>
public static class FormErrors
{
    public const string Prefix = "Input";

    /// <summary>True when the exception was a refusal and is now in <paramref name="state"/>; false for anything else.</summary>
    public static bool TryAdd(ModelStateDictionary state, Exception exception, Type input)
    {
        switch (exception)
        {
            case InputRefusedException refused:
                foreach (var e in refused.Errors)
                {
                    Add(state, input, e.Field, e.Message);
                }

                return true;
            case DomainException e:
                Add(state, input, e.Field, e.Detail);
                return true;
            case ConflictException e:
                Add(state, input, e.Field, e.Detail);
                return true;
            default:
                return false;
        }
    }

    public static bool IsStale(Exception exception) =>
        exception is ConflictException { Field: "version" } or DomainConflictException { Field: "version" };

    private static void Add(ModelStateDictionary state, Type input, string field, Text message)
    {
        var property = field == "version" ? null : input.GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        state.AddModelError(property is null ? string.Empty : $"{Prefix}.{property.Name}", UiFormat.Message(message));
    }
}
