using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Luoshi.Application.Common;
using Luoshi.Domain.Common;

namespace Luoshi.Application.Spreadsheets;

/// <summary>
/// A CSV file read whole and checked for shape: the header must hold every required column, may hold the
/// optional ones, and nothing else. Rows keep their file line numbers so every problem can name its line.
/// </summary>
public sealed class CsvTable
{
    public const int MaxErrors = 200;

    private readonly Dictionary<string, int> _columns;

    private CsvTable(Dictionary<string, int> columns, List<(int Line, string[] Fields)> rows)
    {
        _columns = columns;
        Rows = rows;
    }

    public IReadOnlyList<(int Line, string[] Fields)> Rows { get; }

    public string? Get(string[] fields, string column) =>
        _columns.TryGetValue(column, out int i) && i < fields.Length ? fields[i] : null;

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>A field trimmed, or null when the file has no such column (an optional one left out).</summary>
    public string? Trimmed(string[] fields, string column) => Get(fields, column)?.Trim();

    /// <summary>A field trimmed, empty when the file has no such column.</summary>
    public string Text(string[] fields, string column) => Trimmed(fields, column) ?? string.Empty;

    /// <summary>A table whose shape was checked elsewhere (a sheet of a workbook): the columns by name, the rows with their sheet row numbers.</summary>
    internal static CsvTable Of(IReadOnlyList<string> columns, List<(int Line, string[] Fields)> rows) =>
        new(columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal), rows);

    /// <summary>The longest text a cell may hold: Excel's own limit, so that what a sheet can hold a file may too.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>What is wrong with a cell's text (a control character, too long), or null: the one rule for CSV and Excel cells.</summary>
    public static Text? CellProblem(string cell) =>
        cell.Length > MaxCellLength
            ? new Text($"单元格过长(超过{MaxCellLength}个字符)", $"the cell is too long (over {MaxCellLength} characters)")
            : InputText.Problem(cell);

    /// <summary>Reads and shape-checks a CSV stream (UTF-8, with or without BOM); refuses cells that <see cref="CellProblem"/> refuses, naming line and column.</summary>
    public static CsvTable Read(Stream stream, IReadOnlyList<string> required, IReadOnlyList<string>? optional = null)
    {
        var errors = new List<FieldError>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            BadDataFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.None,
        };
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, config);
        var rows = new List<(int, string[])>();
        string[]? header = null;
        try
        {
            while (csv.Read())
            {
                var fields = csv.Parser.Record ?? [];
                int line = csv.Parser.RawRow;
                if (header is null)
                {
                    header = [.. fields.Select(f => f.Trim())];
                    errors.AddRange(header.Select(CellProblem).OfType<Text>().Select(p => new FieldError("header", p, line, "header")));
                    continue;
                }

                if (fields.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                if (fields.Length != header.Length)
                {
                    errors.Add(new FieldError("row", new Text($"该行有{fields.Length}列,表头有{header.Length}列", $"the row has {fields.Length} fields, the header {header.Length}"), line, null));
                    if (errors.Count >= MaxErrors)
                    {
                        break;
                    }
                }

                for (int i = 0; i < fields.Length && errors.Count < MaxErrors; i++)
                {
                    if (CellProblem(fields[i]) is { } problem)
                    {
                        var column = i < header.Length ? header[i] : Xlsx.ColumnName(i);
                        errors.Add(new FieldError(column, problem, line, column));
                    }
                }

                rows.Add((line, fields));
            }
        }
        catch (DecoderFallbackException)
        {
            throw new InputRefusedException([new FieldError("file", new Text("文件不是UTF-8编码的文本", "the file is not UTF-8 text"), csv.Parser.RawRow + 1, null)]);
        }
        catch (CsvHelperException e)
        {
            throw new InputRefusedException([new FieldError("file", new Text("CSV格式错误", $"malformed CSV: {Parsing.Clip(e.Message)}"), csv.Parser.RawRow, null)]);
        }

        if (header is null)
        {
            throw new InputRefusedException([new FieldError("file", new Text("文件为空,缺少表头", "the file is empty: no header"), 1, null)]);
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var allowed = required.Concat(optional ?? []).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
        {
            var name = header[i];
            if (!allowed.Contains(name))
            {
                errors.Add(new FieldError("header", new Text($"未知的列 '{Parsing.Clip(name)}',应为 {string.Join(",", required)}", $"unknown column '{Parsing.Clip(name)}'; expected {string.Join(",", required)}"), 1, name));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new FieldError("header", new Text($"列 '{name}' 重复", $"column '{name}' appears twice"), 1, name));
            }
        }

        foreach (var missing in required.Where(c => !columns.ContainsKey(c)))
        {
            errors.Add(new FieldError("header", new Text($"缺少列 '{missing}'", $"missing column '{missing}'"), 1, missing));
        }

        if (errors.Count > 0)
        {
            throw new InputRefusedException([.. errors.Take(MaxErrors)], new Text("文件格式有误,未导入任何数据", "the file was refused; nothing was imported"));
        }

        return new CsvTable(columns, rows);
    }
}
