// The ceiling for the load benchmark: Kestrel and minimal-API routing answering a small fixed JSON body on the
// same machine, in the same run, with nothing of Luoshi in the way (no authentication, no database, no logging).
const string Body = """{"status":"ok","service":"bare-kestrel","values":[1,2,3]}""";

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/", () => Results.Text(Body, "application/json"));
app.Run();
