using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Brokerage;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Providers;

/// <summary>The provider register's words for its kinds, and the choices its forms offer.</summary>
public static class ProviderText
{
    public static string Kind(OrganisationKind kind) => kind switch
    {
        OrganisationKind.Council => "Council",
        OrganisationKind.PrimaryCareTrust => "Primary care trust",
        OrganisationKind.Police => "Police",
        OrganisationKind.FireAndRescue => "Fire and rescue service",
        OrganisationKind.VoluntarySector => "Voluntary sector body",
        OrganisationKind.Consultancy => "Consultancy",
        OrganisationKind.University => "University",
        OrganisationKind.NationalImprovementBody => "National improvement body",
        _ => "Other provider",
    };

    public static string Offer(OfferKind kind) => kind switch
    {
        OfferKind.Facilitation => "Facilitation",
        OfferKind.Consultancy => "Consultancy",
        OfferKind.Training => "Training",
        OfferKind.Coaching => "Coaching",
        OfferKind.Secondee => "Secondee",
        OfferKind.ExpertPeer => "Expert peer",
        _ => kind.ToString(),
    };

    /// <summary>"Partner organisation" or "Independent provider".</summary>
    public static string Standing(OrganisationKind kind) =>
        Organisation.IsPartnerKind(kind) ? "Partner organisation" : "Independent provider";

    /// <summary>"£450 a day" or "Free".</summary>
    public static string Rate(decimal? dayRate) =>
        dayRate is null or 0 ? "Free" : $"£{dayRate.Value.ToString("#,##0.##", Infrastructure.UkTime.Culture)} a day";

    public static IReadOnlyList<SelectListItem> OrganisationKinds =>
        Enum.GetValues<OrganisationKind>().Select(k => new SelectListItem(Kind(k), k.ToString())).ToList();

    public static IReadOnlyList<SelectListItem> OfferKinds =>
        Enum.GetValues<OfferKind>().Select(k => new SelectListItem(Offer(k), k.ToString())).ToList();

    public static Task<List<SelectListItem>> RegionsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new SelectListItem(r.Name, r.Id.ToString())).ToListAsync(cancellationToken);

    /// <summary>Region names by id, for the few pages that show the areas covered.</summary>
    public static Task<Dictionary<int, string>> RegionNamesAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, cancellationToken);
}
