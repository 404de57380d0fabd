using System.Globalization;

namespace LspCapacity.Web.Infrastructure;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG (Pages/Shared/_BarChart.cshtml): role="img" with a
/// title and a description that reads out every value, each value also written beside its bar, and
/// the same numbers in a table next to it. Negative values grow left of the zero line.
///
/// It is never scaled: there is no viewBox, the SVG is as wide as its column and every horizontal position
/// is a percentage of that width, so its text is drawn at <see cref="FontSize"/> px whatever the column's
/// width (half a page, a whole page, a phone). Each row is the label with its value at the right-hand end,
/// and the bar on a line of its own below them, so neither is ever pushed off the edge by a long bar.
/// </summary>
public sealed class BarChart(string id, string title, IReadOnlyList<BarChart.Bar> bars)
{
    public sealed record Bar(string Label, double Value, string Text);

    public string Id { get; } = id;
    public string Title { get; } = title;
    public IReadOnlyList<Bar> Bars { get; } = bars;

    /// <summary>Text size in CSS pixels as displayed (GOV.UK's smallest body text).</summary>
    public const int FontSize = 16;

    public const int RowHeight = 54;
    public const int BarHeight = 18;

    /// <summary>Baseline of the label and value within a row.</summary>
    public const int TextBaseline = 18;

    /// <summary>Top of the bar within a row, below the text.</summary>
    public const int BarTop = 26;

    public int Height => Math.Max(1, Bars.Count) * RowHeight;

    /// <summary>Read by screen readers: every bar with its value.</summary>
    public string Description => Bars.Count == 0
        ? "No values to show."
        : string.Join("; ", Bars.Select(b => $"{b.Label}: {b.Text}")) + ".";

    // Worked out once: each bar's extent needs them (read afresh for every bar, they were a pass over every bar per bar).
    private readonly double _min = Math.Min(0, bars.Count == 0 ? 0 : bars.Min(b => b.Value));
    private readonly double _max = Math.Max(0, bars.Count == 0 ? 0 : bars.Max(b => b.Value));

    private double Span => _max - _min is var span && span > 0 ? span : 1;

    /// <summary>The zero line, in per cent of the chart's width.</summary>
    public double ZeroX => (0 - _min) / Span * 100;

    /// <summary>Where a bar starts and how wide it is, in per cent of the chart's width.</summary>
    public (double X, double Width) Extent(Bar bar)
    {
        var width = Math.Abs(bar.Value) / Span * 100;
        return (bar.Value >= 0 ? ZeroX : ZeroX - width, width);
    }

    /// <summary>A label short enough to share its line with the value; the table beside it has the full text.</summary>
    public static string Short(string label) => label.Length <= 34 ? label : label[..33].TrimEnd() + "…";

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A percentage of the chart's width, as an SVG length.</summary>
    public static string Percent(double value) => N(value) + "%";
}
