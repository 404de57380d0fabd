using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Brokerage;

namespace LspCapacity.Web.Pages.Providers;

/// <summary>The secondee offers a secondment in a region may take up: not withdrawn, of an active organisation, covering the region.</summary>
public static class SecondeeOffers
{
    public sealed class Choice
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
    }

    public static IQueryable<Choice> Available(AppDbContext db, int regionId) =>
        db.Offers.Where(o => o.Kind == OfferKind.Secondee && !o.IsWithdrawn && o.Regions.Any(r => r.RegionId == regionId))
            .Join(db.Organisations.Where(x => x.IsActive), o => o.OrganisationId, x => x.Id, (o, x) => new Choice { Id = o.Id, Name = x.Name + ": " + o.Title });
}
