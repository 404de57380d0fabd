using LspCapacity.Web.Infrastructure;

namespace LspCapacity.Web.Pages.Projects;

/// <summary>
/// One measure's story as points: the baseline, every value reported, the final value, the target. The chart
/// and the table beside it are both drawn from <see cref="Points"/>, so they cannot disagree.
/// </summary>
public sealed record MeasureSeries(int MeasureId, string Name, string Unit, IReadOnlyList<MeasureSeries.Point> Points)
{
    public sealed record Point(string Label, DateOnly On, decimal Value);

    public static MeasureSeries For(DetailsModel.MeasureRow measure, IEnumerable<(DateOnly On, decimal Value)> readings)
    {
        var points = new List<Point> { new("Baseline", measure.BaselineOn, measure.BaselineValue) };
        points.AddRange(readings.OrderBy(r => r.On).Select(r => new Point("Reported", r.On, r.Value)));
        if (measure.FinalValue is { } final)
        {
            points.Add(new Point("Final", points[^1].On, final));
        }
        points.Add(new Point("Target", measure.TargetOn, measure.TargetValue));
        return new MeasureSeries(measure.Id, measure.Name, measure.Unit, points);
    }

    public static string Value(decimal value, string unit) =>
        unit is "%" ? $"{ProjectInput.Number(value)}%" : $"{ProjectInput.Number(value)} {unit}";

    public BarChart Chart() => new($"measure-{MeasureId}", $"{Name} ({Unit})",
        Points.Select(p => new BarChart.Bar($"{p.Label}, {UkTime.Date(p.On)}", (double)p.Value, Value(p.Value, Unit))).ToList());
}
