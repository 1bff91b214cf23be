using DocumentFormat.OpenXml.Packaging;

namespace Luoshi.Application.Spreadsheets;

/// <summary>
/// The ways the Open XML SDK and System.IO.Packaging fail on a damaged or foreign file (a broken zip, a
/// missing or dangling part, bad XML, a bad part URI): each means "refuse the upload", never a server error.
/// Found by fuzzing the uploads (scripts/reliability.sh).
/// </summary>
internal static class OpenXmlDamage
{
    public static bool Is(Exception e) => e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException
        or System.Xml.XmlException or InvalidOperationException or ArgumentException or FormatException or KeyNotFoundException
        or NotSupportedException or InvalidCastException or NullReferenceException or IndexOutOfRangeException or OverflowException;
}
