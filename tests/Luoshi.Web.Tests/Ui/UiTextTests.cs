using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Luoshi.Domain.Common;
using Luoshi.Domain.Indicators;
using Luoshi.Domain.Organization;
using Luoshi.Domain.Plans;
using Luoshi.Web.Ui;

namespace Luoshi.Web.Tests.Ui;

/// <summary>A key missing from a resource file shows up in the UI as the bare key, so the files are checked against each other and against the pages.</summary>
public sealed partial class UiTextTests
{
    private static readonly ResourceManager Resources = new("Luoshi.Web.Resources.Ui.UiText", typeof(UiText).Assembly);

    [Fact]
    public void English_HasEveryKeyOfTheChinese_AndNoOther()
    {
        var chinese = Keys(CultureInfo.InvariantCulture);
        var english = Keys(new CultureInfo("en"));

        chinese.Count.ShouldBeGreaterThan(100);
        chinese.Except(english).ShouldBeEmpty("keys without English");
        english.Except(chinese).ShouldBeEmpty("English keys without Chinese");
    }

    [Fact]
    public void EveryKeyThePagesUse_Exists()
    {
        var web = Path.Combine(RepositoryRoot(), "src", "Luoshi.Web");
        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Concat(Navigation.Items.Select(i => i.TextKey))
            .ToHashSet(StringComparer.Ordinal);

        used.Count.ShouldBeGreaterThan(100);
        used.Except(Keys(CultureInfo.InvariantCulture)).ShouldBeEmpty();
    }

    [Fact]
    public void EveryEnumValueShown_HasALabel()
    {
        Type[] shown =
        [
            typeof(OrgUnitKind), typeof(PlanItemKind), typeof(Direction), typeof(Frequency), typeof(ValueKind), typeof(Aggregation),
            typeof(ProgressProfile), typeof(TargetQualifier), typeof(ReadingState), typeof(ReadingSource), typeof(Horizon),
            typeof(Luoshi.Domain.Evaluation.EvaluationStatus), typeof(Luoshi.Domain.Reporting.ReportState), typeof(Luoshi.Domain.Reporting.Timeliness),
            typeof(Luoshi.Domain.Reporting.RuleSeverity), typeof(Luoshi.Domain.Reporting.RevisionState),
            typeof(Luoshi.Domain.Supervision.SupervisionState), typeof(Luoshi.Domain.Supervision.SupervisionAction),
            typeof(Luoshi.Domain.Supervision.SupervisionPriority), typeof(Luoshi.Domain.Supervision.SupervisionSource),
            typeof(Luoshi.Domain.Assessment.RunState),
            typeof(Luoshi.Domain.Documents.ReviewState), typeof(Luoshi.Domain.Documents.DocumentItemKind), typeof(Luoshi.Domain.Documents.ItemDecision),
            typeof(Luoshi.Domain.Documents.SourceFormat), typeof(Luoshi.Domain.Documents.DateBasis), typeof(Luoshi.Domain.Documents.FigureKind),
            typeof(Luoshi.Domain.Documents.FigureQualifier),
            typeof(Luoshi.Domain.Policies.MeasureKind), typeof(Luoshi.Domain.Policies.DeliveryMode), typeof(Luoshi.Domain.Policies.CaseStatus),
        ];
        var keys = Keys(CultureInfo.InvariantCulture);

        var missing = shown.SelectMany(t => Enum.GetNames(t).Select(n => $"Enum.{t.Name}.{n}")).Where(k => !keys.Contains(k));

        missing.ShouldBeEmpty();
    }

    private static HashSet<string> Keys(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().Select(e => (string)e.Key).ToHashSet(StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Luoshi.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Luoshi.slnx) was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""\b(?:T|text)\["([A-Za-z]+(?:\.[A-Za-z]+)+)"\]""")]
    private static partial Regex KeyUse();
}
