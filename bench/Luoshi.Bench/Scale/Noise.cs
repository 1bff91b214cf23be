namespace Luoshi.Bench.Scale;

/// <summary>
/// Deterministic pseudo-random numbers keyed by what they describe (indicator, unit, month, purpose),
/// so every value can be generated on its own, in any order and on any thread, and the workload is the
/// same on every machine.
/// </summary>
internal static class Noise
{
    /// <summary>Uniform in [0, 1).</summary>
    public static double Uniform(int a, int b, int c, int salt) => (Hash(a, b, c, salt) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [-0.5, 0.5).</summary>
    public static double Centered(int a, int b, int c, int salt) => Uniform(a, b, c, salt) - 0.5;

    public static ulong Hash(int a, int b, int c, int salt)
    {
        ulong x = (uint)a;
        x = Mix(x ^ ((ulong)(uint)b << 21) ^ ((ulong)(uint)salt << 42));
        x = Mix(x ^ (uint)c ^ ((ulong)(uint)salt << 32));
        return x;
    }

    // SplitMix64's finalizer: every input bit affects every output bit.
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
