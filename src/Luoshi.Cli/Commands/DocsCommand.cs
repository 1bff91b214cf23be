using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Luoshi.Application.Common;
using Luoshi.Application.Documents;
using Luoshi.Application.Documents.Evaluation;
using Luoshi.Domain.Documents;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Luoshi.Cli.Commands;

/// <summary>
/// <c>luoshi docs extract FILE</c> reads a speech and prints what it deploys, without a data directory;
/// <c>docs ingest</c> stores it for review; <c>docs list</c> and <c>docs timeline</c> read what is stored;
/// <c>docs eval DIR</c> scores extraction against a directory of hand-annotated documents.
/// Which traditional → simplified converter ran is said on the error stream.
/// </summary>
internal static class DocsCommand
{
    public static Command Create(CliConsole console) => new("docs", Words.Of("讲话与文件:抽取、导入、提法时间线", "speeches and documents: extract, ingest, formulation timeline"))
    {
        Extract(console),
        Ingest(console),
        List(console),
        Timeline(console),
        Eval(console),
    };

    private static Command Extract(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = ".txt / .html / .docx / .pdf" };
        var format = new Option<string>("--format") { Description = "json | table", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "table");
        var command = new Command("extract", Words.Of("抽取日期、人物、提法、部署和数据(不写入数据库)", "extract date, people, formulations, directives and figures (nothing is stored)")) { file, format };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            var bytes = await ReadFile(parse.GetValue(file)!, ct);
            var converter = ChineseConverters.Best();
            await SayConverter(console, converter);
            var result = new ExtractDocument(converter).Handle(bytes, parse.GetValue(file)!.Name);
            if (parse.GetValue(format) == "json")
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(result.View, JsonOptions.Default));
            }
            else
            {
                WriteTable(console, result.View);
            }

            return 0;
        }));
        return command;
    }

    private static Command Ingest(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = ".txt / .html / .docx / .pdf" };
        var title = new Option<string?>("--title") { Description = Words.Of("标题(默认取自文件)", "the title (default: from the document)") };
        var format = new Option<string>("--format") { Description = "table | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var dataDir = CliServices.DataDirOption();
        var command = new Command("ingest", Words.Of("导入文件,抽取的部署、目标和数据待审核", "ingest a document; its directives, targets and figures await review")) { file, title, format, dataDir };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            var path = parse.GetValue(file)!;
            var bytes = await ReadFile(path, ct);
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            await SayConverter(console, scope.ServiceProvider.GetRequiredService<ITextConverter>());
            var document = await scope.ServiceProvider.GetRequiredService<IngestDocument>().FromFile(bytes, path.Name, parse.GetValue(title), ct);
            if (parse.GetValue(format) == "json")
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(document, JsonOptions.Default));
            }
            else
            {
                var kinds = document.Items.GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => g.Count());
                var pages = document.Pages is { } n ? string.Create(CultureInfo.InvariantCulture, $"{n} 页/pages; ") : string.Empty;
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"文件/document {document.Id}: {document.Title} ({document.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"}) — "
                    + $"{kinds.GetValueOrDefault(DocumentItemKind.Directive)} 部署/directives, {kinds.GetValueOrDefault(DocumentItemKind.Target)} 目标/targets, "
                    + $"{kinds.GetValueOrDefault(DocumentItemKind.Figure)} 数据/figures, {document.Terms.Count} 提法/terms; {pages}encoding {document.Encoding}"));
            }

            return 0;
        }));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "table | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var dataDir = CliServices.DataDirOption();
        var command = new Command("list", Words.Of("已导入的文件", "ingested documents")) { format, dataDir };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var docs = await scope.ServiceProvider.GetRequiredService<ListDocuments>().Handle(new(), ct);
            if (parse.GetValue(format) == "json")
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(docs, JsonOptions.Default));
                return 0;
            }

            foreach (var d in docs)
            {
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{d.Id,4}  {d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?         "}  {d.State,-8}  {d.Pending,3}/{d.Items,-3} {d.Title}"));
            }

            return 0;
        }));
        return command;
    }

    private static Command Timeline(CliConsole console)
    {
        var term = new Argument<string?>("term") { Description = Words.Of("提法,如 八八战略(默认全部)", "a formulation (default: all)"), Arity = ArgumentArity.ZeroOrOne };
        var numbered = new Option<bool>("--numbered") { Description = Words.Of("只看数字化提法", "numbered formulations only") };
        var format = new Option<string>("--format") { Description = "table | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var dataDir = CliServices.DataDirOption();
        var command = new Command("timeline", Words.Of("提法时间线", "formulations across documents")) { term, numbered, format, dataDir };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            await using var scope = await CliServices.OpenAsync(parse.GetValue(dataDir)!, ct);
            var lines = await scope.ServiceProvider.GetRequiredService<GetPhraseTimeline>().Handle(new(parse.GetValue(term), parse.GetValue(numbered)), ct);
            if (parse.GetValue(format) == "json")
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(lines, JsonOptions.Default));
                return 0;
            }

            foreach (var t in lines)
            {
                var years = string.Join(", ", t.Years.Select(y => string.Create(CultureInfo.InvariantCulture, $"{y.Year}: {y.Count}")));
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{t.Term}{(t.Numbered ? " #" : string.Empty)}  首见/first {t.FirstSeen.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?"} (文件/document {t.FirstSeen.Id})  共/total {t.Total} in {t.Documents.Count}  [{years}]"));
            }

            return 0;
        }));
        return command;
    }

    private static Command Eval(CliConsole console)
    {
        var dir = new Argument<DirectoryInfo>("dir") { Description = Words.Of("标注目录:NAME.txt 与 NAME.expected.json 成对", "a directory of NAME.txt + NAME.expected.json pairs") };
        var format = new Option<string>("--format") { Description = "table | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("eval", Words.Of("按人工标注评估抽取的召回率和准确率(不写入数据库)", "score extraction against hand annotations: recall and precision per kind (nothing is stored)")) { dir, format };
        command.SetAction((parse, ct) => console.Guard(async () =>
        {
            var converter = ChineseConverters.Best();
            await SayConverter(console, converter);
            var result = new EvaluateExtraction(converter).Handle(parse.GetValue(dir)!.FullName);
            if (parse.GetValue(format) == "json")
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(result, JsonOptions.Default));
            }
            else
            {
                WriteEvaluation(console, result);
            }

            return 0;
        }));
        return command;
    }

    /// <summary>How many missed and extra items the table lists per kind; the JSON lists them all.</summary>
    private const int ListedItems = 12;

    private static void WriteEvaluation(CliConsole console, ExtractionEvaluationResult result)
    {
        var ansi = console.Ansi();
        ansi.WriteLine(Words.Of($"文件:{result.Documents}", $"documents: {result.Documents}"));
        var table = new Table().Border(TableBorder.Simple).AddColumns(
            Words.Of("类别", "kind"), Words.Of("标注", "expected"), Words.Of("抽取", "found"), Words.Of("命中", "matched"), Words.Of("召回率", "recall"), Words.Of("准确率", "precision"));
        foreach (var (kind, score) in result.Kinds)
        {
            table.AddRow(
                kind,
                Count(score.Expected),
                score.Found is { } found ? Count(found) : "-",
                Count(score.Matched),
                Share(score.Recall),
                Share(score.Precision));
        }

        ansi.Write(table);
        foreach (var (kind, score) in result.Kinds)
        {
            List(Words.Of($"{kind} 漏抽", $"{kind} missed"), score.Missed);
            List(Words.Of($"{kind} 多抽", $"{kind} extra"), score.Extra);
        }

        void List(string label, IReadOnlyList<string> items)
        {
            if (items.Count == 0)
            {
                return;
            }

            ansi.WriteLine();
            ansi.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} ({items.Count}):"));
            foreach (var item in items.Take(ListedItems))
            {
                ansi.WriteLine("  " + item);
            }

            if (items.Count > ListedItems)
            {
                ansi.WriteLine("  " + Words.Of($"……另有 {items.Count - ListedItems} 项(--format json 列出全部)", $"… and {items.Count - ListedItems} more (--format json lists them all)"));
            }
        }

        static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

        static string Share(double? x) => x is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
    }

    private static async Task<byte[]> ReadFile(FileInfo file, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new FileNotFoundException(null, file.FullName);
        }

        if (file.Length > Document.MaxOriginalBytes)
        {
            throw InputRefusedException.Single("file", new($"文件过大(上限{Document.MaxOriginalBytes / 1024 / 1024} MB):{file.Name}", $"the file is too large (at most {Document.MaxOriginalBytes / 1024 / 1024} MB): {file.Name}"));
        }

        return await File.ReadAllBytesAsync(file.FullName, ct);
    }

    private static async Task SayConverter(CliConsole console, ITextConverter converter)
    {
        await console.Error.WriteLineAsync(Words.Of($"繁简转换:{converter.Name}", $"traditional→simplified: {converter.Name}"));
        if (converter.Warning is { } warning)
        {
            await console.Error.WriteLineAsync(Words.Of("警告:", "warning: ") + warning);
        }
    }

    private static void WriteTable(CliConsole console, ExtractionView x)
    {
        var ansi = console.Ansi();
        ansi.WriteLine($"标题 title: {x.Title}");
        ansi.WriteLine($"日期 date: {x.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        ansi.WriteLine("人物 people: " + string.Join("; ", x.People.Select(p => p.Role is null ? p.Name : $"{p.Role} {p.Name}")));
        ansi.WriteLine("提法 terms: " + string.Join("; ", x.Terms.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Numeral}{t.Term}{(t.Numbered ? "#" : "")}×{t.Count}"))));
        // A PDF's items say the page their sentence stands on.
        bool paged = x.Directives.Any(d => d.Sentence.Page is not null) || x.Figures.Any(f => f.Sentence.Page is not null);
        static string Page(SentenceRef s) => s.Page?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        var directives = new Table().Border(TableBorder.Simple).AddColumns("部署 directive", "动词 verb", "主题 topic");
        if (paged)
        {
            directives.AddColumn("页 page");
        }

        foreach (var d in x.Directives)
        {
            string[] cells = [Markup.Escape(d.Text), Markup.Escape(d.Verb), Markup.Escape(d.Topic ?? d.Area)];
            directives.AddRow(paged ? [.. cells, Page(d.Sentence)] : cells);
        }

        ansi.Write(directives);
        var figures = new Table().Border(TableBorder.Simple).AddColumns("主体 subject", "数值 value", "期间 period", "类型 kind", "原文 text");
        if (paged)
        {
            figures.AddColumn("页 page");
        }

        foreach (var f in x.Figures)
        {
            string[] cells =
            [
                Markup.Escape(f.Subject),
                Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{f.Measure}{Luoshi.Domain.Common.Numbers.Format(f.Value)}{f.Unit} {f.Qualifier}")),
                Markup.Escape(f.Period ?? string.Empty),
                f.Kind.ToString(),
                Markup.Escape(f.Text),
            ];
            figures.AddRow(paged ? [.. cells, Page(f.Sentence)] : cells);
        }

        ansi.Write(figures);
    }
}
