using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Activities;

/// <summary>The scheduling form, shared by Create and Edit. Dates and times are entered in UK time.</summary>
public class ActivityInput
{
    [Required(ErrorMessage = "Select the kind of activity")]
    [EnumDataType(typeof(ActivityKind), ErrorMessage = "Select the kind of activity")]
    [Display(Name = "kind of activity")]
    public ActivityKind? Kind { get; set; }

    [Required(ErrorMessage = "Enter a title")]
    [StringLength(200, ErrorMessage = "Title must be 200 characters or fewer")]
    public string Title { get; set; } = "";

    [StringLength(4000, ErrorMessage = "Description must be 4,000 characters or fewer")]
    public string? Description { get; set; }

    [Display(Name = "themes")]
    public List<int> ThemeIds { get; set; } = [];

    [Required(ErrorMessage = "Enter the date it starts")]
    [Display(Name = "start date")]
    public DateOnly? StartDate { get; set; }

    [Required(ErrorMessage = "Enter the time it starts")]
    [Display(Name = "start time")]
    public TimeOnly? StartTime { get; set; }

    [Required(ErrorMessage = "Enter the date it ends")]
    [Display(Name = "end date")]
    public DateOnly? EndDate { get; set; }

    [Required(ErrorMessage = "Enter the time it ends")]
    [Display(Name = "end time")]
    public TimeOnly? EndTime { get; set; }

    [StringLength(300, ErrorMessage = "Venue must be 300 characters or fewer")]
    public string? Venue { get; set; }

    [Display(Name = "host partnership")]
    public int? HostPartnershipId { get; set; }

    [Required(ErrorMessage = "Enter how many places there are")]
    [Range(1, 10000, ErrorMessage = "Capacity must be between 1 and 10,000")]
    [Display(Name = "capacity")]
    public int? Capacity { get; set; }

    [Range(1, 10000, ErrorMessage = "Places per partnership must be 1 or more")]
    [Display(Name = "places per partnership")]
    public int? PartnershipCap { get; set; }

    [Required(ErrorMessage = "Enter the date booking opens")]
    [Display(Name = "booking opens")]
    public DateOnly? BookingOpens { get; set; }

    [Required(ErrorMessage = "Enter the date booking closes")]
    [Display(Name = "booking closes")]
    public DateOnly? BookingCloses { get; set; }

    [Required(ErrorMessage = "Select how places are given")]
    [EnumDataType(typeof(BookingMode), ErrorMessage = "Select how places are given")]
    [Display(Name = "booking mode")]
    public BookingMode? Mode { get; set; }

    [Display(Name = "priority window end")]
    public DateOnly? PriorityUntil { get; set; }

    [Display(Name = "priority partnerships")]
    public List<int> PriorityPartnershipIds { get; set; } = [];

    [Range(1, 10000, ErrorMessage = "The minimum number must be 1 or more")]
    [Display(Name = "minimum number")]
    public int? MinimumNumber { get; set; }

    [Display(Name = "minimum number cut-off")]
    public DateOnly? MinimumCutoff { get; set; }

    [Range(typeof(decimal), "0", "10000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Enter a venue cost of £0 or more")]
    [Display(Name = "venue cost")]
    public decimal? VenueCost { get; set; }

    [Range(typeof(decimal), "0", "10000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Enter a speakers cost of £0 or more")]
    [Display(Name = "speakers cost")]
    public decimal? SpeakersCost { get; set; }

    [Range(typeof(decimal), "0", "10000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Enter a travel cost of £0 or more")]
    [Display(Name = "travel cost")]
    public decimal? TravelCost { get; set; }

    [Range(typeof(decimal), "0", "10000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "Enter other costs of £0 or more")]
    [Display(Name = "other costs")]
    public decimal? OtherCost { get; set; }

    [StringLength(300, ErrorMessage = "The description of other costs must be 300 characters or fewer")]
    public string? OtherCostDescription { get; set; }

    public static ActivityInput From(Activity a) => new()
    {
        Kind = a.Kind,
        Title = a.Title,
        Description = a.Description,
        ThemeIds = a.Themes.Select(t => t.ThemeId).ToList(),
        StartDate = DateOnly.FromDateTime(UkTime.ToUk(a.StartsAt)),
        StartTime = TimeOnly.FromDateTime(UkTime.ToUk(a.StartsAt)),
        EndDate = DateOnly.FromDateTime(UkTime.ToUk(a.EndsAt)),
        EndTime = TimeOnly.FromDateTime(UkTime.ToUk(a.EndsAt)),
        Venue = a.Venue,
        HostPartnershipId = a.HostPartnershipId,
        Capacity = a.Capacity,
        PartnershipCap = a.PartnershipCap,
        BookingOpens = DateOnly.FromDateTime(UkTime.ToUk(a.BookingOpensAt)),
        BookingCloses = DateOnly.FromDateTime(UkTime.ToUk(a.BookingClosesAt.AddTicks(-1))),
        Mode = a.Mode,
        PriorityUntil = a.PriorityUntil is { } p ? DateOnly.FromDateTime(UkTime.ToUk(p)) : null,
        PriorityPartnershipIds = a.PriorityPartnerships.Select(p => p.PartnershipId).ToList(),
        MinimumNumber = a.MinimumNumber,
        MinimumCutoff = a.MinimumCutoff is { } c ? DateOnly.FromDateTime(UkTime.ToUk(c)) : null,
        VenueCost = Cost(a, CostCategory.Venue),
        SpeakersCost = Cost(a, CostCategory.Speakers),
        TravelCost = Cost(a, CostCategory.Travel),
        OtherCost = Cost(a, CostCategory.Other),
        OtherCostDescription = a.Costs.FirstOrDefault(c => c.Category == CostCategory.Other)?.Description,
    };

    private static decimal? Cost(Activity a, CostCategory category) =>
        a.Costs.Where(c => c.Category == category).Select(c => (decimal?)c.Amount).FirstOrDefault();

    /// <summary>The details in UTC. Booking opens at the start of its day and closes at the end of its day, or at the start.</summary>
    public ActivityDetails ToDetails()
    {
        var starts = UkTime.ToUtc(StartDate!.Value.ToDateTime(StartTime!.Value));
        var ends = UkTime.ToUtc(EndDate!.Value.ToDateTime(EndTime!.Value));
        var closes = UkTime.ToUtc(BookingCloses!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue));
        return new ActivityDetails(Kind!.Value, Title, Description ?? "", starts, ends, Venue, HostPartnershipId, Capacity!.Value,
            PartnershipCap, UkTime.ToUtc(BookingOpens!.Value.ToDateTime(TimeOnly.MinValue)), closes > starts ? starts : closes, Mode!.Value,
            PriorityUntil is { } until ? UkTime.ToUtc(until.ToDateTime(TimeOnly.MinValue)) : null,
            MinimumNumber, MinimumCutoff is { } cutoff ? UkTime.ToUtc(cutoff.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null);
    }

    public IEnumerable<(CostCategory, string?, decimal)> Costs()
    {
        if (VenueCost is > 0) yield return (CostCategory.Venue, null, VenueCost.Value);
        if (SpeakersCost is > 0) yield return (CostCategory.Speakers, null, SpeakersCost.Value);
        if (TravelCost is > 0) yield return (CostCategory.Travel, null, TravelCost.Value);
        if (OtherCost is > 0) yield return (CostCategory.Other, OtherCostDescription, OtherCost.Value);
    }

    /// <summary>Checks each field against the others and the database, so every problem shows beside its field.</summary>
    public async Task ValidateAsync(AppDbContext db, int regionId, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        await ThemeChoices.ValidateAsync(db, ThemeIds, modelState, "Input.ThemeIds", cancellationToken);
        if (StartDate is { } sd && StartTime is { } st && EndDate is { } ed && EndTime is { } et
            && ed.ToDateTime(et) <= sd.ToDateTime(st))
        {
            modelState.AddModelError("Input.EndDate", "The end must be after the start");
        }
        if (string.IsNullOrWhiteSpace(Venue) && HostPartnershipId is null)
        {
            modelState.AddModelError("Input.Venue", "Enter a venue or select a host partnership");
        }
        if (HostPartnershipId is { } host && !await db.Partnerships.AnyAsync(p => p.Id == host && p.RegionId == regionId, cancellationToken))
        {
            modelState.AddModelError("Input.HostPartnershipId", "Select a host partnership from the list");
        }
        if (PartnershipCap is { } cap && Capacity is { } capacity && cap > capacity)
        {
            modelState.AddModelError("Input.PartnershipCap", "Places per partnership cannot be more than the capacity");
        }
        if (BookingOpens is { } opens && BookingCloses is { } closes && closes < opens)
        {
            modelState.AddModelError("Input.BookingCloses", "Booking must close on or after the day it opens");
        }
        if (BookingCloses is { } c && StartDate is { } start && c > start)
        {
            modelState.AddModelError("Input.BookingCloses", "Booking must close by the day the activity starts");
        }
        if (PriorityUntil is { } until && (BookingOpens is { } o && until <= o || BookingCloses is { } cl && until > cl))
        {
            modelState.AddModelError("Input.PriorityUntil", "The priority window must end after booking opens and by the day it closes");
        }
        if (PriorityPartnershipIds.Count > 0
            && await db.Partnerships.CountAsync(p => PriorityPartnershipIds.Contains(p.Id) && p.RegionId == regionId, cancellationToken) != PriorityPartnershipIds.Distinct().Count())
        {
            modelState.AddModelError("Input.PriorityPartnershipIds", "Select partnerships from the list");
        }
        if (MinimumNumber is not null && MinimumCutoff is null)
        {
            modelState.AddModelError("Input.MinimumCutoff", "Enter the date by which the minimum must be reached");
        }
        if (MinimumNumber is null && MinimumCutoff is not null)
        {
            modelState.AddModelError("Input.MinimumNumber", "Enter the minimum number, or leave the cut-off empty");
        }
        if (MinimumNumber is { } minimum && Capacity is { } cap2 && minimum > cap2)
        {
            modelState.AddModelError("Input.MinimumNumber", "The minimum number cannot be more than the capacity");
        }
        if (MinimumCutoff is { } cutoff && StartDate is { } s2 && cutoff >= s2)
        {
            modelState.AddModelError("Input.MinimumCutoff", "The cut-off must be before the day the activity starts");
        }
    }

    /// <summary>
    /// The partnerships that may book in the priority window: those chosen, or, when none are chosen,
    /// those whose latest needs analysis shows a high need in one of the activity's themes. Adds an
    /// error when there is a window but nobody to give it to.
    /// </summary>
    public async Task<IReadOnlyList<int>> PriorityPartnershipsAsync(AppDbContext db, int regionId, ModelStateDictionary modelState,
        CancellationToken cancellationToken)
    {
        if (PriorityUntil is null)
        {
            return [];
        }
        if (PriorityPartnershipIds.Count > 0)
        {
            return PriorityPartnershipIds;
        }
        var survey = (await Needs.NeedsQueries.LatestAnsweredAsync(db, regionId, cancellationToken))?.Id;
        var highNeed = survey is { } surveyId
            ? (await Needs.NeedsQueries.MeansAsync(db, surveyId, null, cancellationToken))
                .Where(m => m.Level == Domain.Needs.NeedLevel.High && ThemeIds.Contains(m.ThemeId)).Select(m => m.PartnershipId).Distinct().ToList()
            : [];
        if (highNeed.Count == 0)
        {
            modelState.AddModelError("Input.PriorityPartnershipIds",
                "No partnership has a high need in these themes in the needs analysis: select the partnerships that may book first, or leave the priority window empty");
        }
        return highNeed;
    }

    public static IEnumerable<SelectListItem> Kinds =>
        Enum.GetValues<ActivityKind>().Select(k => new SelectListItem(ActivityText.Kind(k), k.ToString()));

    public static IEnumerable<SelectListItem> Modes =>
    [
        new("First come, first served (a full activity has a waiting list)", BookingMode.FirstCome.ToString()),
        new("Requests approved by a coordinator", BookingMode.Approval.ToString()),
    ];

    public sealed record Lists(IReadOnlyList<SelectListItem> Themes, IReadOnlyList<SelectListItem> Partnerships);

    public static async Task<Lists> ListsAsync(AppDbContext db, int regionId, CancellationToken cancellationToken) => new(
        await ThemeChoices.ListAsync(db, cancellationToken),
        await db.Partnerships.AsNoTracking().Where(p => p.RegionId == regionId && p.IsActive).OrderBy(p => p.Name)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(cancellationToken));
}
