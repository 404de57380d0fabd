namespace LspCapacity.Web.Domain.Dashboard;

/// <summary>
/// The arithmetic of the dashboard's improvement-project figures: whether a measure reached its target,
/// how far along the way from baseline to target a value is, and when an active project has gone quiet.
/// Pure, so each rule is tested without a database and the page, chart and CSV agree.
/// </summary>
public static class ProjectFigures
{
    /// <summary>An active project with no progress update for this many days has gone quiet.</summary>
    public const int QuietDays = 30;

    public const string QuietRule =
        "An active project has gone quiet when its lead has posted no progress update for 30 days or more (counted from its acceptance when there is none yet).";

    public const string TargetRule =
        "A measure met its target when its final value reached the target in the direction from the baseline (up for a target above the baseline, down for one below it).";

    public const string LinkedRule =
        "A place attended or a placement is linked when it names a supported improvement project of its partnership: the programme's test that all activities link knowledge and best practice with supported local improvement projects.";

    /// <summary>Whether <paramref name="value"/> reached <paramref name="target"/>, moving from <paramref name="baseline"/>.</summary>
    public static bool TargetMet(decimal baseline, decimal target, decimal value) =>
        target >= baseline ? value >= target : value <= target;

    /// <summary>
    /// The share of the way from baseline to target that <paramref name="value"/> has come: 0 at the baseline,
    /// 1 at the target, above 1 beyond it, negative when it went the other way; null when the target is the baseline.
    /// </summary>
    public static double? Progress(decimal baseline, decimal target, decimal value) =>
        target == baseline ? null : (double)((value - baseline) / (target - baseline));

    /// <summary>A measure's value as people enter it: no trailing zeros ("12.5", "40"); "–" when there is none.</summary>
    public static string Number(decimal? value) => value is { } v ? v.ToString("0.##", UkCalendar.Culture) : "–";

    /// <summary>No update for <paramref name="days"/> days or more, counting from acceptance (or registration) when there is none.</summary>
    public static bool IsQuiet(DateOnly? lastUpdateOn, DateOnly acceptedOn, DateOnly today, int days = QuietDays) =>
        (lastUpdateOn ?? acceptedOn).AddDays(days) <= today;
}
