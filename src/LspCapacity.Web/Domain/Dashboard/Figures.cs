using LspCapacity.Web.Domain.Needs;

namespace LspCapacity.Web.Domain.Dashboard;

/// <summary>
/// The arithmetic behind the programme dashboard, in one place so every page, chart and CSV gives the
/// same number and each rule can be tested without a database.
/// </summary>
public static class Figures
{
    /// <summary>A share of a whole from 0 to 1 (fill rate, response rate, coverage); null when the whole is nothing.</summary>
    public static double? Rate(int part, int whole) => whole <= 0 ? null : (double)part / whole;

    /// <summary>A rate as a whole percentage, rounded half away from zero ("40%"); "–" when there is no rate.</summary>
    public static string Percent(double? rate) =>
        rate is { } r ? Math.Round(r * 100, MidpointRounding.AwayFromZero).ToString("0", UkCalendar.Culture) + "%" : "–";

    /// <summary>Total cost divided by the places attended, to the penny; null when nobody attended.</summary>
    public static decimal? CostPerAttendedPlace(decimal totalCost, int attendedPlaces) =>
        attendedPlaces <= 0 ? null : Math.Round(totalCost / attendedPlaces, 2, MidpointRounding.AwayFromZero);

    /// <summary>The budget left once what is committed and what is spent are taken off (negative when overspent).</summary>
    public static decimal Remaining(decimal budget, decimal committed, decimal spent) => budget - committed - spent;

    /// <summary>Placement session minutes as hours.</summary>
    public static double Hours(int minutes) => minutes / 60.0;

    public static string Money(decimal? amount) => amount is { } a ? a.ToString("C2", UkCalendar.Culture) : "–";

    public static string OneDecimal(double? value) => value is { } v ? v.ToString("0.0", UkCalendar.Culture) : "–";

    /// <summary>A change with its sign: "+1.5", "−0.5", "0.0".</summary>
    public static string Signed(double? change) => change switch
    {
        null => "–",
        > 0 and var c when Math.Round(c, 1) > 0 => "+" + c.ToString("0.0", UkCalendar.Culture),
        < 0 and var c when Math.Round(c, 1) < 0 => "−" + Math.Abs(c).ToString("0.0", UkCalendar.Culture),
        _ => "0.0",
    };
}

/// <summary>
/// Equity: does a partnership with a high need take part in the programme? A partnership's
/// <em>engagements</em> are its places attended at activities, its placements (mentoring, coaching,
/// shadowing, secondment) and the peer reviews it hosted. Fewer than <see cref="LowParticipationBelow"/>
/// engagements is low participation; a high need with low participation is flagged.
/// </summary>
public static class Equity
{
    public const int LowParticipationBelow = 2;

    public const string LowParticipationRule =
        "Low participation means fewer than 2 engagements, where an engagement is one place attended at an activity, one placement (mentoring, coaching, shadowing or secondment) or one peer review hosted.";

    public const string NeedRule =
        "A partnership's need level is its highest need in any theme in the latest needs survey with submitted answers (a theme's mean capacity rating of 2.5 or less is a high need, up to 3.5 a medium need).";

    /// <param name="reviews">Peer reviews hosted, at any stage.</param>
    public static int Engagements(int attendedPlaces, int placements, int reviews) => attendedPlaces + placements + reviews;

    public static bool IsLowParticipation(int engagements) => engagements < LowParticipationBelow;

    /// <summary>
    /// Low participation as the participation page and its CSV show it: judged only against a known need, so a
    /// partnership that has not answered the survey is neither flagged nor called out (null: not judged).
    /// </summary>
    public static bool? IsLowParticipationAgainstNeed(NeedLevel? need, int engagements) => need is null ? null : IsLowParticipation(engagements);

    /// <summary>A need level in words, the same on the pages and in the CSV.</summary>
    public static string NeedText(NeedLevel? need) => need?.ToString() ?? "No answer";

    /// <summary>A partnership is flagged when its need is high and its participation low.</summary>
    public static bool IsFlagged(NeedLevel? need, int engagements) => need == NeedLevel.High && IsLowParticipation(engagements);

    /// <summary>The most pressing of a partnership's theme needs; null when it has not answered.</summary>
    public static NeedLevel? HighestNeed(IEnumerable<NeedLevel> themeNeeds) =>
        themeNeeds.Select(n => (NeedLevel?)n).DefaultIfEmpty(null).Max();
}
