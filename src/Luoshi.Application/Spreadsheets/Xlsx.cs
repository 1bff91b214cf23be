using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Luoshi.Application.Common;

namespace Luoshi.Application.Spreadsheets;

/// <summary>A cell read from a sheet: its text, its number when it holds one, whether it is a formula.</summary>
public readonly record struct XlsxCell(string Text, double? Number, bool IsFormula, bool IsText);

/// <summary>A sheet read whole: rows by their sheet row number, cells by column letter.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<(int Row, IReadOnlyDictionary<string, XlsxCell> Cells)> Rows);

/// <summary>
/// Writing and reading .xlsx files with the Open XML SDK. Reading refuses what is not a workbook with a
/// problem, never an exception from deep inside the package code.
/// </summary>
public static class Xlsx
{
    /// <summary>The media type of a workbook.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A column of a written sheet: its header and, optionally, a decimal-only data validation.</summary>
    public sealed record Column(string Header, double Width = 14, bool DecimalOnly = false);

    /// <summary>One sheet of a workbook written with <see cref="WriteBook"/>.</summary>
    public sealed record SheetSpec(string Name, IReadOnlyList<Column> Columns, IEnumerable<IReadOnlyList<object?>> Rows);

    public static byte[] Write(string sheetName, IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<object?>> rows, string? note = null) =>
        WriteBook([new SheetSpec(sheetName, columns, rows)], note);

    /// <summary>A workbook of several sheets, each with a bold frozen header row; an optional note sheet last.</summary>
    public static byte[] WriteBook(IReadOnlyList<SheetSpec> specs, string? note = null)
    {
        using var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 0;
            foreach (var spec in specs)
            {
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                sheetPart.Worksheet = Sheet(spec.Columns, spec.Rows);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = ++sheetId, Name = spec.Name });
            }

            if (note is not null)
            {
                var notePart = workbook.AddNewPart<WorksheetPart>();
                notePart.Worksheet = new Worksheet(new SheetData(new Row(TextCell("A1", note)) { RowIndex = 1 }));
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(notePart), SheetId = ++sheetId, Name = "说明 notes" });
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Worksheet Sheet(IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var data = new SheetData();
        var cols = new Columns();
        for (int c = 0; c < columns.Count; c++)
        {
            cols.Append(new DocumentFormat.OpenXml.Spreadsheet.Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = columns[c].Width, CustomWidth = true });
        }

        uint r = 1;
        var header = new Row { RowIndex = r };
        for (int c = 0; c < columns.Count; c++)
        {
            header.Append(TextCell(Ref(c, r), columns[c].Header, style: 1));
        }

        data.Append(header);
        foreach (var values in rows)
        {
            r++;
            var row = new Row { RowIndex = r };
            for (int c = 0; c < values.Count; c++)
            {
                switch (values[c])
                {
                    case null:
                        break;
                    case decimal d:
                        row.Append(NumberCell(Ref(c, r), d.ToString(CultureInfo.InvariantCulture)));
                        break;
                    case double x when double.IsFinite(x):
                        row.Append(NumberCell(Ref(c, r), x.ToString("R", CultureInfo.InvariantCulture)));
                        break;
                    case int i:
                        row.Append(NumberCell(Ref(c, r), i.ToString(CultureInfo.InvariantCulture)));
                        break;
                    case var v:
                        row.Append(TextCell(Ref(c, r), Convert.ToString(v, CultureInfo.InvariantCulture) ?? string.Empty));
                        break;
                }
            }

            data.Append(row);
        }

        var worksheet = new Worksheet(new SheetViews(new SheetView { WorkbookViewId = 0, Pane = new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen } }), cols, data);
        var validations = columns.Select((col, i) => (col, i)).Where(x => x.col.DecimalOnly).ToList();
        if (validations.Count > 0 && r > 1)
        {
            var dv = new DataValidations();
            foreach (var (_, i) in validations)
            {
                dv.Append(new DataValidation
                {
                    Type = DataValidationValues.Decimal,
                    Operator = DataValidationOperatorValues.Between,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    ErrorTitle = new Domain.Common.Text("数值", "number").ToString(),
                    Error = new Domain.Common.Text("请填写数字", "enter a number").ToString(),
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{Ref(i, 2)}:{Ref(i, r)}" },
                    Formula1 = new Formula1("-100000000000000"),
                    Formula2 = new Formula2("100000000000000"),
                });
            }

            dv.Count = (uint)validations.Count;
            worksheet.Append(dv);
        }

        return worksheet;
    }

    /// <summary>Reads one sheet of a workbook; refuses a file that is not a workbook or lacks the sheet.</summary>
    public static XlsxSheet Read(Stream stream, string sheetName)
    {
        SpreadsheetDocument doc;
        try
        {
            doc = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception e) when (OpenXmlDamage.Is(e))
        {
            throw new InputRefusedException([new FieldError("file", new Domain.Common.Text("文件不是有效的Excel工作簿(.xlsx)", "the file is not a valid Excel workbook (.xlsx)"), 1, null)], new Domain.Common.Text("文件无法读取", "the file cannot be read"));
        }

        using (doc)
        {
            try
            {
                var workbook = doc.WorkbookPart ?? throw new InvalidDataException("no workbook part");
                var names = workbook.Workbook.Sheets?.Elements<Sheet>().Select(s => s.Name?.Value ?? string.Empty).ToList() ?? [];
                var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == sheetName)
                    ?? throw new InputRefusedException([new FieldError("sheet", new Domain.Common.Text($"找不到工作表“{sheetName}”,文件中有:{string.Join("、", names.Select(Parsing.Clip))}", $"no sheet named '{sheetName}'; the file has: {string.Join(", ", names.Select(Parsing.Clip))}"), 1, "sheet")], new Domain.Common.Text("工作表名称不符", "wrong sheet"));
                var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
                var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
                var rows = new List<(int, IReadOnlyDictionary<string, XlsxCell>)>();
                var refused = new List<FieldError>();
                foreach (var row in part.Worksheet.Descendants<Row>())
                {
                    var cells = new Dictionary<string, XlsxCell>(StringComparer.Ordinal);
                    foreach (var cell in row.Elements<Cell>())
                    {
                        var column = new string((cell.CellReference?.Value ?? string.Empty).TakeWhile(char.IsAsciiLetter).ToArray());
                        var read = ReadCell(cell, shared);
                        if (CsvTable.CellProblem(read.Text) is { } problem)
                        {
                            refused.Add(new FieldError(column, problem, (int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), column));
                        }

                        cells[column] = read;
                    }

                    rows.Add(((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), cells));
                }

                if (refused.Count > 0)
                {
                    throw new InputRefusedException([.. refused.Take(CsvTable.MaxErrors)], new Domain.Common.Text("文件中有无法接受的文字,未导入任何数据", "the file holds text that cannot be accepted; nothing was imported"));
                }

                return new XlsxSheet(sheetName, rows);
            }
            catch (Exception e) when (e is not InputRefusedException && OpenXmlDamage.Is(e))
            {
                throw new InputRefusedException([new FieldError("file", new Domain.Common.Text("Excel文件已损坏或格式不受支持", "the workbook is damaged or of an unsupported shape"), 1, null)], new Domain.Common.Text("文件无法读取", "the file cannot be read"));
            }
        }
    }

    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (int i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }

    private static XlsxCell ReadCell(Cell cell, List<string> shared)
    {
        bool formula = cell.CellFormula is not null;
        var raw = cell.CellValue?.InnerText ?? cell.InlineString?.InnerText ?? string.Empty;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out int index) && index < shared.Count)
        {
            return new XlsxCell(shared[index], null, formula, true);
        }

        if (type is null || type == CellValues.Number)
        {
            return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double n)
                ? new XlsxCell(raw, n, formula, false)
                : new XlsxCell(raw, null, formula, raw.Length > 0);
        }

        return new XlsxCell(raw, null, formula, true);
    }

    private static string Ref(int column, uint row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static Cell TextCell(string reference, string text, uint style = 0) =>
        new() { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)), StyleIndex = style };

    private static Cell NumberCell(string reference, string number) =>
        new() { CellReference = reference, CellValue = new CellValue(number) };

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())),
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
        new Borders(new Border()),
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
}
