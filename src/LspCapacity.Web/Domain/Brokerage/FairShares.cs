namespace LspCapacity.Web.Domain.Brokerage;

/// <summary>How a programme's support budget is divided into fair shares.</summary>
public enum FairShareBasis
{
    /// <summary>The budget divided equally between the region's active partnerships.</summary>
    Equal = 1,

    /// <summary>The budget divided in proportion to each partnership's weight: need and deprivation (NRF).</summary>
    Weighted = 2,
}

/// <summary>
/// A programme's fair-share rule (stored on the programme, changed by the region's coordinator).
/// Under <see cref="FairShareBasis.Weighted"/> a partnership's weight is
/// <c>1 + HighNeedWeight × (themes of high need) + MediumNeedWeight × (themes of medium need)</c>,
/// raised by <see cref="NrfUpliftPercent"/> per cent when it receives Neighbourhood Renewal Fund; its share
/// is the budget × its weight ÷ the sum of every partnership's weight. Needs come from the region's latest
/// needs survey with submitted answers; a partnership that has not answered weighs 1 (or the NRF uplift of 1).
/// A partnership is <em>far below</em> its share when what it has received is under <see cref="FarBelowPercent"/>
/// per cent of its share of the support given so far (see <see cref="FairShares"/>).
/// </summary>
public sealed class FairShareRule
{
    public const decimal MaximumWeight = 100m;
    public const decimal MaximumUpliftPercent = 1000m;

    private FairShareRule() { }

    public FairShareRule(FairShareBasis basis, decimal highNeedWeight, decimal mediumNeedWeight, decimal nrfUpliftPercent, int farBelowPercent)
    {
        if (!Enum.IsDefined(basis))
        {
            throw new DomainException("Choose how the budget is shared.");
        }
        Basis = basis;
        HighNeedWeight = Weight(highNeedWeight, "The weight of a high-need theme");
        MediumNeedWeight = Weight(mediumNeedWeight, "The weight of a medium-need theme");
        if (nrfUpliftPercent < 0 || nrfUpliftPercent > MaximumUpliftPercent)
        {
            throw new DomainException($"The uplift for a Neighbourhood Renewal Fund area must be between 0 and {MaximumUpliftPercent:0} per cent.");
        }
        NrfUpliftPercent = nrfUpliftPercent;
        if (farBelowPercent is < 1 or > 100)
        {
            throw new DomainException("“Far below” must be between 1 and 100 per cent of the share.");
        }
        FarBelowPercent = farBelowPercent;
    }

    /// <summary>
    /// The default: weighted, a high-need theme 1, a medium-need theme 0.5, NRF areas 50% more, far below under
    /// half the share. A partnership with 3 high needs in an NRF area weighs (1 + 3) × 1.5 = 6, six times one with none.
    /// </summary>
    public static FairShareRule Default => new(FairShareBasis.Weighted, 1m, 0.5m, 50m, 50);

    public FairShareBasis Basis { get; private set; }
    public decimal HighNeedWeight { get; private set; }
    public decimal MediumNeedWeight { get; private set; }
    public decimal NrfUpliftPercent { get; private set; }
    public int FarBelowPercent { get; private set; }

    /// <summary>A partnership's weight under this rule (1 for everyone under an equal share).</summary>
    public decimal WeightOf(bool receivesNrf, int highNeedThemes, int mediumNeedThemes)
    {
        if (Basis == FairShareBasis.Equal)
        {
            return 1m;
        }
        var weight = 1m + HighNeedWeight * highNeedThemes + MediumNeedWeight * mediumNeedThemes;
        return receivesNrf ? weight * (1m + NrfUpliftPercent / 100m) : weight;
    }

    private static decimal Weight(decimal value, string name)
    {
        if (value < 0)
        {
            throw new DomainException($"{name} cannot be negative.");
        }
        if (value > MaximumWeight)
        {
            throw new DomainException($"{name} must be {MaximumWeight:0} or less.");
        }
        return value;
    }
}

/// <summary>One partnership as the fair-share arithmetic sees it; <paramref name="Received"/> is its support, costed.</summary>
public sealed record FairShareInput(int PartnershipId, bool ReceivesNrf, int HighNeedThemes, int MediumNeedThemes, decimal Received);

/// <param name="Share">Its fair share of the budget, to the penny.</param>
/// <param name="ShareToDate">Its fair share of the support given so far (every partnership's received), to the penny.</param>
public sealed record FairShareLine(int PartnershipId, decimal Weight, decimal Share, decimal ShareToDate, decimal Received, bool FarBelow)
{
    /// <summary>Received less the fair share of the budget: negative while the partnership has had less than its share.</summary>
    public decimal Gap => Received - Share;
}

/// <summary>The fair-share arithmetic: pure, so its rules are tested with hand-worked values.</summary>
public static class FairShares
{
    public const string ShareRule =
        "A partnership's fair share is the programme budget × its weight ÷ the weights of all the region's active partnerships added together.";

    public const string FarBelowRule =
        "A partnership is flagged far below its share when what it has received is under the rule's percentage of its share of the support given so far "
        + "(everything every partnership has received, divided by the same weights): early in the year every partnership is below its share of the whole "
        + "budget, so the flag compares partnerships with each other.";

    public static IReadOnlyList<FairShareLine> Calculate(FairShareRule rule, decimal budget, IReadOnlyList<FairShareInput> partnerships)
    {
        var weights = partnerships.Select(p => rule.WeightOf(p.ReceivesNrf, p.HighNeedThemes, p.MediumNeedThemes)).ToList();
        var totalWeight = weights.Sum();
        var given = partnerships.Sum(p => p.Received);
        return partnerships.Select((p, i) =>
        {
            var fraction = totalWeight == 0 ? 0 : weights[i] / totalWeight;
            var share = Penny(budget * fraction);
            var toDate = Penny(given * fraction);
            var farBelow = toDate > 0 && p.Received * 100 < toDate * rule.FarBelowPercent;
            return new FairShareLine(p.PartnershipId, weights[i], share, toDate, p.Received, farBelow);
        }).ToList();
    }

    /// <summary>Placement hours costed at the configured value of an hour, to the penny.</summary>
    public static decimal PlacementValue(int minutes, decimal hourlyValue) => Penny(minutes * hourlyValue / 60m);

    public static decimal Penny(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
