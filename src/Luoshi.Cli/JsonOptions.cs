using System.Text.Json;
using Luoshi.Web;

namespace Luoshi.Cli;

/// <summary>The CLI's JSON output is spelled exactly as the API's.</summary>
internal static class JsonOptions
{
    public static readonly JsonSerializerOptions Default = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions();
        LuoshiWebApp.ConfigureJson(o);
        return o;
    }
}
