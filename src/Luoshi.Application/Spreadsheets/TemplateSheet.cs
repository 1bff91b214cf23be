using System.Globalization;
using Luoshi.Application.Common;
using Luoshi.Domain.Common;

namespace Luoshi.Application.Spreadsheets;

/// <summary>How a template column's cells are read: Excel keeps dates as serial numbers, and a number cell is written back in invariant notation.</summary>
public enum SheetCellKind
{
    Text,
    Number,
    Date,
    Month,
}

/// <summary>
/// A column of a template sheet. Its header cell reads "中文 english"; the English word names the column. A
/// column that is not imported is there to help the person filling the sheet in (a name, a region).
/// </summary>
public sealed record SheetColumn(string Name, string Label, double Width, SheetCellKind Kind = SheetCellKind.Text, bool Imported = true, bool Required = false)
{
    public string Header => $"{Label} {Name}";
}

/// <summary>
/// A template sheet: written with its columns and pre-filled rows, read back into the table an import
/// checks. Reading refuses a wrong sheet, an unknown, repeated or missing header column and a formula
/// in an imported column; the import's own problems are then given the sheet, the row and the column
/// letter (<see cref="SheetTable.Locate"/>), so every refusal points at a cell.
/// </summary>
public sealed class TemplateSheet(string name, IReadOnlyList<SheetColumn> columns)
{
    public string Name { get; } = name;

    public IReadOnlyList<SheetColumn> Columns { get; } = columns;

    /// <summary>The columns an upload passes on to the import, in sheet order.</summary>
    public IReadOnlyList<string> Imported { get; } = [.. columns.Where(c => c.Imported).Select(c => c.Name)];

    private readonly Dictionary<string, int> _index = columns.Where(c => c.Imported).Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);

    public byte[] Write(IEnumerable<IReadOnlyList<object?>> rows, string note) =>
        Xlsx.Write(Name, [.. Columns.Select(c => new Xlsx.Column(c.Header, c.Width, DecimalOnly: c.Kind == SheetCellKind.Number))], rows, note);

    /// <summary>A row as written (one value per column) cut down to the imported columns, for a CSV that imports back.</summary>
    public IReadOnlyList<object?> ImportedValues(IReadOnlyList<object?> row) =>
        [.. Columns.Select((c, i) => (c, i)).Where(x => x.c.Imported).Select(x => x.i < row.Count ? row[x.i] : null)];

    /// <summary>
    /// Reads the sheet of an uploaded workbook. <paramref name="keep"/> sees each line's imported cells by
    /// column name and says whether the line is meant to be imported (a template line left unfilled is not).
    /// </summary>
    public SheetTable Read(Stream file, Func<Func<string, string>, bool> keep)
    {
        var sheet = Xlsx.Read(file, Name);
        if (sheet.Rows.Count == 0)
        {
            throw new InputRefusedException([new FieldError("sheet", new Text($"工作表“{Name}”为空", $"the sheet '{Name}' is empty"), 1, "sheet")], new Text("工作表为空,未导入任何数据", "the sheet is empty; nothing was imported"));
        }

        var (headerRow, headerCells) = sheet.Rows[0];
        var errors = new List<FieldError>();
        var letters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (letter, cell) in headerCells.OrderBy(c => c.Key.Length).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            var column = cell.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;
            if (column.Length == 0)
            {
                continue;
            }

            if (!Columns.Any(c => c.Name == column))
            {
                errors.Add(At(headerRow, letter, "header", $"未知的列“{Parsing.Clip(cell.Text)}”", $"unknown column '{Parsing.Clip(cell.Text)}'"));
            }
            else if (!letters.TryAdd(column, letter))
            {
                errors.Add(At(headerRow, letter, "header", $"列 {column} 重复", $"column {column} appears twice"));
            }
        }

        foreach (var missing in Columns.Where(c => c.Required && !letters.ContainsKey(c.Name)))
        {
            errors.Add(At(headerRow, null, "header", $"缺少列 {missing.Name}({missing.Label})", $"missing column {missing.Name}") with { Column = missing.Name });
        }

        if (errors.Count > 0)
        {
            throw new InputRefusedException(errors, new Text("表头有误,未导入任何数据", "the header is wrong; nothing was imported"));
        }

        var rows = new List<(int, string[])>();
        foreach (var (line, cells) in sheet.Rows.Skip(1))
        {
            var fields = new string[Imported.Count];
            for (int i = 0; i < fields.Length; i++)
            {
                var column = Columns.First(c => c.Name == Imported[i]);
                if (!letters.TryGetValue(column.Name, out var letter) || !cells.TryGetValue(letter, out var cell))
                {
                    fields[i] = string.Empty;
                }
                else if (cell.IsFormula)
                {
                    // Only the figure a formula shows would be stored, and it goes stale when its inputs change.
                    fields[i] = string.Empty;
                    errors.Add(At(line, letter, column.Name, "单元格含公式,请直接填写数值", "the cell holds a formula; type the value itself"));
                }
                else
                {
                    fields[i] = Text(cell, column.Kind);
                }
            }

            string Get(string column) => _index.TryGetValue(column, out var i) ? fields[i] : string.Empty;
            if (fields.All(f => f.Length == 0) || !keep(Get))
            {
                continue;
            }

            rows.Add((line, fields));
            if (errors.Count >= CsvTable.MaxErrors)
            {
                break;
            }
        }

        if (errors.Count > 0)
        {
            throw new InputRefusedException(errors, new Text("文件有误,未导入任何数据", "the file has errors; nothing was imported"));
        }

        return new SheetTable(this, CsvTable.Of(Imported, rows), letters);
    }

    /// <summary>
    /// A cell as the import reads text: numbers in invariant notation; a date Excel turned into a serial
    /// number back into a date (or a month).
    /// </summary>
    private static string Text(XlsxCell cell, SheetCellKind kind)
    {
        if (cell.Number is { } n && !cell.IsText)
        {
            if (kind is SheetCellKind.Date or SheetCellKind.Month && n is > 1 and < 2958466)
            {
                var date = DateOnly.FromDateTime(DateTime.FromOADate(n));
                return date.ToString(kind == SheetCellKind.Month ? "yyyy-MM" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            return Math.Abs(n) < 1e14 ? ((decimal)n).ToString(CultureInfo.InvariantCulture) : n.ToString("R", CultureInfo.InvariantCulture);
        }

        return cell.Text.Trim();
    }

    internal FieldError At(int row, string? letter, string field, string zh, string en)
    {
        var where = letter is null ? $"第{row}行" : $"第{row}行{letter}列";
        var whereEn = letter is null ? $"row {row}" : $"row {row} column {letter}";
        return new FieldError(field, new Text($"工作表“{Name}”{where}({field}):{zh}", $"sheet '{Name}' {whereEn} ({field}): {en}"), row, letter);
    }
}

/// <summary>An uploaded sheet read into an import's table, with the letter of each column found.</summary>
public sealed record SheetTable(TemplateSheet Sheet, CsvTable Table, IReadOnlyDictionary<string, string> Letters)
{
    /// <summary>The import names columns by name and rows by number; a sheet's reader wants the sheet, the row and the column letter.</summary>
    public InputRefusedException Locate(InputRefusedException refused) => new([.. refused.Errors.Select(Locate)], refused.Title);

    private FieldError Locate(FieldError error)
    {
        if (error.Row is not { } row)
        {
            return error;
        }

        var letter = error.Column is { } name && Letters.TryGetValue(name, out var l) ? l : error.Column;
        return Sheet.At(row, letter, error.Field, error.Message.Zh, error.Message.En);
    }
}
