using System.Globalization;

namespace LspCapacity.Web.Infrastructure;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG (Pages/Shared/_BarChart.cshtml): role="img" with a
/// title and a description that reads out every value, each value also written beside its bar, and
/// the same numbers in a table next to it. Negative values grow left of the zero line.
/// </summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<BarChart.Bar> Bars)
{
    public sealed record Bar(string Label, double Value, string Text);

    public const int Width = 640;
    public const int LabelWidth = 250;
    public const int ValueWidth = 90;
    public const int RowHeight = 30;
    public const int BarHeight = 20;
    private const int PlotWidth = Width - LabelWidth - ValueWidth;

    public int Height => Math.Max(1, Bars.Count) * RowHeight + 10;

    /// <summary>Read by screen readers: every bar with its value.</summary>
    public string Description => Bars.Count == 0
        ? "No values to show."
        : string.Join("; ", Bars.Select(b => $"{b.Label}: {b.Text}")) + ".";

    private double Min => Math.Min(0, Bars.Count == 0 ? 0 : Bars.Min(b => b.Value));
    private double Max => Math.Max(0, Bars.Count == 0 ? 0 : Bars.Max(b => b.Value));
    private double Span => Max - Min is var span && span > 0 ? span : 1;

    public double ZeroX => LabelWidth + (0 - Min) / Span * PlotWidth;

    public (double X, double Width) Extent(Bar bar)
    {
        var width = Math.Abs(bar.Value) / Span * PlotWidth;
        return (bar.Value >= 0 ? ZeroX : ZeroX - width, width);
    }

    /// <summary>A label short enough for the chart; the table beside it has the full text.</summary>
    public static string Short(string label) => label.Length <= 34 ? label : label[..33].TrimEnd() + "…";

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
