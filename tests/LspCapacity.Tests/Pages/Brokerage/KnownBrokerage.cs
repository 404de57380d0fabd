using LspCapacity.Tests.Pages.Dashboard;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Brokerage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Pages.Brokerage;

/// <summary>
/// The North West data set of <see cref="KnownRegion"/> (budget £50,000; activities committed £500, spent £1,000;
/// X1's £1,000 over 3 Knowsley places = £333.33 a place; a 90-minute Liverpool placement session; latest needs:
/// Knowsley 1 high-need theme, Liverpool 1, Sefton no answers; Knowsley and Liverpool are NRF areas) with brokered work:
///   C1 Sefton, Northern Improvement Partners (consultancy): 4 days × £500 committed, delivered in 3.5 days for £1,750, rated 4
///   C2 Liverpool, Northern Improvement Partners (consultancy): 2 days × £600 = £1,200, committed
///   C3 Sefton, Merseyside Fire and Rescue (secondee): 2 days × £450 = £900, delivered in 2 days for £900, rated 2
/// → brokered committed £1,200, spent £2,650; programme committed £1,700, spent £3,650, remaining £44,650.
/// → cost per day: Northern Improvement Partners (3.5 + 2 days, £2,950) £536.36; Merseyside (2 days, £900) £450.00;
///   by kind: consultancy £536.36, secondee £450.00.
/// → received (placement hours at the default £40): Knowsley 3 × £333.33 = £999.99; Liverpool 1.5 h × £40 = £60 + £1,200 = £1,260;
///   Sefton £1,750 + £900 = £2,650; £4,909.99 in all.
/// Weighted (default): weights Knowsley (1 + 1) × 1.5 = 3, Liverpool 3, Sefton 1 (7 in all): shares £21,428.57, £21,428.57, £7,142.86;
///   gaps −£20,428.58, −£20,168.57, −£4,492.86; shares of the £4,909.99 so far £2,104.28, £2,104.28, £701.43; Knowsley's £999.99
///   is under half of £2,104.28: far below.
/// Equal: £16,666.67 each; gaps −£15,666.68, −£15,406.67, −£14,016.67; so far £1,636.66 each; nobody under half of it.
/// </summary>
public sealed class KnownBrokerage : IAsyncLifetime
{
    public const string Broker = "broker@nw.example";
    public const string Consultancy = "Northern Improvement Partners";
    public const string FireService = "Merseyside Fire and Rescue";

    public KnownRegion App { get; } = new();
    public int ProgrammeId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await App.InitializeAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = App.Clock.GetUtcNow().UtcDateTime;
        var today = LspCapacity.Web.Infrastructure.UkTime.Today(App.Clock);
        ProgrammeId = await db.Programmes.Where(p => p.RegionId == App.RegionId).Select(p => p.Id).SingleAsync();

        var consultancy = new Organisation(Consultancy, OrganisationKind.Consultancy, now);
        var fire = new Organisation(FireService, OrganisationKind.FireAndRescue, now);
        db.Organisations.AddRange(consultancy, fire);
        await db.SaveChangesAsync();
        var clinic = new Offer(consultancy.Id, ProgrammeId, OfferKind.Consultancy, "Performance management clinic", now);
        var secondee = new Offer(fire.Id, ProgrammeId, OfferKind.Secondee, "Community safety secondee", now);
        db.Offers.AddRange(clinic, secondee);
        await db.SaveChangesAsync();

        var c1 = new Commitment(ProgrammeId, App.RegionId, App.Sefton, consultancy.Id, clinic.Id, 4m, 500m, now);
        c1.Deliver(today.AddDays(-3), 3.5m, 1750m, today.AddDays(-3));
        c1.Rate(4, "Useful.");
        var c2 = new Commitment(ProgrammeId, App.RegionId, App.Liverpool, consultancy.Id, clinic.Id, 2m, 600m, now);
        var c3 = new Commitment(ProgrammeId, App.RegionId, App.Sefton, fire.Id, secondee.Id, 2m, 450m, now);
        c3.Deliver(today.AddDays(-1), 2m, 900m, today.AddDays(-1));
        c3.Rate(2, null);
        db.Commitments.AddRange(c1, c2, c3);
        await db.SaveChangesAsync();

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(Roles.Broker))
        {
            await roles.CreateAsync(new IdentityRole(Roles.Broker));
        }
        await TestData.CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), Broker, "Bea Broker", Roles.Broker, App.RegionId, null);
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
