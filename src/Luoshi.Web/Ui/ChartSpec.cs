using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Luoshi.Web.Ui;

/// <summary>
/// What a chart shows, written into the page as a data attribute; wwwroot/js/luoshi.js turns it into an
/// ECharts option so that every chart is styled the same way.
/// </summary>
public sealed record ChartSpec(string Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, string Unit, int Decimals)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>A line over time, or bars of year-on-year change.</summary>
    public const string Line = "line";
    public const string Bars = "bars";

    /// <summary>A small line without axes, beside a headline figure.</summary>
    public const string Spark = "spark";

    /// <summary>Horizontal bars, best first, each coloured by its status (the ranking of cities on an indicator).</summary>
    public const string Ranking = "ranking";

    /// <summary>Horizontal bars, one group per category and one colour per series (main, red, green): counts side by side.</summary>
    public const string Grouped = "grouped";
    /// <summary>Rows (the series, by name) × columns (the categories), each cell shaded by its value; empty cells stay blank.</summary>
    public const string Heatmap = "heatmap";

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <param name="Role">main (the unit shown), peer (a unit compared with), target (a step line of annual targets), expected (the expected-to-date line of a cumulative indicator), change (year-on-year).</param>
/// <param name="Statuses">Per point, the status that colours it (green, yellow, red, grey, none); bars only.</param>
public sealed record ChartSeries(string Name, string Role, IReadOnlyList<decimal?> Data, string? Unit = null, IReadOnlyList<string>? Statuses = null);
