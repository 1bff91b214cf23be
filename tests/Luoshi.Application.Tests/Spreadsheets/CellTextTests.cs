using System.Text;
using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;

namespace Luoshi.Application.Tests.Spreadsheets;

/// <summary>A cell's text passes the same rule in a CSV file and in a workbook: refused naming row and column.</summary>
public sealed class CellTextTests
{
    [Theory]
    // XML itself forbids the C0 controls and U+FFFF (such a workbook is refused as damaged); the C1 controls it allows.
    [InlineData("a\u0085b")]
    [InlineData("\u009f")]
    public void AWorkbookCell_WithAControlCharacter_IsRefusedNamingRowAndColumn(string text)
    {
        var book = Xlsx.Write("数据", [new Xlsx.Column("indicator"), new Xlsx.Column("comment")], [["FAI", "好"], ["FAI", text]]);

        var refused = Should.Throw<InputRefusedException>(() => Xlsx.Read(new MemoryStream(book), "数据"));

        var error = refused.Errors.ShouldHaveSingleItem();
        error.Row.ShouldBe(3);
        error.Column.ShouldBe("B");
    }

    [Fact]
    public void ACsvCell_TooLongOrWithANul_IsRefusedNamingLineAndColumn()
    {
        var csv = $"indicator,comment\nFAI,{new string('长', CsvTable.MaxCellLength + 1)}\nFAI,a\0b\nFAI,\"第一行\n第二行\"\n";

        var refused = Should.Throw<InputRefusedException>(() => CsvTable.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), ["indicator", "comment"]));

        refused.Errors.Select(e => (e.Row, e.Column)).ShouldBe([(2, "comment"), (3, "comment")]);
    }

    [Fact]
    public void ACsvCell_WithTabsAndLineBreaks_IsKept()
    {
        var table = CsvTable.Read(new MemoryStream(Encoding.UTF8.GetBytes("indicator,comment\nFAI,\"第一行\r\n第二行\t注\"\n")), ["indicator", "comment"]);

        table.Text(table.Rows.Single().Fields, "comment").ShouldBe("第一行\r\n第二行\t注");
    }
}
