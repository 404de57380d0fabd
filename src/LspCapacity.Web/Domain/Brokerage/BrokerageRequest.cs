namespace LspCapacity.Web.Domain.Brokerage;

public enum BrokerageRequestStatus
{
    /// <summary>Asked for: waiting for the region's broker.</summary>
    Received = 1,

    /// <summary>The broker recommended one offer: waiting for the partnership's decision.</summary>
    Recommended = 2,

    /// <summary>The partnership asked the broker again, with its reason.</summary>
    AskedAgain = 3,

    /// <summary>The partnership accepted: the work is committed against the programme budget.</summary>
    Accepted = 4,
    Delivered = 5,
    Rated = 6,
    Withdrawn = 7,
}

/// <summary>
/// A partnership's request for bespoke support against a need (a theme it rated in the needs analysis) or
/// one of its improvement projects: what, wanted by when, and the most it may cost. The region's broker
/// recommends one offer of the register with the reasoning and the quotes compared; the partnership
/// accepts before the recommendation expires (the work becomes a <see cref="Commitment"/>) or asks again.
/// </summary>
public class BrokerageRequest
{
    private BrokerageRequest() { }

    public BrokerageRequest(int regionId, int partnershipId, string requestedById, int? needThemeId, int? projectId,
        string what, DateOnly wantedBy, decimal budgetCeiling, DateOnly today, DateTime now)
    {
        if (needThemeId is null && projectId is null)
        {
            throw new DomainException("Choose the need or the improvement project the support is for.");
        }
        if (budgetCeiling < 0)
        {
            throw new DomainException("The budget ceiling cannot be negative.");
        }
        if (wantedBy < today)
        {
            throw new DomainException("The date the support is wanted by must be today or later.");
        }
        RegionId = regionId;
        PartnershipId = partnershipId;
        RequestedById = Guard.Required(requestedById, "The person asking");
        NeedThemeId = needThemeId;
        ProjectId = projectId;
        What = Guard.Required(what, "What support is needed");
        WantedBy = wantedBy;
        BudgetCeiling = budgetCeiling;
        Status = BrokerageRequestStatus.Received;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public int PartnershipId { get; private set; }
    public string RequestedById { get; private set; } = "";

    /// <summary>The theme of the need the support answers (rated by the partnership in the needs analysis).</summary>
    public int? NeedThemeId { get; private set; }

    /// <summary>The partnership's improvement project the support serves.</summary>
    public int? ProjectId { get; private set; }
    public string What { get; private set; } = "";
    public DateOnly WantedBy { get; private set; }

    /// <summary>The most the partnership expects the work to cost, in pounds.</summary>
    public decimal BudgetCeiling { get; private set; }
    public BrokerageRequestStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    // The recommendation (the latest one; asking again keeps it on record until the next).
    public string? BrokerId { get; private set; }
    public int? OfferId { get; private set; }
    public int? OrganisationId { get; private set; }
    public decimal? Days { get; private set; }
    public decimal? DayRate { get; private set; }
    public string? Reasoning { get; private set; }

    /// <summary>The other quotes the broker compared, as they recorded them.</summary>
    public string? QuotesCompared { get; private set; }
    public DateOnly? ValidUntil { get; private set; }
    public DateTime? RecommendedAt { get; private set; }

    // The partnership's decision.
    public string? DecidedById { get; private set; }
    public DateTime? DecidedAt { get; private set; }

    /// <summary>Why the partnership asked the broker again.</summary>
    public string? AskedAgainReason { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }

    public decimal? RecommendedCost => Days * DayRate;

    public bool IsOpen => Status is BrokerageRequestStatus.Received or BrokerageRequestStatus.Recommended or BrokerageRequestStatus.AskedAgain;

    /// <summary>
    /// The broker recommends one offer: days at a day rate (the offer's, or the quote agreed), the reasoning, the
    /// other quotes compared and how long the recommendation stands. Never work with an organisation the broker
    /// declared an interest in; never more days than the offer has left, nor more than the ceiling.
    /// </summary>
    public void Recommend(string brokerId, int offerId, int organisationId, string organisationName, decimal days, decimal dayRate,
        string reasoning, string? quotesCompared, DateOnly validUntil, IReadOnlyCollection<int> declaredOrganisationIds,
        decimal daysLeftOnOffer, DateOnly today, DateTime now)
    {
        if (Status is not (BrokerageRequestStatus.Received or BrokerageRequestStatus.AskedAgain))
        {
            throw new DomainException(Status == BrokerageRequestStatus.Recommended
                ? "A recommendation is already waiting for the partnership's decision."
                : "This request is closed: it can no longer be recommended.");
        }
        if (declaredOrganisationIds.Contains(organisationId))
        {
            throw new DomainException(
                $"You declared an interest in {organisationName}: you cannot place work with it. Recommend another offer, or ask the coordinator for another broker.");
        }
        if (days <= 0)
        {
            throw new DomainException("The number of days must be more than 0.");
        }
        if (dayRate < 0)
        {
            throw new DomainException("The day rate cannot be negative.");
        }
        if (days > daysLeftOnOffer)
        {
            throw new DomainException($"The offer has {daysLeftOnOffer:0.##} days left this programme year: recommend {daysLeftOnOffer:0.##} days or fewer.");
        }
        if (days * dayRate > BudgetCeiling)
        {
            throw new DomainException($"{days:0.##} days at £{dayRate:#,0.##} cost £{days * dayRate:#,0.##}, over the partnership's ceiling of £{BudgetCeiling:#,0.##}.");
        }
        if (validUntil < today)
        {
            throw new DomainException("The recommendation must be valid until today or later.");
        }
        BrokerId = Guard.Required(brokerId, "Broker");
        OfferId = offerId;
        OrganisationId = organisationId;
        Days = days;
        DayRate = dayRate;
        Reasoning = Guard.Required(reasoning, "The reasoning");
        QuotesCompared = Guard.Optional(quotesCompared);
        ValidUntil = validUntil;
        RecommendedAt = now;
        Status = BrokerageRequestStatus.Recommended;
        UpdatedAt = now;
    }

    /// <summary>The partnership accepts the recommendation while it stands; the page commits the work against the budget.</summary>
    public void Accept(string personId, DateOnly today, DateTime now)
    {
        if (Status != BrokerageRequestStatus.Recommended)
        {
            throw new DomainException("There is no recommendation waiting for a decision.");
        }
        if (ValidUntil < today)
        {
            throw new DomainException($"The recommendation expired on {ValidUntil:d MMMM yyyy}: ask the broker again for a fresh one.");
        }
        DecidedById = personId;
        DecidedAt = now;
        AskedAgainReason = null;
        Status = BrokerageRequestStatus.Accepted;
        UpdatedAt = now;
    }

    /// <summary>The partnership sends the request back to the broker, saying why.</summary>
    public void AskAgain(string personId, string reason, DateTime now)
    {
        if (Status != BrokerageRequestStatus.Recommended)
        {
            throw new DomainException("There is no recommendation waiting for a decision.");
        }
        AskedAgainReason = Guard.Required(reason, "Why you are asking again");
        DecidedById = personId;
        DecidedAt = now;
        Status = BrokerageRequestStatus.AskedAgain;
        UpdatedAt = now;
    }

    public void Withdraw(DateTime now)
    {
        if (!IsOpen)
        {
            throw new DomainException("Only a request that has not been accepted can be withdrawn.");
        }
        Status = BrokerageRequestStatus.Withdrawn;
        WithdrawnAt = now;
        UpdatedAt = now;
    }

    /// <summary>The committed work was delivered (see <see cref="Commitment.Deliver"/>).</summary>
    public void MarkDelivered(DateTime now)
    {
        if (Status != BrokerageRequestStatus.Accepted)
        {
            throw new DomainException("Only accepted work can be delivered.");
        }
        Status = BrokerageRequestStatus.Delivered;
        UpdatedAt = now;
    }

    /// <summary>The partnership rated the delivered work (see <see cref="Commitment.Rate"/>).</summary>
    public void MarkRated(DateTime now)
    {
        if (Status != BrokerageRequestStatus.Delivered)
        {
            throw new DomainException("Only delivered work can be rated.");
        }
        Status = BrokerageRequestStatus.Rated;
        UpdatedAt = now;
    }

    /// <summary>The accepted work was cancelled before delivery: the request closes.</summary>
    public void CommitmentCancelled(DateTime now)
    {
        if (Status != BrokerageRequestStatus.Accepted)
        {
            throw new DomainException("Only accepted work can be cancelled.");
        }
        Status = BrokerageRequestStatus.Withdrawn;
        WithdrawnAt = now;
        UpdatedAt = now;
    }
}

/// <summary>An organisation a broker is linked to: they may never place work with it.</summary>
public class BrokerInterest
{
    private BrokerInterest() { }

    public BrokerInterest(string brokerId, int organisationId, string? note, DateTime now)
    {
        BrokerId = Guard.Required(brokerId, "Broker");
        OrganisationId = organisationId;
        Note = Guard.Optional(note);
        DeclaredAt = now;
    }

    public int Id { get; private set; }
    public string BrokerId { get; private set; } = "";
    public int OrganisationId { get; private set; }

    /// <summary>How the broker is linked to the organisation.</summary>
    public string? Note { get; private set; }
    public DateTime DeclaredAt { get; private set; }
}
