using Luoshi.Application.Documents;
using Luoshi.Application.Documents.Evaluation;

namespace Luoshi.Application.Tests.Documents;

/// <summary>
/// The extractor over the hand-annotated evaluation sets: tests/extraction-eval (original texts: meeting news,
/// speeches, work reports, web copies, traditional characters, pinyin glosses) and tests/extraction-holdout (texts
/// written later, by someone who had not read the rules, to measure generalisation). The floors are the scores the
/// extractor reaches now, rounded down to 0.05: they catch a change that makes extraction worse, and are raised as
/// the rules improve (measure with <c>luoshi docs eval tests/extraction-eval</c>).
/// </summary>
public sealed class ExtractionEvalSetTests
{
    private const string Eval = "extraction-eval";
    private const string Holdout = "extraction-holdout";

    public static TheoryData<string, string, double, double?> Floors => new()
    {
        { Eval, ExtractionKinds.People, 0.95, 0.95 },
        { Eval, ExtractionKinds.Terms, 0.95, 0.90 },
        { Eval, ExtractionKinds.Figures, 0.95, 0.95 },
        { Eval, ExtractionKinds.Targets, 0.95, 0.95 },
        { Eval, ExtractionKinds.Dates, 0.95, 0.95 },
        { Eval, ExtractionKinds.Titles, 0.95, 0.95 },
        { Eval, ExtractionKinds.Boilerplate, 0.95, null },
        { Holdout, ExtractionKinds.People, 0.95, 0.95 },
        { Holdout, ExtractionKinds.Terms, 0.90, 0.90 },
        { Holdout, ExtractionKinds.Figures, 0.95, 0.95 },
        { Holdout, ExtractionKinds.Targets, 0.95, 0.95 },
        { Holdout, ExtractionKinds.Dates, 0.95, 0.95 },
        { Holdout, ExtractionKinds.Titles, 0.95, 0.95 },
        { Holdout, ExtractionKinds.Boilerplate, 0.95, null },
    };

    private static readonly Dictionary<string, Lazy<ExtractionEvaluationResult>> Results = new(StringComparer.Ordinal)
    {
        [Eval] = new(() => new EvaluateExtraction(ChineseConverters.Best()).Handle(SetDirectory(Eval))),
        [Holdout] = new(() => new EvaluateExtraction(ChineseConverters.Best()).Handle(SetDirectory(Holdout))),
    };

    [Theory]
    [InlineData(Eval, 32)]
    [InlineData(Holdout, 14)]
    public void TheSet_HasItsAnnotatedDocuments(string set, int atLeast)
    {
        Results[set].Value.Documents.ShouldBeGreaterThanOrEqualTo(atLeast);
    }

    [Theory]
    [MemberData(nameof(Floors))]
    public void EachKind_ScoresAtLeastItsFloor(string set, string kind, double recallFloor, double? precisionFloor)
    {
        var score = Results[set].Value.Kinds[kind];
        var lists = $"missed: {string.Join("; ", score.Missed)}\nextra: {string.Join("; ", score.Extra)}";

        score.Recall.ShouldNotBeNull();
        score.Recall.Value.ShouldBeGreaterThanOrEqualTo(recallFloor, $"{set} {kind} recall\n{lists}");
        if (precisionFloor is { } floor)
        {
            score.Precision.ShouldNotBeNull();
            score.Precision.Value.ShouldBeGreaterThanOrEqualTo(floor, $"{set} {kind} precision\n{lists}");
        }
        else
        {
            score.Precision.ShouldBeNull();
        }
    }

    private static string SetDirectory(string set)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Luoshi.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", set);
            }
        }

        throw new DirectoryNotFoundException("no directory above " + AppContext.BaseDirectory + " holds Luoshi.slnx");
    }
}
