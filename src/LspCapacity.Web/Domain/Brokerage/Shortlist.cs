namespace LspCapacity.Web.Domain.Brokerage;

/// <summary>An offer of the region's register, as the shortlist weighs it.</summary>
/// <param name="DayRate">Pounds per day; null when free.</param>
/// <param name="DaysCommitted">Days of the offer already committed (not cancelled) this programme year.</param>
/// <param name="AverageRating">The provider's mean rating (1–5) over its delivered, rated commitments; null when none.</param>
public sealed record OfferCandidate(int OfferId, int OrganisationId, string Organisation, string Title, OfferKind Kind,
    IReadOnlyCollection<int> ThemeIds, decimal? DayRate, decimal DaysAvailable, decimal DaysCommitted, double? AverageRating,
    int Ratings, bool Declared)
{
    public decimal DaysLeft => Math.Max(0, DaysAvailable - DaysCommitted);
}

/// <summary>One reason on the shortlist, for or against (<see cref="Good"/>).</summary>
public sealed record ShortlistReason(string Heading, string Text, bool Good);

/// <summary>A ranked offer: its place, score (0–100), whether the broker may recommend it, and the reasons.</summary>
public sealed record ShortlistEntry(int Rank, OfferCandidate Offer, int Score, bool Recommendable, IReadOnlyList<ShortlistReason> Reasons);

/// <summary>
/// Ranks the region's offers for a request, with reasons, so the broker's choice is on record:
/// theme fit (of the need or the project's themes), cost per day against the ceiling, the provider's
/// past ratings, availability (days left) and the partnership's fair-share position (the same for every
/// offer: it says how much the partnership has had, not which offer suits). Offers the broker declared
/// an interest in, with no days left or with no theme in common go last and cannot be recommended.
/// </summary>
public static class Shortlist
{
    // Weights of the score (out of 100).
    public const int FitWeight = 40;
    public const int CostWeight = 25;
    public const int RatingWeight = 20;
    public const int AvailabilityWeight = 15;

    /// <summary>Days left at which availability counts in full.</summary>
    public const decimal AmpleDays = 10;

    public static IReadOnlyList<ShortlistEntry> Rank(IReadOnlyCollection<int> wantedThemeIds, decimal budgetCeiling,
        IEnumerable<OfferCandidate> candidates, string fairSharePosition)
    {
        var list = candidates.ToList();
        var paidRates = list.Where(c => c.DayRate is > 0).Select(c => c.DayRate!.Value).ToList();
        var cheapest = paidRates.Count == 0 ? 0 : paidRates.Min();
        var scored = list.Select(c => Score(c, wantedThemeIds, budgetCeiling, cheapest, fairSharePosition)).ToList();
        return scored
            .OrderByDescending(s => s.Recommendable).ThenByDescending(s => s.Score).ThenBy(s => s.Offer.DayRate ?? 0).ThenBy(s => s.Offer.OfferId)
            .Select((s, i) => s with { Rank = i + 1 })
            .ToList();
    }

    /// <summary>The share of the wanted themes the offer covers (0–1); 0 when nothing is wanted.</summary>
    public static double Fit(IReadOnlyCollection<int> wanted, IReadOnlyCollection<int> offered) =>
        wanted.Count == 0 ? 0 : (double)wanted.Count(offered.Contains) / wanted.Count;

    /// <summary>How many days the ceiling buys at the day rate; null when free (no limit).</summary>
    public static decimal? DaysAffordable(decimal budgetCeiling, decimal? dayRate) =>
        dayRate is null or 0 ? null : Math.Floor(budgetCeiling / dayRate.Value * 10) / 10;

    private static ShortlistEntry Score(OfferCandidate c, IReadOnlyCollection<int> wanted, decimal ceiling, decimal cheapest, string fairShare)
    {
        var reasons = new List<ShortlistReason>();
        var fit = Fit(wanted, c.ThemeIds);
        var matched = wanted.Count(c.ThemeIds.Contains);
        reasons.Add(new ShortlistReason("Theme fit", fit == 0
            ? "None of the themes asked for."
            : $"{matched} of {wanted.Count} theme{(wanted.Count == 1 ? "" : "s")} asked for.", fit > 0));

        double cost;
        var affordable = DaysAffordable(ceiling, c.DayRate);
        if (affordable is null)
        {
            cost = 1;
            reasons.Add(new ShortlistReason("Cost per day", "Free.", true));
        }
        else if (affordable < 1)
        {
            cost = 0;
            reasons.Add(new ShortlistReason("Cost per day", $"£{c.DayRate:#,0.##} a day: over the ceiling of £{ceiling:#,0.##} for a single day.", false));
        }
        else
        {
            cost = (double)(cheapest / c.DayRate!.Value);
            reasons.Add(new ShortlistReason("Cost per day",
                $"£{c.DayRate:#,0.##} a day: the ceiling of £{ceiling:#,0.##} buys {affordable:0.#} days.", c.DayRate == cheapest));
        }

        var rating = c.AverageRating is { } r ? (r - 1) / 4 : 0.5;
        reasons.Add(c.AverageRating is { } average
            ? new ShortlistReason("Past ratings", $"{average:0.0} out of 5 from {c.Ratings} delivered piece{(c.Ratings == 1 ? "" : "s")} of work.", average >= 3.5)
            : new ShortlistReason("Past ratings", "No rated work yet.", false));

        var availability = c.DaysLeft <= 0 ? 0 : (double)Math.Min(1, c.DaysLeft / AmpleDays);
        reasons.Add(new ShortlistReason("Availability", c.DaysLeft <= 0
            ? $"No days left: all {c.DaysAvailable:0.##} committed."
            : $"{c.DaysLeft:0.##} of {c.DaysAvailable:0.##} days left.", c.DaysLeft > 0));

        reasons.Add(new ShortlistReason("Fair share", fairShare, true));
        if (c.Declared)
        {
            reasons.Add(new ShortlistReason("Declared interest", "You declared an interest in this organisation: you cannot recommend it.", false));
        }

        var score = (int)Math.Round(fit * FitWeight + cost * CostWeight + rating * RatingWeight + availability * AvailabilityWeight);
        var recommendable = !c.Declared && c.DaysLeft > 0 && fit > 0;
        return new ShortlistEntry(0, c, score, recommendable, reasons);
    }
}

/// <summary>
/// The partnership's fair-share position, as one reason on the shortlist: how what it has received
/// compares with its share of the programme's support. Worked out by the fair-shares module.
/// </summary>
public interface IFairSharePosition
{
    Task<string> DescribeAsync(int partnershipId, CancellationToken cancellationToken);
}
