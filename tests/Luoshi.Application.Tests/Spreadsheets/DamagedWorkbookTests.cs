using System.IO.Compression;
using System.Text;
using Luoshi.Application.Common;
using Luoshi.Application.Spreadsheets;

namespace Luoshi.Application.Tests.Spreadsheets;

/// <summary>Workbooks damaged the ways fuzzing found: each is refused as a bad file, never a server error.</summary>
public sealed class DamagedWorkbookTests
{
    private const string Sheet = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>指标</t></is></c></row></sheetData></worksheet>";

    [Fact]
    public void AnIntactWorkbook_IsRead()
    {
        var sheet = Xlsx.Read(new MemoryStream(Workbook(withSheet: true)), "数据");

        sheet.Rows.ShouldHaveSingleItem();
    }

    [Fact]
    public void ARelationshipToAPartThatIsMissing_IsRefusedAsADamagedFile()
    {
        var refused = Should.Throw<InputRefusedException>(() => Xlsx.Read(new MemoryStream(Workbook(withSheet: false)), "数据"));

        refused.Errors.ShouldHaveSingleItem().Field.ShouldBe("file");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(200)]
    public void ATruncatedWorkbook_IsRefusedAsADamagedFile(int keep)
    {
        var bytes = Workbook(withSheet: true)[..keep];

        Should.Throw<InputRefusedException>(() => Xlsx.Read(new MemoryStream(bytes), "数据")).Errors[0].Field.ShouldBe("file");
    }

    private static byte[] Workbook(bool withSheet)
    {
        var parts = new Dictionary<string, string>
        {
            ["[Content_Types].xml"] = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>",
            ["_rels/.rels"] = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
            ["xl/workbook.xml"] = "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"数据\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            ["xl/_rels/workbook.xml.rels"] = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
        };
        if (withSheet)
        {
            parts["xl/worksheets/sheet1.xml"] = Sheet;
        }

        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in parts)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return memory.ToArray();
    }
}
