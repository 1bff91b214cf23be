// The ceiling for the load benchmark: Kestrel and minimal-API routing answering a fixed JSON body on the same
// machine, in the same run, with nothing of Luoshi in the way (no authentication, no database, no logging).
// "/" answers 58 bytes; "/bytes/{n}" answers n bytes made once at start, so that an answer of Luoshi's size
// can be compared with what merely sending that many bytes costs.
const string Body = """{"status":"ok","service":"bare-kestrel","values":[1,2,3]}""";

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var sized = new System.Collections.Concurrent.ConcurrentDictionary<int, byte[]>();
app.MapGet("/", () => Results.Text(Body, "application/json"));
app.MapGet("/bytes/{n:int:range(1,4000000)}", (int n) =>
    Results.Bytes(sized.GetOrAdd(n, k => System.Text.Encoding.ASCII.GetBytes("\"" + new string('x', Math.Max(0, k - 2)) + "\"")), "application/json"));
app.Run();
