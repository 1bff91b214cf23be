namespace Luoshi.Domain.Common;

/// <summary>"锚定五年、谋准三年、扎实干好每一年": the horizon a plan item is set for.</summary>
public enum Horizon
{
    Annual = 1,
    ThreeYear = 3,
    FiveYear = 5,
}
