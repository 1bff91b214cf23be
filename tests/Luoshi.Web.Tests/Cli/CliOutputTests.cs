using Luoshi.Cli;

namespace Luoshi.Web.Tests.Cli;

/// <summary>
/// Tables fit where they go: in a file or a pipe, no escape codes and a row per line; on a terminal (or with
/// <c>COLUMNS</c>) the width it has; with <c>NO_COLOR</c>, no colour.
/// </summary>
public sealed class CliOutputTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "luoshi-cli-tests", Guid.NewGuid().ToString("N"));

    public CliOutputTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public async Task Evaluate_RedirectedToAFile_WritesNoEscapeCodes_AndEachReasonOnItsOwnLine()
    {
        await Seed();
        var file = Path.Combine(_dir, "out.txt");

        int code;
        await using (var writer = new StreamWriter(file))
        {
            // What `luoshi evaluate … > out.txt` sees: an output that is no terminal, and no COLUMNS.
            code = await LuoshiCli.RunAsync(["evaluate", "--period", "2026-06", "--as-of", "2026-07-25", "--data-dir", _dir], writer, TextWriter.Null, CliTerminal.Detect(writer, _ => null));
        }

        var text = await File.ReadAllTextAsync(file);
        code.ShouldBe(0);
        text.ShouldNotContain('\u001b');
        var rows = text.Split('\n').Where(l => l.Contains("FAI", StringComparison.Ordinal) && l.Contains("330100", StringComparison.Ordinal)).ToList();
        rows.Count.ShouldBe(1, text);

        // The whole reason, beginning to end, on the row's line (at 80 columns it wrapped into a column eight wide).
        var json = await Run(null, "evaluate", "--period", "2026-06", "--as-of", "2026-07-25", "--format", "json", "--data-dir", _dir);
        var reason = System.Text.Json.Nodes.JsonNode.Parse(json.Out)!.AsArray()
            .Single(r => r!["indicator"]!.GetValue<string>() == "FAI" && r["org"]!.GetValue<string>() == "330100")!["reason"]!.GetValue<string>();
        reason.Length.ShouldBeGreaterThan(60);
        rows[0].ShouldContain(reason);
    }

    [Fact]
    public async Task Evaluate_WithColumns200_DrawsTheTable200Wide()
    {
        await Seed();

        var result = await Run(new CliTerminal(IsTerminal: false, Columns: 200, NoColor: false), "evaluate", "--period", "2026-06", "--as-of", "2026-07-25", "--data-dir", _dir);

        result.Code.ShouldBe(0, result.Err);
        var widths = result.Out.Split('\n').Select(l => CellWidth(l.TrimEnd('\r'))).ToList();
        widths.Max().ShouldBe(200, result.Out);
        result.Out.ShouldNotContain('\u001b');
    }

    [Fact]
    public async Task Evaluate_OnATerminal_WithNoColor_WritesNoEscapeCodes()
    {
        await Seed();

        var result = await Run(new CliTerminal(IsTerminal: true, Columns: 300, NoColor: true), "evaluate", "--period", "2026-06", "--as-of", "2026-07-25", "--data-dir", _dir);

        result.Code.ShouldBe(0, result.Err);
        result.Out.ShouldNotContain('\u001b');
        result.Out.ShouldContain("绿 green");
    }

    [Theory]
    [InlineData(null, null, null, false)]
    [InlineData("200", null, 200, false)]
    [InlineData("12", null, null, false)]
    [InlineData("wide", "1", null, true)]
    [InlineData(" 150", "", null, false)]
    public void Detect_ReadsColumnsAndNoColor_AndTakesAStringWriterForNoTerminal(string? columns, string? noColor, int? expected, bool expectNoColor)
    {
        var env = new Dictionary<string, string?> { ["COLUMNS"] = columns, ["NO_COLOR"] = noColor };

        var terminal = CliTerminal.Detect(new StringWriter(), k => env.GetValueOrDefault(k));

        terminal.IsTerminal.ShouldBeFalse();
        terminal.Columns.ShouldBe(expected);
        terminal.NoColor.ShouldBe(expectNoColor);
        terminal.Width.ShouldBe(expected ?? CliTerminal.Unbounded);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing process; the temp directory is cleaned by the OS.
        }
    }

    private async Task Seed()
    {
        (await Run(null, "init", "--data-dir", _dir)).Code.ShouldBe(0);
        (await Run(null, "import", "orgs", Write("orgs.csv", Infrastructure.AppFixture.OrgsCsv), "--data-dir", _dir)).Code.ShouldBe(0);
        (await Run(null, "import", "indicators", Write("indicators.csv", Infrastructure.AppFixture.IndicatorsCsv), "--data-dir", _dir)).Code.ShouldBe(0);
        (await Run(null, "import", "targets", Write("t.csv", "indicator,org,year,value,qualifier\nFAI,330100,2026,1200,atLeast\n"), "--data-dir", _dir)).Code.ShouldBe(0);
        (await Run(null, "import", "readings", Write("r.csv", "indicator,org,period,value\nFAI,330102,2026-06,350\nFAI,330103,2026-06,270\nFAI,330102,2025-06,300\nFAI,330103,2025-06,200\n"), "--data-dir", _dir)).Code.ShouldBe(0);
    }

    [Theory]
    [InlineData("en", false, true)]
    [InlineData("zh", true, false)]
    [InlineData(null, true, true)]
    public async Task Refusal_IsSaidInTheChosenLanguage(string? lang, bool chinese, bool english)
    {
        await Seed();
        string[] args = ["evaluate", "--period", "2026-13", "--data-dir", _dir];

        var result = await Run(null, lang is null ? args : [.. args, "--lang", lang]);

        result.Code.ShouldBe(1);
        result.Err.Any(c => c is >= '\u4e00' and <= '\u9fff').ShouldBe(chinese, result.Err);
        result.Err.Contains("period must look like", StringComparison.Ordinal).ShouldBe(english, result.Err);
    }

    [Theory]
    [InlineData("en", "evaluate indicators against targets and the calendar", "评估指标进度与状态")]
    [InlineData("zh", "评估指标进度与状态", "evaluate indicators against targets and the calendar")]
    public async Task Help_IsWrittenInTheChosenLanguage(string lang, string shown, string notShown)
    {
        var result = await Run(null, "evaluate", "--help", "--lang", lang);

        result.Out.ShouldContain(shown);
        result.Out.ShouldNotContain(notShown);
    }

    [Fact]
    public void Language_ComesFromTheOption_ThenTheEnvironment()
    {
        LuoshiCli.LanguageOf(["evaluate", "--lang", "en"], "zh").ShouldBe(Domain.Common.Language.English);
        LuoshiCli.LanguageOf(["evaluate", "--lang=zh"], null).ShouldBe(Domain.Common.Language.Chinese);
        LuoshiCli.LanguageOf(["evaluate"], "en").ShouldBe(Domain.Common.Language.English);
        LuoshiCli.LanguageOf(["evaluate"], null).ShouldBe(Domain.Common.Language.Both);
    }

    /// <summary>The columns a line takes on a terminal: Chinese characters and full-width punctuation take two.</summary>
    private static int CellWidth(string line) => line.Sum(c => c is >= '\u1100' and <= '\u115f' or >= '\u2e80' and <= '\ua4cf' or >= '\uac00' and <= '\ud7a3'
        or >= '\uf900' and <= '\ufaff' or >= '\ufe30' and <= '\ufe4f' or >= '\uff00' and <= '\uff60' or >= '\uffe0' and <= '\uffe6' ? 2 : 1);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Run(CliTerminal? terminal, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = await LuoshiCli.RunAsync(args, stdout, stderr, terminal);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
