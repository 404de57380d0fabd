namespace LspCapacity.Web.Domain.Brokerage;

public enum CommitmentStatus
{
    /// <summary>Accepted work: its cost is committed against the programme budget.</summary>
    Committed = 1,

    /// <summary>Delivered: its actual cost is spent.</summary>
    Delivered = 2,
    Cancelled = 3,
}

/// <summary>
/// Brokered work a partnership accepted: days from an offer at a cost, committed against the
/// programme's budget; after delivery the days used and actual cost move it from committed to spent.
/// (Shared skeleton: the brokerage work adds the request it came from and behaviour; fair shares and
/// value for money read it.)
/// </summary>
public class Commitment
{
    private Commitment() { }

    public Commitment(int programmeId, int regionId, int partnershipId, int organisationId, int offerId,
        decimal days, decimal dayRate, DateTime now, int? requestId = null)
    {
        if (days <= 0)
        {
            throw new DomainException("The number of days must be more than 0.");
        }
        if (dayRate < 0)
        {
            throw new DomainException("The day rate cannot be negative.");
        }
        RequestId = requestId;
        ProgrammeId = programmeId;
        RegionId = regionId;
        PartnershipId = partnershipId;
        OrganisationId = organisationId;
        OfferId = offerId;
        Days = days;
        DayRate = dayRate;
        CommittedCost = days * dayRate;
        Status = CommitmentStatus.Committed;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public int ProgrammeId { get; private set; }
    public int RegionId { get; private set; }
    public int PartnershipId { get; private set; }
    public int OrganisationId { get; private set; }
    public int OfferId { get; private set; }

    /// <summary>The brokerage request it answers.</summary>
    public int? RequestId { get; private set; }
    public decimal Days { get; private set; }
    public decimal DayRate { get; private set; }
    public decimal CommittedCost { get; private set; }
    public CommitmentStatus Status { get; private set; }
    public DateOnly? DeliveredOn { get; private set; }
    public decimal? DaysUsed { get; private set; }
    public decimal? ActualCost { get; private set; }

    /// <summary>The partnership's rating of the delivered work, 1 (poor) to 5 (excellent).</summary>
    public int? Rating { get; private set; }
    public string? RatingComment { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>What counts against the budget: the actual cost once delivered, the committed cost until then.</summary>
    public decimal Cost => Status switch
    {
        CommitmentStatus.Delivered => ActualCost ?? CommittedCost,
        CommitmentStatus.Cancelled => 0,
        _ => CommittedCost,
    };

    /// <summary>
    /// The work was delivered: the days used and the actual cost (which replaces the committed cost in the
    /// budget). Returns how much the programme's brokered total changes (actual minus committed).
    /// </summary>
    public decimal Deliver(DateOnly deliveredOn, decimal daysUsed, decimal actualCost, DateOnly today)
    {
        if (Status != CommitmentStatus.Committed)
        {
            throw new DomainException(Status == CommitmentStatus.Delivered ? "The delivery has already been recorded." : "Cancelled work cannot be delivered.");
        }
        if (daysUsed <= 0)
        {
            throw new DomainException("The days used must be more than 0.");
        }
        if (actualCost < 0)
        {
            throw new DomainException("The actual cost cannot be negative.");
        }
        if (deliveredOn > today)
        {
            throw new DomainException("The delivery date cannot be in the future.");
        }
        var before = Cost;
        Status = CommitmentStatus.Delivered;
        DeliveredOn = deliveredOn;
        DaysUsed = daysUsed;
        ActualCost = actualCost;
        return Cost - before;
    }

    /// <summary>The partnership rates the delivered work, once: 1 (poor) to 5 (excellent).</summary>
    public void Rate(int rating, string? comment)
    {
        if (Status != CommitmentStatus.Delivered)
        {
            throw new DomainException("Only delivered work can be rated.");
        }
        if (Rating is not null)
        {
            throw new DomainException("The work has already been rated.");
        }
        if (rating is < 1 or > 5)
        {
            throw new DomainException("Choose a rating from 1 to 5.");
        }
        Rating = rating;
        RatingComment = Guard.Optional(comment);
    }

    /// <summary>Cancels work not yet delivered; returns how much the programme's brokered total changes (minus the committed cost).</summary>
    public decimal Cancel()
    {
        if (Status != CommitmentStatus.Committed)
        {
            throw new DomainException("Only work not yet delivered can be cancelled.");
        }
        var before = Cost;
        Status = CommitmentStatus.Cancelled;
        return -before;
    }
}
