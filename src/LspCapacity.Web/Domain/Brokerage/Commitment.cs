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
        decimal days, decimal dayRate, DateTime now)
    {
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

    #region Delivery and rating (minimal, for fair shares and value for money; the brokerage workflow may extend)

    /// <summary>The provider delivered the work: the days used and the actual cost move it from committed to spent.</summary>
    public void RecordDelivery(decimal daysUsed, decimal actualCost, DateOnly on)
    {
        if (Status == CommitmentStatus.Cancelled)
        {
            throw new DomainException("Cancelled work cannot be delivered.");
        }
        if (daysUsed <= 0)
        {
            throw new DomainException("Enter the days used, more than 0.");
        }
        if (actualCost < 0)
        {
            throw new DomainException("The actual cost cannot be negative.");
        }
        Status = CommitmentStatus.Delivered;
        DaysUsed = daysUsed;
        ActualCost = actualCost;
        DeliveredOn = on;
    }

    /// <summary>The partnership's rating of delivered work, 1 (poor) to 5 (excellent).</summary>
    public void Rate(int rating, string? comment)
    {
        if (Status != CommitmentStatus.Delivered)
        {
            throw new DomainException("Only delivered work can be rated.");
        }
        if (rating is < 1 or > 5)
        {
            throw new DomainException("Choose a rating from 1 to 5.");
        }
        Rating = rating;
        RatingComment = Guard.Optional(comment);
    }

    #endregion
}
