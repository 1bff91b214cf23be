using System.Text.Json;
using Luoshi.Domain.Assessment;

namespace Luoshi.Application.Assessment;

public sealed record AssessmentResult(int? RunId, string Scheme, int Year, int? SchemeVersion, string Period, DateOnly AsOf, string InputsHash, RunState? State, IReadOnlyList<UnitResultView> Results);

public sealed record UnitResultView(string Org, string OrgName, decimal Score, int Rank, string Grade, bool Vetoed, string? VetoReason, IReadOnlyList<CriterionScore> Criteria, IReadOnlyList<Adjustment> Adjustments, decimal? LastYearScore, int? LastYearRank);

/// <summary>How a stored run reads: its result as it was written, with the scheme version it scored.</summary>
internal static class AssessmentViews
{
    public static AssessmentResult Of(AssessmentRun run, SchemeVersion version) => new(
        run.Id, version.Name, version.Year, version.Version, JsonDocument.Parse(run.InputsJson).RootElement.GetProperty("period").GetString()!, run.AsOf, run.InputsHash, run.State,
        Results(run));

    public static List<UnitResultView> Results(AssessmentRun run) => JsonSerializer.Deserialize<List<UnitResultView>>(run.ResultJson, SchemeJson.Options) ?? [];

    public static string Inv(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
