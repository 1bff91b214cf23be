using Luoshi.Application.Common;
using Luoshi.Domain.Identity;

namespace Luoshi.Application.Assessment;

/// <summary>试算: scores a scheme on today's data without storing anything (the CLI's assess, the API's preview).</summary>
public sealed class PreviewAssessment(AssessmentScorer scorer, ICurrentActor actor)
{
    public async Task<AssessmentResult> Handle(string schemeJson, DateOnly? asOf, CancellationToken ct)
    {
        actor.RequireEverywhere(Permission.ReadAll);
        var scheme = SchemeJson.Parse(schemeJson);
        var scored = await scorer.Score(scheme, asOf, ct);
        return new AssessmentResult(null, scheme.Name, scheme.Year, null, scored.Period.ToString(), scored.Record.AsOf, scored.Record.InputsHash, null, scored.Results);
    }
}
