namespace Luoshi.Testing;

/// <summary>
/// The real speech pages kept beside the repository (../shared/corpus): found by walking up from the test
/// binaries to a directory that holds <c>shared/corpus</c>, or named by LUOSHI_CORPUS. Tests over them
/// skip when they are absent (a clone on its own).
/// </summary>
public static class Corpus
{
    public static readonly string? Directory = Find();

    public static string File(string prefix) =>
        System.IO.Directory.GetFiles(Directory!, prefix + "*.txt").Single();

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("LUOSHI_CORPUS") is { Length: > 0 } named && System.IO.Directory.Exists(named))
        {
            return named;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (System.IO.Directory.Exists(candidate) && System.IO.Directory.GetFiles(candidate, "*.txt").Length > 0)
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact that is skipped, saying why, when the corpus is not beside the repository.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (Corpus.Directory is null)
        {
            Skip = "../shared/corpus not found beside the repository (set LUOSHI_CORPUS to point at it)";
        }
    }
}
