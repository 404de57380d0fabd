using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Brokerage;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Providers;

/// <summary>The offer form, shared by adding and updating an offer. The rules are the domain's (<see cref="Offer.Describe"/>); here they are said beside their fields.</summary>
public sealed class OfferInput
{
    [Required(ErrorMessage = "Select the programme year the offer is for")]
    [Display(Name = "programme year")]
    public int? ProgrammeId { get; set; }

    [Required(ErrorMessage = "Select the kind of offer")]
    [EnumDataType(typeof(OfferKind), ErrorMessage = "Select the kind of offer")]
    [Display(Name = "kind of offer")]
    public OfferKind? Kind { get; set; }

    [Required(ErrorMessage = "Enter the offer's title")]
    [StringLength(Offer.TitleLength, ErrorMessage = "The title must be 200 characters or fewer")]
    public string Title { get; set; } = "";

    [StringLength(Offer.DescriptionLength, ErrorMessage = "The description must be 4,000 characters or fewer")]
    public string? Description { get; set; }

    /// <summary>Pounds a day; empty when the offer is free.</summary>
    [Display(Name = "day rate")]
    public decimal? DayRate { get; set; }

    [Required(ErrorMessage = "Enter the days available in the programme year")]
    [Display(Name = "days available")]
    public int? DaysAvailable { get; set; }

    [Display(Name = "themes")]
    public List<int> ThemeIds { get; set; } = [];

    [Display(Name = "regions")]
    public List<int> RegionIds { get; set; } = [];

    [Display(Name = "secondee's home organisation")]
    public int? SecondeeHomeOrganisationId { get; set; }

    [StringLength(Offer.ReleaseTermsLength, ErrorMessage = "The release terms must be 2,000 characters or fewer")]
    public string? ReleaseTerms { get; set; }

    public static OfferInput From(Offer offer) => new()
    {
        ProgrammeId = offer.ProgrammeId,
        Kind = offer.Kind,
        Title = offer.Title,
        Description = offer.Description,
        DayRate = offer.DayRate,
        DaysAvailable = offer.DaysAvailable,
        ThemeIds = offer.Themes.Select(t => t.ThemeId).ToList(),
        RegionIds = offer.Regions.Select(r => r.RegionId).ToList(),
        SecondeeHomeOrganisationId = offer.SecondeeHomeOrganisationId,
        ReleaseTerms = offer.ReleaseTerms,
    };

    public OfferDetails Details() =>
        new(Kind!.Value, Title, Description, DayRate, DaysAvailable!.Value, ThemeIds, RegionIds, ReleaseTerms);

    /// <summary>
    /// Checks the input beside its fields: a day rate of £0 or more, at least a day, themes and regions from the
    /// lists, and for a secondee a partner organisation as home and the release terms. Returns the secondee's
    /// home organisation (tracked), when it is one.
    /// </summary>
    public async Task<Organisation?> ValidateAsync(AppDbContext db, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        if (DayRate is < 0)
        {
            modelState.AddModelError("Input.DayRate", "The day rate must be £0 or more (leave it empty if the offer is free)");
        }
        else if (DayRate is > 100_000)
        {
            modelState.AddModelError("Input.DayRate", "The day rate must be £100,000 or less");
        }
        if (DaysAvailable is <= 0)
        {
            modelState.AddModelError("Input.DaysAvailable", "The days available must be at least 1");
        }
        else if (DaysAvailable is > Offer.MaxDays)
        {
            modelState.AddModelError("Input.DaysAvailable", $"The days available must be {Offer.MaxDays} or fewer in a programme year");
        }
        await ThemeChoices.ValidateAsync(db, ThemeIds, modelState, "Input.ThemeIds", cancellationToken);
        if (RegionIds.Count == 0)
        {
            modelState.AddModelError("Input.RegionIds", "Select at least one region the offer covers");
        }
        else if (await db.Regions.CountAsync(r => RegionIds.Contains(r.Id), cancellationToken) != RegionIds.Distinct().Count())
        {
            modelState.AddModelError("Input.RegionIds", "Select regions from the list");
        }
        if (ProgrammeId is { } programmeId && !await db.Programmes.AnyAsync(p => p.Id == programmeId, cancellationToken))
        {
            modelState.AddModelError("Input.ProgrammeId", "Select a programme year from the list");
        }
        if (Kind != OfferKind.Secondee)
        {
            return null;
        }
        Organisation? home = null;
        if (SecondeeHomeOrganisationId is not { } homeId)
        {
            modelState.AddModelError("Input.SecondeeHomeOrganisationId", "Select the secondee's home organisation");
        }
        else
        {
            home = await db.Organisations.SingleOrDefaultAsync(o => o.Id == homeId && o.IsActive, cancellationToken);
            if (home is null || !home.IsPartnerOrganisation)
            {
                modelState.AddModelError("Input.SecondeeHomeOrganisationId", "Select a partner organisation from the list as the secondee's home");
            }
        }
        if (string.IsNullOrWhiteSpace(ReleaseTerms))
        {
            modelState.AddModelError("Input.ReleaseTerms", "Enter the release terms: how and for how long the home organisation releases the secondee");
        }
        return home;
    }
}

/// <summary>What the offer form offers: programme years, themes, regions and the partner organisations that can release a secondee.</summary>
public sealed record OfferChoices(IReadOnlyList<SelectListItem> Programmes, IReadOnlyList<SelectListItem> Themes, IReadOnlyList<SelectListItem> Regions,
    IReadOnlyList<SelectListItem> PartnerOrganisations)
{
    public static async Task<OfferChoices> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var programmes = await db.Programmes.AsNoTracking().OrderByDescending(p => p.StartsOn).ThenBy(p => p.Name)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(cancellationToken);
        var partnerKinds = Organisation.PartnerKinds.ToList();
        var partners = await db.Organisations.AsNoTracking().Where(o => o.IsActive && partnerKinds.Contains(o.Kind))
            .OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(cancellationToken);
        return new OfferChoices(programmes, await ThemeChoices.ListAsync(db, cancellationToken), await ProviderText.RegionsAsync(db, cancellationToken), partners);
    }
}
