namespace Luoshi.Application.Demo;

public static partial class DemoProvince
{
    private static ulong Hash(string text)
    {
        ulong h = 14695981039346656037UL;
        foreach (char ch in text)
        {
            h ^= ch;
            h *= 1099511628211UL;
        }

        return h;
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform number in [0, 1) fixed by the key and the three coordinates.</summary>
    private static double Uniform(ulong key, int a, int b = 0, int c = 0)
    {
        ulong h = Mix(key ^ (uint)a);
        h = Mix(h ^ ((ulong)(uint)b << 20));
        h = Mix(h ^ ((ulong)(uint)c << 40));
        return (h >> 11) * (1.0 / 9007199254740992.0);
    }

    /// <summary>A uniform number in [−1, 1).</summary>
    private static double Sym(ulong key, int a, int b = 0, int c = 0) => (2 * Uniform(key, a, b, c)) - 1;
}
