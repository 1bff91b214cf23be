using Luoshi.Application.Documents;
using Luoshi.Application.Documents.Evaluation;

namespace Luoshi.Application.Tests.Documents;

/// <summary>
/// The extractor over the hand-annotated evaluation set in tests/extraction-eval (original texts: meeting news,
/// speeches, work reports, web copies, traditional characters, pinyin glosses). The floors are the scores the
/// extractor reaches now, rounded down to 0.05: they catch a change that makes extraction
/// worse, and are raised as the rules improve (measure with <c>luoshi docs eval tests/extraction-eval</c>).
/// </summary>
public sealed class ExtractionEvalSetTests
{
    public static TheoryData<string, double, double?> Floors => new()
    {
        { ExtractionKinds.People, 0.95, 0.95 },
        { ExtractionKinds.Terms, 0.95, 0.90 },
        { ExtractionKinds.Figures, 0.90, 0.95 },
        { ExtractionKinds.Targets, 0.80, 0.80 },
        { ExtractionKinds.Dates, 0.95, 0.95 },
        { ExtractionKinds.Titles, 0.95, 0.95 },
        { ExtractionKinds.Boilerplate, 0.90, null },
    };

    private static readonly Lazy<ExtractionEvaluationResult> Result = new(() => new EvaluateExtraction(ChineseConverters.Best()).Handle(SetDirectory()));

    [Fact]
    public void TheSet_HasAtLeast32AnnotatedDocuments()
    {
        Result.Value.Documents.ShouldBeGreaterThanOrEqualTo(32);
    }

    [Theory]
    [MemberData(nameof(Floors))]
    public void EachKind_ScoresAtLeastItsFloor(string kind, double recallFloor, double? precisionFloor)
    {
        var score = Result.Value.Kinds[kind];
        var lists = $"missed: {string.Join("; ", score.Missed)}\nextra: {string.Join("; ", score.Extra)}";

        score.Recall.ShouldNotBeNull();
        score.Recall.Value.ShouldBeGreaterThanOrEqualTo(recallFloor, $"{kind} recall\n{lists}");
        if (precisionFloor is { } floor)
        {
            score.Precision.ShouldNotBeNull();
            score.Precision.Value.ShouldBeGreaterThanOrEqualTo(floor, $"{kind} precision\n{lists}");
        }
        else
        {
            score.Precision.ShouldBeNull();
        }
    }

    private static string SetDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Luoshi.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", "extraction-eval");
            }
        }

        throw new DirectoryNotFoundException("no directory above " + AppContext.BaseDirectory + " holds Luoshi.slnx");
    }
}
