using System.Runtime.InteropServices;
using System.Text;
using Luoshi.Domain.Common;
using Luoshi.Domain.Documents;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Luoshi.Application.Documents;

/// <summary>
/// Picks the best traditional → simplified converter the machine has: OpenCC (Debian libopencc1.1 with
/// libopencc-data; phrase-aware), else ICU's "Traditional-Simplified" transliterator (libicu, present
/// wherever .NET runs on Linux; character by character), else none — with a warning, because names and
/// formulations written in traditional characters will then not match their simplified forms.
/// </summary>
public static class ChineseConverters
{
    private static readonly Lock Gate = new();
    private static ITextConverter? _best;

    /// <summary>The converter for this process, probed once.</summary>
    public static ITextConverter Best(ILogger? log = null)
    {
        lock (Gate)
        {
            if (_best is not null)
            {
                return _best;
            }

            log ??= NullLogger.Instance;
            var failures = new List<string>();
            _best = OpenCcConverter.TryCreate(failures) ?? IcuConverter.TryCreate(failures) ?? (ITextConverter)new NoTextConversion(
                new Text(
                    "未找到繁简转换词典(libopencc1.1/libicu),繁体字不会转换为简体:" + string.Join("; ", failures),
                    "no traditional→simplified dictionary was found (install libopencc1.1 and libopencc-data); traditional characters are left as they are: " + string.Join("; ", failures))
                .Bilingual);
            if (_best.Warning is { } warning)
            {
                log.LogWarning("{Warning}", warning);
            }
            else if (failures.Count > 0)
            {
                log.LogInformation("Traditional→simplified uses {Converter} ({Why})", _best.Name, string.Join("; ", failures));
            }

            return _best;
        }
    }
}

/// <summary>
/// OpenCC through its C API. The handle is opened once; OpenCC does not document whether one handle may
/// convert on several threads at once, so conversions take a lock (a speech converts in milliseconds).
/// </summary>
public sealed partial class OpenCcConverter : ITextConverter
{
    private const string Library = "libopencc.so.1.1";

    /// <summary>Standard traditional → simplified with phrase tables; the Taiwan variant (tw2sp) rewrites mainland vocabulary (核心 → 内核) and is not used.</summary>
    public const string Config = "t2s.json";

    private readonly Lock _gate = new();
    private readonly nint _handle;

    private OpenCcConverter(nint handle) => _handle = handle;

    public string Name => "opencc:" + Config;
    public string? Warning => null;

    public static OpenCcConverter? TryCreate(List<string> failures)
    {
        try
        {
            if (!NativeLibrary.TryLoad(Library, typeof(OpenCcConverter).Assembly, null, out _))
            {
                failures.Add($"{Library} not found");
                return null;
            }

            nint handle = opencc_open(Config);
            if (handle == 0 || handle == -1)
            {
                failures.Add($"opencc_open({Config}) failed: {Marshal.PtrToStringUTF8(opencc_error())} (is libopencc-data installed?)");
                return null;
            }

            var converter = new OpenCcConverter(handle);
            return converter.Convert("國內") == "国内" ? converter : Fail(failures, "OpenCC did not convert a test phrase");
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            failures.Add($"{Library}: {e.Message}");
            return null;
        }
    }

    public unsafe string Convert(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        // OpenCC returns a NUL-terminated string, so a NUL inside the text would cut the rest off.
        var bytes = Encoding.UTF8.GetBytes(text.Contains('\0', StringComparison.Ordinal) ? text.Replace("\0", string.Empty, StringComparison.Ordinal) : text);
        lock (_gate)
        {
            fixed (byte* input = bytes)
            {
                nint output = opencc_convert_utf8(_handle, input, (nuint)bytes.Length);
                if (output == 0 || output == -1)
                {
                    throw new InvalidOperationException("OpenCC conversion failed: " + Marshal.PtrToStringUTF8(opencc_error()));
                }

                try
                {
                    return Marshal.PtrToStringUTF8(output) ?? string.Empty;
                }
                finally
                {
                    opencc_convert_utf8_free(output);
                }
            }
        }
    }

    private static OpenCcConverter? Fail(List<string> failures, string why)
    {
        failures.Add(why);
        return null;
    }

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint opencc_open(string configFileName);

    [LibraryImport(Library)]
    private static unsafe partial nint opencc_convert_utf8(nint opencc, byte* input, nuint length);

    [LibraryImport(Library)]
    private static partial void opencc_convert_utf8_free(nint text);

    [LibraryImport(Library)]
    private static partial nint opencc_error();
}

/// <summary>
/// ICU's "Traditional-Simplified" transliterator, found the way .NET finds ICU: libicui18n.so.NN with
/// symbols suffixed _NN. Character-level only (no phrase tables), so 乾淨 → 干净 but a few one-to-many
/// characters may pick the commoner reading. Transliterators are not thread-safe: conversions take a lock.
/// </summary>
public sealed unsafe class IcuConverter : ITextConverter
{
    private const int BufferOverflow = 15;

    private readonly Lock _gate = new();
    private readonly nint _transliterator;
    private readonly delegate* unmanaged<nint, char*, int*, int, int, int*, int*, void> _transUChars;

    private IcuConverter(nint transliterator, delegate* unmanaged<nint, char*, int*, int, int, int*, int*, void> transUChars, int version)
    {
        _transliterator = transliterator;
        _transUChars = transUChars;
        Name = "icu" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":Traditional-Simplified";
    }

    public string Name { get; }
    public string? Warning => null;

    public static IcuConverter? TryCreate(List<string> failures)
    {
        for (int version = 90; version >= 50; version--)
        {
            var v = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!NativeLibrary.TryLoad("libicui18n.so." + v, out var lib))
            {
                continue;
            }

            if (!NativeLibrary.TryGetExport(lib, "utrans_openU_" + v, out var open) || !NativeLibrary.TryGetExport(lib, "utrans_transUChars_" + v, out var trans))
            {
                failures.Add($"libicui18n.so.{v} lacks utrans_openU_{v}");
                continue;
            }

            const string id = "Traditional-Simplified";
            int status = 0;
            nint handle;
            fixed (char* idChars = id)
            {
                var openU = (delegate* unmanaged<char*, int, int, char*, int, nint, int*, nint>)open;
                handle = openU(idChars, id.Length, 0, null, 0, 0, &status);
            }

            if (handle == 0 || status > 0)
            {
                failures.Add($"ICU {v}: utrans_openU(Traditional-Simplified) failed with status {status}");
                return null;
            }

            var converter = new IcuConverter(handle, (delegate* unmanaged<nint, char*, int*, int, int, int*, int*, void>)trans, version);
            return converter.Convert("國內") == "国内" ? converter : null;
        }

        failures.Add("libicui18n not found");
        return null;
    }

    public string Convert(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        for (int capacity = text.Length + 16; ; capacity *= 2)
        {
            var buffer = new char[capacity];
            text.CopyTo(buffer);
            int length = text.Length, limit = text.Length, status = 0;
            lock (_gate)
            {
                fixed (char* p = buffer)
                {
                    _transUChars(_transliterator, p, &length, capacity, 0, &limit, &status);
                }
            }

            if (status == BufferOverflow && capacity < text.Length * 8)
            {
                continue;
            }

            if (status > 0)
            {
                throw new InvalidOperationException($"ICU transliteration failed with status {status}");
            }

            return new string(buffer, 0, length);
        }
    }
}
