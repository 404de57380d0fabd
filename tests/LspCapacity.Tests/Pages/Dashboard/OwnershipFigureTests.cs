using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Pages.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Dashboard;

/// <summary>
/// The ownership figures on a small known data set in a region of its own (North West): Knowsley proposes three, Sefton
/// endorses two of them (counted once), Knowsley's staff member sits on the board, Wirral takes no part. The board
/// approves one (proposed 10 days before), declines one (4 days before) and defers one. Two published activities: one
/// from the approved proposal, one a coordinator's; a draft is not counted.
/// </summary>
public class OwnershipFigureTests
{
    [Fact]
    public async Task Figures_MatchHandWorkedValues_AndShowOnTheDashboardAndReport()
    {
        await using var app = new AppFactory();
        var (programmeId, _) = await app.AddNorthWestRegisterAsync(1000m);
        var regionId = await app.WithDbAsync(async db =>
        {
            var staff = await db.Users.SingleAsync(u => u.Email == TestData.OtherStaff);
            var coordinator = await db.Users.SingleAsync(u => u.Email == TestData.OtherCoordinator);
            var region = staff.RegionId!.Value;
            var knowsley = staff.PartnershipId!.Value;
            var sefton = new Partnership(region, "Sefton", AreaType.Metropolitan, receivesNrf: false);
            var wirral = new Partnership(region, "Wirral", AreaType.Metropolitan, receivesNrf: false);
            db.Partnerships.AddRange(sefton, wirral);
            await db.SaveChangesAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var themes = await db.Themes.Select(t => t.Id).Take(1).ToListAsync();
            Proposal Seed(string title, int daysAgo) => Proposal.Seed(region, programmeId, knowsley, staff.Id, ProposalKind.Workshop, title,
                "A need.", "", HostOffer.Host, 300m, themes, now.AddDays(-daysAgo));
            var approved = Seed("Approved one", 10);
            var declined = Seed("Declined one", 4);
            var deferred = Seed("Deferred one", 2);
            db.Proposals.AddRange(approved, declined, deferred);
            await db.SaveChangesAsync();
            db.ProposalEndorsements.Add(new ProposalEndorsement(approved.Id, sefton.Id, staff.Id, EndorsementKinds.WouldCome, null, now));
            db.ProposalEndorsements.Add(new ProposalEndorsement(declined.Id, sefton.Id, staff.Id, EndorsementKinds.WouldCome, null, now));
            db.BoardMembers.Add(new BoardMember(region, staff.Id, region, personIsLspStaff: true, coordinator.Id, now));
            var meeting = new BoardMeeting(region, now.AddDays(-1), "Knowsley", null, coordinator.Id, now.AddDays(-3));
            db.BoardMeetings.Add(meeting);
            await db.SaveChangesAsync();
            foreach (var p in new[] { approved, declined, deferred })
            {
                meeting.AddToAgenda(p, now.AddDays(-2));
            }
            meeting.RecordDecision(approved, DecisionOutcome.Approved, 500m, null, "Needed.", coordinator.Id, now);
            meeting.RecordDecision(declined, DecisionOutcome.Declined, null, null, "Not now.", coordinator.Id, now);
            meeting.RecordDecision(deferred, DecisionOutcome.Deferred, null, null, "Later.", coordinator.Id, now);
            await db.SaveChangesAsync();
            var fromProposal = ProposedActivity.Draft(approved, now);
            var coordinators = ProposedActivity.Draft(approved, now);
            var draft = ProposedActivity.Draft(approved, now);
            db.Activities.AddRange(fromProposal, coordinators, draft);
            await db.SaveChangesAsync();
            await db.Activities.Where(a => a.Id == coordinators.Id || a.Id == draft.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ProposalId, (int?)null));
            await db.Activities.Where(a => a.Id == coordinators.Id || a.Id == fromProposal.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ActivityStatus.Published));
            return region;
        });

        var figures = await app.WithDbAsync(db => OwnershipQueries.OwnershipAsync(db, regionId, CancellationToken.None));
        Assert.Equal(2, figures.Activities);
        Assert.Equal(1, figures.FromProposals);
        Assert.Equal(0.5, figures.FromProposalsShare);
        Assert.Equal(1, figures.Proposing);
        Assert.Equal(1, figures.Endorsing);
        Assert.Equal(1, figures.OnBoard);
        Assert.Equal(2, figures.Involved);
        Assert.Equal([(DecisionOutcome.Approved, 1), (DecisionOutcome.Deferred, 1), (DecisionOutcome.Declined, 1)],
            figures.Decisions.OrderBy(d => d.Outcome).ToList());
        Assert.Equal(3, figures.DecisionCount);
        Assert.Equal(7, figures.MedianDaysToDecision); // the median of 10 and 4 days; the deferred one is not decided

        var dashboard = await app.CreateClientAs(TestData.OtherCoordinator).GetDocumentAsync("/dashboard");
        Assert.Equal("2", dashboard.QuerySelector("#figure-involved")!.TextContent);
        Assert.Equal("3", dashboard.QuerySelector("#figure-decisions")!.TextContent);
        var report = await app.CreateClientAs(TestData.OtherCoordinator).GetDocumentAsync("/dashboard/report");
        Assert.Equal("7 days", report.QuerySelector("#ownership-median")!.TextContent);
        Assert.Contains("1 approved", report.QuerySelector("#ownership-decisions")!.TextContent);
        Assert.NotNull(report.QuerySelector("#ownership-co-delivered"));
    }

    [Fact]
    public void Median_OfWholeDays()
    {
        Assert.Null(OwnershipQueries.Median([]));
        Assert.Equal(3, OwnershipQueries.Median([3.5]));
        Assert.Equal(4.5, OwnershipQueries.Median([1, 4.2, 5.9, 30]));
    }
}
