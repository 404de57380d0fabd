using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Programme;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Data;

/// <summary>
/// Demo co-delivery and a national showcase: partnerships and presenters on two West Midlands activities,
/// and the demo showcase made national with a cap for the North West, whose coordinator and a staff
/// member of Knowsley are demo people too (the same as the tests' North West).
/// </summary>
public sealed partial class Seeder
{
    public const string NorthWestCoordinator = "coordinator@north-west.example";
    public const string NorthWestStaff = "staff@north-west.example";

    private async Task SeedDemoCoDeliveryAsync(CancellationToken cancellationToken)
    {
        var westMidlands = await RegionIdAsync("west-midlands", cancellationToken);
        var northWest = await SeedDemoNorthWestAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var partnerships = await db.Partnerships.Where(p => p.RegionId == westMidlands).ToDictionaryAsync(p => p.Name, p => p.Id, cancellationToken);
        var birminghamStaff = await users.FindByEmailAsync("staff.birmingham@lsp.example");

        async Task<Activity?> ActivityAsync(string title) =>
            await db.Activities.Include(a => a.Contributors).Include(a => a.RegionCaps).Include(a => a.Bookings)
                .SingleOrDefaultAsync(a => a.RegionId == westMidlands && a.Title == title, cancellationToken);

        ContributorDetails Named(string partnership, ContributorRole role, string contribution, string? presenter = null, AppUser? person = null) =>
            new(partnerships[partnership], westMidlands, role, person?.Id, person?.PartnershipId, presenter, contribution);

        if (await ActivityAsync("Study visit: neighbourhood management in Sandwell") is { Contributors.Count: 0 } visit)
        {
            visit.AddContributor(Named("Sandwell", ContributorRole.Host, "Hosts the visit to the Tipton neighbourhood office and its residents' panel"), now);
            visit.AddContributor(Named("Sandwell", ContributorRole.Presenter, "Shows how ward budgets are decided with residents", presenter: "Dee Okafor"), now);
            visit.AddContributor(Named("Wolverhampton", ContributorRole.CoDeliverer, "Leads the afternoon session on neighbourhood agreements"), now);
        }
        if (await ActivityAsync("Bending the mainstream: pooled budgets workshop") is { Contributors.Count: 0 } workshop && birminghamStaff is not null)
        {
            workshop.AddContributor(Named("Birmingham", ContributorRole.Presenter, "Presents Be Birmingham's pooled budget for young people", person: birminghamStaff), now);
            workshop.AddContributor(Named("Coventry", ContributorRole.CoDeliverer, "Co-designed the exercises from Coventry's aligned budgets"), now);
        }
        if (await ActivityAsync("Best-practice showcase: community engagement that changed decisions") is { IsNational: false } showcase)
        {
            showcase.SetNational(true, [(northWest, 5)], now);
            showcase.AddContributor(Named("Dudley", ContributorRole.Presenter, "Dudley's community forums and what changed because of them", presenter: "Raj Patel"), now);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The North West with Knowsley, its coordinator and a staff member: the people of another region who book national showcases.</summary>
    private async Task<int> SeedDemoNorthWestAsync(CancellationToken cancellationToken)
    {
        var region = await db.Regions.SingleOrDefaultAsync(r => r.Code == "north-west", cancellationToken);
        if (region is null)
        {
            region = new Region("north-west", "North West", "the North West");
            db.Regions.Add(region);
            await db.SaveChangesAsync(cancellationToken);
        }
        var knowsley = await db.Partnerships.SingleOrDefaultAsync(p => p.RegionId == region.Id && p.Name == "Knowsley", cancellationToken);
        if (knowsley is null)
        {
            knowsley = new Partnership(region.Id, "Knowsley", AreaType.Metropolitan, receivesNrf: true);
            db.Partnerships.Add(knowsley);
            await db.SaveChangesAsync(cancellationToken);
        }
        await SeedDemoPeopleAsync(
        [
            new PersonSeed(NorthWestCoordinator, "Nell North-West", Roles.Coordinator, "Government Office for the North West", "north-west", null),
            new PersonSeed(NorthWestStaff, "Kim Knowsley", Roles.LspStaff, "Knowsley Partnership", "north-west", "Knowsley"),
        ], cancellationToken);
        return region.Id;
    }
}
