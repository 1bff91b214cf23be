using Luoshi.Web;

var app = LuoshiWebApp.Build(args);
await app.RunAsync();

/// <summary>The entry point, visible to the in-process API tests.</summary>
public partial class Program;
