namespace Luoshi.Domain.Documents;

/// <summary>Whether a document's date is the day of the event (the speech, the meeting) or only the day it was published.</summary>
public enum DateBasis
{
    Event = 1,
    Published = 2,
}

public sealed record DocumentDate(DateOnly Date, DateBasis Basis, TextSpan? Sentence);

/// <summary>A person named in the document, with the office stated beside the name (省委书记, 省委副书记、省长) when there is one.</summary>
public sealed record Person(string Name, string? Role, TextSpan Sentence);

/// <summary>
/// 提法: a formulation the document quotes (“八八战略”), how often it is quoted, and whether it is a numbered
/// formulation (八八战略, 十项重大工程, “4+1”, 三个“一号工程”); <see cref="Numeral"/> is a count written just
/// outside the quotes (三个).
/// </summary>
public sealed record Formulation(string Term, int Count, bool Numbered, string? Numeral, IReadOnlyList<int> Positions, TextSpan Sentence);

/// <summary>A candidate task cut from a deployment sentence (要…/加快…/着力…/确保…/推进…), under the topic it was deployed for.</summary>
public sealed record Directive(string Text, string Verb, string? Topic, string Area, TextSpan Span, TextSpan Sentence);

public enum FigureKind
{
    /// <summary>A value that was reached (上半年GDP增长5.6%).</summary>
    Actual = 1,

    /// <summary>A value to be reached (增长5.5%左右, 力争6%).</summary>
    Target = 2,
}

/// <summary>How a target figure is to be read: 以上 at least, 左右 around, 以内/以下 at most, a range, 力争 stretch.</summary>
public enum FigureQualifier
{
    AtLeast = 1,
    Around = 2,
    AtMost = 3,
    Range = 4,
    Stretch = 5,
}

/// <summary>
/// A number the document states about something: its subject, value and unit, the measure (增长/下降/占/达到),
/// the period, a from-value for 从…到… pairs, a comparison (高于全国0.6个百分点), and for targets the qualifier,
/// an upper value (ranges) and a stretch value (力争).
/// </summary>
public sealed record Figure(
    string Subject,
    decimal Value,
    string Unit,
    string? Measure,
    string? Period,
    FigureQualifier? Qualifier,
    decimal? Upper,
    decimal? Stretch,
    decimal? From,
    string? Comparison,
    FigureKind Kind,
    string Text,
    TextSpan Span,
    TextSpan Sentence);

/// <summary>Everything extracted from one document; every item points back into <see cref="Text"/>.</summary>
public sealed record DocumentExtraction(
    string? Title,
    DocumentDate? Date,
    IReadOnlyList<Person> People,
    IReadOnlyList<Formulation> Terms,
    IReadOnlyList<Directive> Directives,
    IReadOnlyList<Figure> Figures,
    string Text,
    IReadOnlyList<Sentence> Sentences,
    IReadOnlyList<DateOnly> PublicationDates,
    IReadOnlyList<string> Removed,
    string Converter);
