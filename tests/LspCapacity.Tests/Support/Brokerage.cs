using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Support;

/// <summary>Brokerage test data: requests at a given state, and a North West programme with a register of its own.</summary>
public static class BrokerageData
{
    public const string Broker = "broker@lsp.example";
    public const string OtherBroker = "broker@north-west.example";

    /// <summary>A request of the staff member's partnership, recommended by the demo broker (University of the Midlands' offer unless named).</summary>
    public static Task<int> RecommendedRequestAsync(this AppFactory app, string staff, decimal days = 2, DateOnly? validUntil = null,
        string offerTitle = "Commissioning and pooled budgets masterclass", string? brokerEmail = null, decimal ceiling = 5000) =>
        app.WithDbAsync(async db =>
        {
            var person = await db.Users.SingleAsync(u => u.Email == staff);
            var broker = await db.Users.SingleAsync(u => u.Email == (brokerEmail ?? Broker));
            var offer = await db.Offers.SingleAsync(o => o.Title == offerTitle);
            var organisation = await db.Organisations.SingleAsync(o => o.Id == offer.OrganisationId);
            var theme = await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).FirstAsync();
            var today = UkTime.Today(app.Clock);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var request = new BrokerageRequest(person.RegionId!.Value, person.PartnershipId!.Value, person.Id, theme, null, "Test support",
                today.AddDays(30), ceiling, today.AddDays(-20), now.AddDays(-20));
            request.Recommend(broker.Id, offer.Id, offer.OrganisationId, organisation.Name, days, offer.DayRate ?? 0, "Best fit", null,
                validUntil ?? today.AddDays(14), [], 1000, today.AddDays(-20), now.AddDays(-19));
            db.BrokerageRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });

    /// <summary>
    /// A North West programme (budget <paramref name="budget"/>, running today), a broker there, and one organisation with an
    /// offer at £500 a day, 100 days: what the budget tests work by hand. Returns the programme's and the offer's ids.
    /// </summary>
    public static async Task<(int ProgrammeId, int OfferId)> AddNorthWestRegisterAsync(this AppFactory app, decimal budget)
    {
        var (regionId, _) = await app.AddOtherRegionAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LspCapacity.Web.Data.AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await TestData.CreateUserAsync(users, OtherBroker, "Nico North-West Broker", Roles.Broker, regionId, null);
        var today = UkTime.Today(app.Clock);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var programme = new Programme(regionId, "North West 2006-07", "Capacity", today.AddDays(-30), today.AddDays(300), budget);
        db.Programmes.Add(programme);
        var organisation = new Organisation("Mersey Consulting", OrganisationKind.Consultancy, now);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        var theme = await db.Themes.OrderBy(t => t.Position).Select(t => t.Id).FirstAsync();
        var offer = Offer.Create(organisation, programme.Id, new OfferDetails(OfferKind.Consultancy, "Mersey diagnostic", null, 500, 100, [theme], [regionId], null),
            null, now);
        db.Offers.Add(offer);
        await db.SaveChangesAsync();
        return (programme.Id, offer.Id);
    }
}
