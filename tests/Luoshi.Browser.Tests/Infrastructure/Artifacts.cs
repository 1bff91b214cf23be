namespace Luoshi.Browser.Tests.Infrastructure;

/// <summary>Where the tests leave what a person should look at: artifacts/ at the repository root (git-ignored).</summary>
public static class Artifacts
{
    public static string Root { get; } = FindRoot();

    public static string Screenshot(string name) => Path.Combine(Directory.CreateDirectory(Path.Combine(Root, "screenshots")).FullName, name + ".png");

    /// <summary>Measured page timings, one line each, in artifacts/browser-timings.txt.</summary>
    public static void AppendTiming(string line) =>
        File.AppendAllText(Path.Combine(Directory.CreateDirectory(Root).FullName, "browser-timings.txt"), line + Environment.NewLine);

    public static string FilePath(string name) => Path.Combine(Directory.CreateDirectory(Root).FullName, name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Luoshi.slnx")))
            {
                return Path.Combine(dir.FullName, "artifacts");
            }
        }

        return Path.Combine(AppContext.BaseDirectory, "artifacts");
    }
}
