using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Pages.Brokerage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LspCapacity.Tests.Pages.Dashboard;

/// <summary>
/// Fair shares, co-delivery and ownership are kept per data version (issue 22): a change made through a second app instance
/// on the same database — a commitment, a placement session, an activity's costs, a co-deliverer, a proposal, the programme's
/// name — shows at once on the first instance's fair-shares page and dashboard; a board member's partnership and a place's
/// project move the programme version, a booking or a sign-in does not.
/// </summary>
public class ProgrammeFiguresCacheTests
{
    private const string Newcomer = "Quillfeather Partnership";

    /// <summary>The fair-shares CSV row of a partnership: places (GBP), placement hours, brokered work (GBP), received (GBP).</summary>
    private static async Task<(decimal Places, decimal Hours, decimal Brokered, decimal Received)> FairShareAsync(HttpClient client, string partnership)
    {
        var csv = await client.GetStringAsync("/brokerage/fair-shares?handler=Csv");
        var cells = csv.Split('\n').Select(line => line.TrimEnd('\r').Split(',')).Single(c => c[0] == partnership);
        decimal N(int i) => decimal.Parse(cells[i], System.Globalization.CultureInfo.InvariantCulture);
        return (N(7), N(8), N(11), N(12));
    }

    /// <summary>The fair-shares page's own table (rendered once for each working-out of the figures): a partnership's brokered work.</summary>
    private static async Task<string> BrokeredOnThePageAsync(HttpClient client, string partnership) =>
        (await client.GetDocumentAsync("/brokerage/fair-shares")).QuerySelectorAll("#fair-shares tbody tr")
        .Single(row => row.QuerySelector("th")!.TextContent.Contains(partnership, StringComparison.Ordinal))
        .QuerySelectorAll("td")[4].TextContent.Trim();

    private static async Task<string> FigureAsync(HttpClient client, string id) =>
        (await client.GetDocumentAsync("/dashboard")).QuerySelector("#" + id)!.TextContent.Trim();

    [Fact]
    public async Task AReviewMovedOnOnAnotherInstance_ShowsAtOnce_InTheDashboardsKeptReviewsByStage()
    {
        await using var first = new AppFactory();
        var reviewId = await first.WithDbAsync(async db =>
        {
            var mentor = await db.Users.Where(u => u.Email == Demo.Mentor).Select(u => new { u.Id, u.RegionId, u.PartnershipId }).SingleAsync();
            var peer = await db.Users.Where(u => u.Email == Demo.StaffCoventry).Select(u => new { u.Id, u.PartnershipId }).SingleAsync();
            var host = await db.Partnerships.Where(p => p.RegionId == mentor.RegionId && p.Id != mentor.PartnershipId && p.Id != peer.PartnershipId)
                .Select(p => p.Id).FirstAsync();
            var theme = await db.Themes.Select(t => t.Id).FirstAsync();
            var today = UkTime.Today(first.Clock);
            var review = new PeerReview(mentor.RegionId!.Value, host, [theme], null, today, today.AddDays(10), today.AddDays(20), today.AddDays(21), today,
                first.Clock.GetUtcNow().UtcDateTime);
            review.AddMember(ReviewActor.Coordinator, mentor.Id, mentor.PartnershipId, TeamRole.Lead);
            review.AddMember(ReviewActor.Coordinator, peer.Id, peer.PartnershipId, TeamRole.Peer);
            db.PeerReviews.Add(review);
            await db.SaveChangesAsync();
            return review.Id;
        });
        var coordinator = first.CreateClientAs(Demo.Coordinator);
        static string[] Stages(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("#figure-reviews li a").Take(2).Select(a => a.TextContent.Trim()).ToArray();
        Assert.Equal(["Scoping: 1", "Self-assessment: 1"], Stages(await coordinator.GetDocumentAsync("/dashboard")));
        Assert.Equal(["Scoping: 1", "Self-assessment: 1"], Stages(await coordinator.GetDocumentAsync("/dashboard"))); // kept

        // Moved on through a second instance: only the review's row changes.
        await using var second = AppFactory.SecondInstanceOf(first);
        await second.WithDbAsync(async db =>
        {
            var coordinatorId = await db.Users.Where(u => u.Email == Demo.Coordinator).Select(u => u.Id).SingleAsync();
            var review = await db.PeerReviews.Include(r => r.Team).SingleAsync(r => r.Id == reviewId);
            review.MoveOn(ReviewStage.Scoping, ReviewActor.Coordinator, coordinatorId, UkTime.Today(second.Clock), second.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        Assert.Equal(["Scoping: 0", "Self-assessment: 2"], Stages(await coordinator.GetDocumentAsync("/dashboard")));
    }

    [Fact]
    public async Task AChangeOnAnotherInstance_ShowsAtOnce_InTheCachedFairSharesCoDeliveryAndOwnership()
    {
        await using var first = new AppFactory();
        var today = UkTime.Today(first.Clock);
        var (regionId, birmingham, programmeId) = await first.WithDbAsync(async db =>
        {
            var staff = await db.Users.Where(u => u.Email == Demo.StaffBirmingham).Select(u => new { u.Id, u.RegionId, u.PartnershipId }).SingleAsync();
            db.Partnerships.Add(new Partnership(staff.RegionId!.Value, Newcomer, AreaType.District, receivesNrf: false));
            // A completed activity with a cost, where one of Birmingham's staff attended.
            var start = first.Clock.GetUtcNow().UtcDateTime.AddDays(-10);
            var theme = await db.Themes.Select(t => t.Id).FirstAsync();
            var activity = new Activity(staff.RegionId!.Value, new ActivityDetails(ActivityKind.Seminar, "Costed for the cache test", "", start, start.AddHours(3),
                "Hall", null, 20, null, start.AddDays(-20), start, BookingMode.FirstCome, null, null, null), [theme], start.AddDays(-20));
            activity.SetCosts([(CostCategory.Venue, null, 100m)]);
            activity.Publish(start.AddDays(-20));
            activity.RecordAttendance(activity.Book(staff.Id, staff.PartnershipId!.Value, start.AddDays(-19)), Attendance.Attended, start.AddHours(1));
            activity.Complete(start.AddHours(4));
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            var programme = await new FairShareQueries(db, first.Services.GetRequiredService<FiguresCache>(),
                Microsoft.Extensions.Options.Options.Create(new FairShareOptions())).ProgrammeOfRegionAsync(staff.RegionId!.Value, today, CancellationToken.None);
            var name = await db.Partnerships.Where(p => p.Id == staff.PartnershipId).Select(p => p.Name).SingleAsync();
            return (staff.RegionId!.Value, name, programme!.Value);
        });
        var coordinator = first.CreateClientAs(Demo.Coordinator);
        var before = await FairShareAsync(coordinator, birmingham);
        var involved = int.Parse(await FigureAsync(coordinator, "figure-involved"));
        var delivering = int.Parse(await FigureAsync(coordinator, "figure-co-delivering-partnerships"));
        Assert.Equal(before, await FairShareAsync(coordinator, birmingham)); // kept: the same figures
        Assert.StartsWith(Figures.Money(before.Brokered), await BrokeredOnThePageAsync(coordinator, birmingham));

        await using var second = AppFactory.SecondInstanceOf(first);

        // A commitment (brokerage): the brokered work received.
        await second.WithDbAsync(async db =>
        {
            var now = second.Clock.GetUtcNow().UtcDateTime;
            var organisation = new Organisation("Cache test provider", OrganisationKind.Consultancy, now);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            var offer = new Offer(organisation.Id, programmeId, OfferKind.Consultancy, "Cache test offer", now);
            db.Offers.Add(offer);
            await db.SaveChangesAsync();
            var partnershipId = await db.Partnerships.Where(p => p.RegionId == regionId && p.Name == birmingham).Select(p => p.Id).SingleAsync();
            db.Commitments.Add(new Commitment(programmeId, regionId, partnershipId, organisation.Id, offer.Id, 2m, 777m, now));
            await db.SaveChangesAsync();
        });
        var afterCommitment = await FairShareAsync(coordinator, birmingham);
        Assert.Equal(before.Brokered + 2 * 777m, afterCommitment.Brokered); // 2 days at £777 a day
        Assert.StartsWith(Figures.Money(afterCommitment.Brokered), await BrokeredOnThePageAsync(coordinator, birmingham));

        // A session logged before the placement's latest (the placement row itself is unchanged): the placement hours.
        await second.WithDbAsync(async db =>
        {
            var partnershipId = await db.Partnerships.Where(p => p.RegionId == regionId && p.Name == birmingham).Select(p => p.Id).SingleAsync();
            var placement = await db.Placements.Include(p => p.Sessions)
                .FirstAsync(p => p.MenteePartnershipId == partnershipId && p.Status == PlacementStatus.Active && p.LastSessionOn != null
                                 && p.StartsOn < p.LastSessionOn);
            placement.LogSession(placement.MentorId, placement.LastSessionOn!.Value.AddDays(-1), 120, SessionMode.Video, "Earlier.", null, null,
                UkTime.Today(second.Clock), second.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        var afterSession = await FairShareAsync(coordinator, birmingham);
        Assert.Equal(afterCommitment.Hours + 2m, afterSession.Hours);

        // The costs of the activity Birmingham's staff attended: the places attended, costed.
        await second.WithDbAsync(async db =>
        {
            var activity = await db.Activities.Include(a => a.Costs).SingleAsync(a => a.Title == "Costed for the cache test");
            activity.SetCosts(activity.Costs.Select(c => (c.Category, c.Description, c.Amount)).Append((CostCategory.Venue, "Cache test", 5_000m)).ToList());
            await db.SaveChangesAsync();
        });
        Assert.True((await FairShareAsync(coordinator, birmingham)).Places > afterSession.Places, "the added cost did not show");

        // A co-deliverer new to co-delivery, and a proposal from a partnership that took no part: the dashboard's figures.
        await second.WithDbAsync(async db =>
        {
            var now = second.Clock.GetUtcNow().UtcDateTime;
            var newcomer = await db.Partnerships.SingleAsync(p => p.Name == Newcomer);
            var activity = await db.Activities.Include(a => a.Contributors)
                .FirstAsync(a => a.RegionId == regionId && a.Status == ActivityStatus.Published && a.Kind != ActivityKind.StudyVisit);
            activity.AddContributor(new ContributorDetails(newcomer.Id, regionId, ContributorRole.CoDeliverer, null, null, null, "Co-delivers."), now);
            await db.SaveChangesAsync();
        });
        Assert.Equal(delivering + 1, int.Parse(await FigureAsync(coordinator, "figure-co-delivering-partnerships")));
        await second.WithDbAsync(async db =>
        {
            var now = second.Clock.GetUtcNow().UtcDateTime;
            var newcomer = await db.Partnerships.SingleAsync(p => p.Name == Newcomer);
            var staff = await db.Users.Where(u => u.Email == Demo.StaffBirmingham).Select(u => u.Id).SingleAsync();
            var themes = await db.Themes.Select(t => t.Id).Take(1).ToListAsync();
            db.Proposals.Add(Proposal.Seed(regionId, programmeId, newcomer.Id, staff, ProposalKind.Workshop, "Cache test proposal", "A need.", "",
                HostOffer.Host, 300m, themes, now));
            await db.SaveChangesAsync();
        });
        Assert.Equal(involved + 1, int.Parse(await FigureAsync(coordinator, "figure-involved")));

        // The programme renamed (reference data, read by every page of the dashboard family).
        await second.WithDbAsync(async db =>
        {
            var programme = await db.Programmes.SingleAsync(p => p.Id == programmeId);
            programme.Update("Renamed on the second instance", programme.Aim, programme.StartsOn, programme.EndsOn, programme.Budget);
            await db.SaveChangesAsync();
        });
        Assert.Contains("Renamed on the second instance", await coordinator.GetStringAsync("/dashboard"));
    }

    [Fact]
    public async Task ABoardMemberMovingPartnershipOrAPlaceLinkedToAProject_MovesTheProgrammeVersion_ButSigningInOrBookingDoesNot()
    {
        await using var app = new AppFactory();
        Task<long> VersionAsync() => app.WithDbAsync(db => FiguresCache.VersionAsync(db, DataScopes.Programme, CancellationToken.None));
        var activityId = await app.PublishedActivityAsync(capacity: 5);
        var person = (await app.PeopleAsync(1, "Birmingham"))[0];
        var before = await VersionAsync();

        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await app.BookAsync(person, activityId)).StatusCode);
        Assert.Equal(before, await VersionAsync());
        await app.WithDbAsync(async db =>
        {
            var activity = await db.Activities.Include(a => a.Bookings).SingleAsync(a => a.Id == activityId);
            activity.RecordAttendance(activity.Bookings.Single(), Attendance.Attended, activity.StartsAt.AddHours(1));
            await db.SaveChangesAsync();
        });
        Assert.Equal(before, await VersionAsync()); // attendance is the needs scope's
        await app.WithDbAsync(async db =>
        {
            var booking = await db.Bookings.SingleAsync(b => b.ActivityId == activityId);
            db.Entry(booking).Property(b => b.ProjectId).IsModified = true; // as ServeProject does: the place's project
            await db.SaveChangesAsync();
        });
        Assert.Equal(before + 1, await VersionAsync());
        before = await VersionAsync();

        await app.WithDbAsync(async db =>
        {
            var person = await db.Users.SingleAsync(u => u.Email == Demo.StaffBirmingham);
            person.LastSignInAt = app.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        });
        Assert.Equal(before, await VersionAsync());

        await app.WithDbAsync(async db =>
        {
            var person = await db.Users.SingleAsync(u => u.Email == Demo.StaffBirmingham);
            person.PartnershipId = await db.Partnerships.Where(p => p.RegionId == person.RegionId && p.Id != person.PartnershipId).Select(p => p.Id).FirstAsync();
            await db.SaveChangesAsync();
        });
        Assert.Equal(before + 1, await VersionAsync());
    }
}
