using System.Text.RegularExpressions;
using LspCapacity.Tests.Pages.Dashboard;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Partnerships;

/// <summary>
/// The partnership page lists the activities its people attended and the peer reviews it hosted or joined
/// (see <see cref="KnownRegion"/>: Knowsley's three attended X1; Knowsley hosts R2, and its k1 leads R1 of Sefton,
/// where Liverpool's l1 is a peer; Liverpool's one booking on X1 was a no-show).
/// </summary>
public class PartnershipTakingPartTests
{
    private static string Text(AngleSharp.Dom.IElement? element) => Regex.Replace(element?.TextContent ?? "", @"\s+", " ").Trim();

    private static IReadOnlyList<string> Rows(AngleSharp.Html.Dom.IHtmlDocument page, string table) =>
        page.QuerySelectorAll($"#{table} tbody tr").Select(r => Text(r)).ToList();

    [Fact]
    public async Task PartnershipPage_ListsActivitiesAttended_AndReviewsHostedOrJoined()
    {
        await using var app = new KnownRegion();
        await app.InitializeAsync();
        var coordinator = app.CreateClientAs(KnownRegion.Coordinator);

        var knowsley = await coordinator.GetDocumentAsync($"/partnerships/{app.Knowsley}");
        Assert.Equal([$"{KnownRegion.X1} 15 November 2026 3"], Rows(knowsley, "attended"));
        Assert.NotNull(knowsley.QuerySelector($"#attended a[href='/activities/{app.X1Id}']"));
        Assert.Equal(["Peer review of Knowsley Hosted 14 January 2027 Scoping", "Peer review of Sefton Lead reviewer 4 January 2027 Self-assessment"],
            Rows(knowsley, "reviews"));
        Assert.NotNull(knowsley.QuerySelector($"#reviews a[href='/reviews/{app.SeftonReviewId}']"));

        var liverpool = await coordinator.GetDocumentAsync($"/partnerships/{app.Liverpool}");
        Assert.Empty(Rows(liverpool, "attended")); // a no-show is not attendance
        Assert.Contains("Nobody from Liverpool has been marked as attending an activity yet.", Text(liverpool.QuerySelector("main")));
        Assert.Equal(["Peer review of Sefton 1 peer reviewer 4 January 2027 Self-assessment"], Rows(liverpool, "reviews"));

        // Liverpool's own staff see it too, but no link into a review's working papers they may not open.
        var staff = await app.CreateClientAs("l2@nw.example").GetDocumentAsync($"/partnerships/{app.Liverpool}");
        Assert.Equal(["Peer review of Sefton 1 peer reviewer 4 January 2027 Self-assessment"], Rows(staff, "reviews"));
        Assert.Null(staff.QuerySelector("#reviews a"));
        // Another partnership's staff do not see who attended what.
        var other = await app.CreateClientAs("l2@nw.example").GetDocumentAsync($"/partnerships/{app.Knowsley}");
        Assert.Null(other.QuerySelector("#attended"));
        Assert.Null(other.QuerySelector("#reviews"));
    }

    [Fact]
    public async Task PartnershipPage_RunsTheSameQueries_ForFewAndManyActivitiesAndReviews()
    {
        await using var app = new KnownRegion();
        await app.InitializeAsync();
        var url = $"/partnerships/{app.Knowsley}";
        var few = await QueriesForAsync(app, url);

        await app.AddAttendedActivitiesAsync(25);
        await app.WithDbAsync(async db =>
        {
            var today = LspCapacity.Web.Infrastructure.UkTime.Today(app.Clock);
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var knowsley = await db.Users.Where(u => u.PartnershipId == app.Knowsley).OrderBy(u => u.Email).Select(u => u.Id).ToListAsync();
            for (var i = 0; i < 8; i++)
            {
                var review = new PeerReview(app.RegionId, i % 2 == 0 ? app.Liverpool : app.Sefton, [app.ThemeA], null, today, today.AddDays(10),
                    today.AddDays(20 + i), today.AddDays(21 + i), today, now);
                review.AddMember(ReviewActor.Coordinator, knowsley[i % 3], app.Knowsley, i % 2 == 0 ? TeamRole.Lead : TeamRole.Peer);
                db.PeerReviews.Add(review);
            }
            await db.SaveChangesAsync();
        });
        var page = await app.CreateClientAs(KnownRegion.Coordinator).GetDocumentAsync(url);
        Assert.Equal(20, Rows(page, "attended").Count);
        Assert.Contains("The latest 20 of 26 activities.", Text(page.QuerySelector("main")));
        Assert.Equal(10, Rows(page, "reviews").Count);

        Assert.Equal(few, await QueriesForAsync(app, url));
    }

    private static async Task<int> QueriesForAsync(AppFactory app, string url)
    {
        var client = app.CreateClientAs(KnownRegion.Coordinator);
        await client.GetDocumentAsync(url); // warm up: first-request work is not the page's
        app.Queries.Reset();
        await client.GetDocumentAsync(url);
        Assert.True(app.Queries.Count > 1, $"{url}: the counter saw {app.Queries.Count} commands");
        return app.Queries.Count;
    }
}
