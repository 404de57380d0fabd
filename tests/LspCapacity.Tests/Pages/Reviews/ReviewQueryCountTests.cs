using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Reviews;

/// <summary>
/// No N+1 on the review pages: the list and one review's pages run the same number of SQL commands for
/// one review with one team member (or the fewest its stage allows) as for many reviews with big teams,
/// many findings, recommendations and actions.
/// </summary>
public class ReviewQueryCountTests
{
    [Fact]
    public async Task ReviewList_RunsTheSameQueries_ForOneReviewOrMany()
    {
        await using var app = new AppFactory();
        var urls = new[] { "/reviews", "/reviews?stage=Scoping", "/reviews?page=2" };
        await app.WithDbAsync(db => db.PeerReviews.ExecuteDeleteAsync()); // the demo review goes: exactly one review, with one member
        await ReviewAsync(app, peers: 0, findings: 0, recommendations: 0, actionsPerRecommendation: 0, toActionPlan: false);
        var few = new Dictionary<(string, string), int>();
        foreach (var url in urls)
        {
            few[(Demo.Coordinator, url)] = await app.QueriesForAsync(Demo.Coordinator, url);
            few[(Demo.Mentor, url)] = await app.QueriesForAsync(Demo.Mentor, url); // the lead: "your reviews"
        }

        for (var i = 0; i < 30; i++)
        {
            await ReviewAsync(app, peers: 3, findings: 4, recommendations: 2, actionsPerRecommendation: 2, toActionPlan: i % 2 == 0);
        }

        foreach (var ((person, url), count) in few)
        {
            Assert.True(count == await app.QueriesForAsync(person, url), $"{url} as {person} ran a different number of queries with 31 reviews");
        }
    }

    [Fact]
    public async Task ReviewPages_RunTheSameQueries_ForOneOrManyTeamMembersFindingsAndActions()
    {
        await using var app = new AppFactory();
        // At scoping: one team member against a lead and 25 peers.
        var oneMember = await ReviewAsync(app, peers: 0, findings: 0, recommendations: 0, actionsPerRecommendation: 0, toActionPlan: false);
        var bigTeam = await ReviewAsync(app, peers: 25, findings: 0, recommendations: 0, actionsPerRecommendation: 0, toActionPlan: false);
        foreach (var person in new[] { Demo.Coordinator, Demo.Mentor })
        {
            Assert.Equal(await app.QueriesForAsync(person, $"/reviews/{oneMember}"), await app.QueriesForAsync(person, $"/reviews/{bigTeam}"));
        }

        // With its action plan agreed: a lead and a peer, one finding, one recommendation and one action, against
        // a lead and 20 peers, 40 findings, 15 recommendations and 30 actions, each with progress recorded.
        var small = await ReviewAsync(app, peers: 1, findings: 1, recommendations: 1, actionsPerRecommendation: 1, toActionPlan: true);
        var big = await ReviewAsync(app, peers: 20, findings: 40, recommendations: 15, actionsPerRecommendation: 2, toActionPlan: true);
        var coordinator = app.CreateClientAs(Demo.Coordinator);
        Assert.Contains("Finding 39.", (await coordinator.GetDocumentAsync($"/reviews/{big}/findings")).Body!.TextContent); // the pages show them all
        Assert.Contains("Action 1 on Recommendation 14.", (await coordinator.GetDocumentAsync($"/reviews/{big}/actions")).Body!.TextContent);
        var team = (await coordinator.GetDocumentAsync($"/reviews/{big}")).QuerySelectorAll("main h2").Single(h => h.TextContent == "Team").NextElementSibling!;
        Assert.Equal(21, team.QuerySelectorAll("li").Length);
        foreach (var page in new[] { "", "/findings", "/actions", "/report", "/self-assessment" })
        {
            foreach (var person in new[] { Demo.Coordinator, Demo.Mentor })
            {
                var few = await app.QueriesForAsync(person, $"/reviews/{small}{page}");
                Assert.True(few == await app.QueriesForAsync(person, $"/reviews/{big}{page}"),
                    $"/reviews/{{id}}{page} as {person} ran a different number of queries for the bigger review");
            }
        }
    }

    /// <summary>
    /// A review of Walsall led by the demo mentor, with peers from Sandwell and Solihull, on two focus themes;
    /// when asked, taken through self-assessment, the visit, findings and the agreed report to its action plan.
    /// </summary>
    private static async Task<int> ReviewAsync(AppFactory app, int peers, int findings, int recommendations, int actionsPerRecommendation,
        bool toActionPlan)
    {
        var peerIds = new List<string>();
        foreach (var email in peers == 0 ? Array.Empty<string>() : await app.PeopleAsync(peers, "Sandwell", "Solihull"))
        {
            peerIds.Add(await app.UserIdAsync(email));
        }
        var hostPerson = toActionPlan ? await app.UserIdAsync((await app.PeopleAsync(1, "Walsall"))[0]) : "";
        return await app.WithDbAsync(async db =>
        {
            var regionId = await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync();
            var host = await db.Partnerships.Where(p => p.Name == "Walsall").Select(p => p.Id).SingleAsync();
            var lead = await db.Users.Where(u => u.Email == Demo.Mentor).Select(u => new { u.Id, u.PartnershipId }).SingleAsync();
            var people = await db.Users.Where(u => peerIds.Contains(u.Id)).Select(u => new { u.Id, u.PartnershipId }).ToListAsync();
            var themes = await db.Themes.OrderBy(t => t.Position).Take(2).Select(t => t.Id).ToListAsync();
            var today = LspCapacity.Web.Infrastructure.UkTime.Today(app.Clock);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var onSite = today.AddDays(20);

            var review = new PeerReview(regionId, host, themes, "Governance.", today, today.AddDays(10), onSite, onSite.AddDays(1), today, now);
            review.AddMember(ReviewActor.Coordinator, lead.Id, lead.PartnershipId, TeamRole.Lead);
            foreach (var peer in people)
            {
                review.AddMember(ReviewActor.Coordinator, peer.Id, peer.PartnershipId, TeamRole.Peer);
            }
            db.PeerReviews.Add(review);
            if (!toActionPlan)
            {
                await db.SaveChangesAsync();
                return review.Id;
            }

            review.MoveOn(ReviewStage.Scoping, ReviewActor.Coordinator, lead.Id, today, now);
            foreach (var theme in themes)
            {
                review.SaveSelfAssessment(ReviewActor.Host, hostPerson, theme, 2, "Our evidence.", now);
            }
            review.MoveOn(ReviewStage.SelfAssessment, ReviewActor.Host, hostPerson, today, now);
            review.MoveOn(ReviewStage.OnSite, ReviewActor.Lead, lead.Id, onSite, now); // the visit has started
            for (var i = 0; i < findings; i++)
            {
                review.AddFinding(ReviewActor.Lead, lead.Id, themes[i % 2], i % 2 == 0 ? FindingKind.Strength : FindingKind.AreaForImprovement, $"Finding {i}.", onSite, now);
            }
            var added = Enumerable.Range(0, recommendations).Select(i => review.AddRecommendation(ReviewActor.Lead, themes[i % 2], $"Recommendation {i}.", onSite, now)).ToList();
            review.WriteReportSummary(ReviewActor.Lead, "What we found.", onSite);
            review.MoveOn(ReviewStage.Findings, ReviewActor.Host, hostPerson, onSite, now);
            await db.SaveChangesAsync(); // the recommendations get their ids

            var actions = added.SelectMany(r => Enumerable.Range(0, actionsPerRecommendation)
                .Select(i => review.AddAction(ReviewActor.Lead, r.Id, $"Action {i} on {r.Text}", "The board", onSite.AddDays(30 + i), onSite, now))).ToList();
            review.MoveOn(ReviewStage.ReportAgreed, ReviewActor.Lead, lead.Id, onSite, now);
            await db.SaveChangesAsync(); // the actions get their ids
            foreach (var action in actions)
            {
                review.RecordProgress(ReviewActor.Lead, lead.Id, action.Id, ActionStatus.InProgress, "Started.", now);
            }
            await db.SaveChangesAsync();
            return review.Id;
        });
    }
}
