using AngleSharp.Html.Dom;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Proposals;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Proposals;

/// <summary>The proposals list: its filters, its three orders, and a fixed number of queries however many proposals and endorsements.</summary>
public class ProposalListTests
{
    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll("#proposals tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    private static string Cell(IHtmlDocument page, string title, string cell) =>
        page.QuerySelectorAll("#proposals tbody tr").Single(r => r.QuerySelector("td a")!.TextContent.Trim() == title)
            .QuerySelector($"[data-{cell}]")!.TextContent.Trim();

    [Fact]
    public async Task List_Filters_AndSortsByEndorsements_NeedEvidence_AndAge()
    {
        await using var app = new AppFactory();
        var dudley = (await app.PeopleAsync(1, "Dudley")).Single();
        var a = await app.ProposeAsync(dudley, "A: LAA delivery workshop", "laa-delivery", "Workshop");
        app.Clock.Advance(TimeSpan.FromHours(1));
        var b = await app.ProposeAsync(dudley, "B: performance seminar", "performance-management", "Seminar");
        app.Clock.Advance(TimeSpan.FromHours(1));
        await app.ProposeAsync(dudley, "C: engagement study visit", "community-engagement", "StudyVisit");
        await app.SetStatusAsync(b, ProposalStatus.Deferred);

        // A: two partnerships. B: one partnership, through three of its staff.
        await app.EndorseAsync(Demo.StaffBirmingham, a);
        await app.EndorseAsync(Demo.StaffCoventry, a);
        foreach (var person in (await app.PeopleAsync(1, "Wolverhampton")).Append("staff.wolverhampton@lsp.example").Append("officer.wolverhampton@lsp.example"))
        {
            await app.EndorseAsync(person, b);
        }

        var client = app.CreateClientAs(Demo.Coordinator);
        var mine = $"/proposals?partnership={await app.PartnershipIdAsync("Dudley")}";
        var byEndorsements = await client.GetDocumentAsync(mine);
        Assert.Equal(["A: LAA delivery workshop", "B: performance seminar", "C: engagement study visit"], Titles(byEndorsements));
        Assert.Equal("2", Cell(byEndorsements, "A: LAA delivery workshop", "endorsing"));
        Assert.Equal("1", Cell(byEndorsements, "B: performance seminar", "endorsing"));
        // Each row names its themes (read with the row).
        var laaDelivery = await app.WithDbAsync(db => db.Themes.Where(t => t.Code == "laa-delivery").Select(t => t.Name).SingleAsync());
        Assert.Contains(laaDelivery, byEndorsements.QuerySelectorAll("#proposals tbody tr").Single(r => r.TextContent.Contains("A: LAA delivery workshop")).TextContent);
        Assert.Equal(["C: engagement study visit", "B: performance seminar", "A: LAA delivery workshop"], Titles(await client.GetDocumentAsync($"{mine}&sort=Newest")));

        Assert.Equal(["A: LAA delivery workshop"], Titles(await client.GetDocumentAsync($"{mine}&theme={await app.ThemeIdAsync("laa-delivery")}")));
        Assert.Equal(["B: performance seminar"], Titles(await client.GetDocumentAsync($"{mine}&kind=Seminar")));
        Assert.Equal(["B: performance seminar"], Titles(await client.GetDocumentAsync($"{mine}&status=Deferred")));
        Assert.Empty(Titles(await client.GetDocumentAsync($"{mine}&status=Approved")));

        // Need evidence: performance management is a high need of three partnerships, LAA delivery of one (counted once however many themes).
        await app.AddNeedsSurveyAsync(new Dictionary<string, string[]>
        {
            ["Birmingham"] = ["performance-management", "laa-delivery"],
            ["Coventry"] = ["performance-management"],
            ["Walsall"] = ["performance-management"],
        }, "Sandwell");
        var byNeed = await client.GetDocumentAsync($"{mine}&sort=Need");
        Assert.Equal(["B: performance seminar", "A: LAA delivery workshop", "C: engagement study visit"], Titles(byNeed));
        Assert.Equal(["3", "1", "0"], byNeed.QuerySelectorAll("#proposals [data-need]").Select(c => c.TextContent.Trim()));

        // The proposal's page shows the evidence beside the need.
        var details = await client.GetDocumentAsync($"/proposals/{b}");
        Assert.Contains("3 of 4", details.QuerySelector("#evidence")!.TextContent);
    }

    private static async Task<int> QueriesForAsync(AppFactory app, string url)
    {
        var client = app.CreateClientAs(Demo.Coordinator);
        await client.GetDocumentAsync(url); // warm up
        app.Queries.Reset();
        await client.GetDocumentAsync(url);
        return app.Queries.Count;
    }

    [Fact]
    public async Task TheKeptDefaultList_ShowsAnEndorsementAtOnce_AndAChangeMadeOnAnotherInstance()
    {
        await using var app = new AppFactory();
        var id = await app.ProposeAsync(Demo.StaffCoventry, "Kept list proposal");
        var coordinator = app.CreateClientAs(Demo.Coordinator);
        // The default view (most endorsed first): the proposal's row on whichever of its pages it is.
        async Task<AngleSharp.Dom.IElement> RowAsync()
        {
            for (var page = 1; ; page++)
            {
                var list = await coordinator.GetDocumentAsync(page == 1 ? "/proposals" : $"/proposals?page={page}");
                if (list.QuerySelectorAll("#proposals tbody tr").FirstOrDefault(r => r.QuerySelector("td a")!.GetAttribute("href") == $"/proposals/{id}") is { } row)
                {
                    return row;
                }
                Assert.NotNull(list.QuerySelector(".govuk-pagination__next")); // not on the last page: not listed at all
            }
        }
        Assert.Equal("0", (await RowAsync()).QuerySelector("[data-endorsing]")!.TextContent.Trim());
        Assert.Equal("0", (await RowAsync()).QuerySelector("[data-endorsing]")!.TextContent.Trim()); // kept

        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await app.EndorseAsync(Demo.StaffBirmingham, id)).StatusCode);
        Assert.Equal("1", (await RowAsync()).QuerySelector("[data-endorsing]")!.TextContent.Trim());

        await using var second = AppFactory.SecondInstanceOf(app);
        await second.WithDbAsync(async db =>
        {
            var proposal = await db.Proposals.SingleAsync(p => p.Id == id);
            db.Entry(proposal).Property(p => p.Title).CurrentValue = "Renamed on the second instance";
            await db.SaveChangesAsync();
        });
        Assert.Equal("Renamed on the second instance", (await RowAsync()).QuerySelector("td a")!.TextContent.Trim());
    }

    /// <summary>The queries of the first request for <paramref name="url"/> after a proposal changed (its kept page read afresh).</summary>
    private static async Task<int> FirstQueriesAfterAChangeAsync(AppFactory app, string url, int proposalId)
    {
        var client = app.CreateClientAs(Demo.Coordinator);
        await client.GetDocumentAsync(url); // warm up: the need evidence and the names are kept under other versions
        await app.WithDbAsync(async db =>
        {
            var proposal = await db.Proposals.SingleAsync(p => p.Id == proposalId);
            db.Entry(proposal).Property(p => p.UpdatedAt).CurrentValue = proposal.UpdatedAt.AddSeconds(1);
            await db.SaveChangesAsync();
        });
        app.Queries.Reset();
        await client.GetDocumentAsync(url);
        return app.Queries.Count;
    }

    [Fact]
    public async Task ListAndDetails_RunTheSameQueries_ForFewAndManyProposalsAndEndorsements()
    {
        await using var app = new AppFactory();
        await app.AddNeedsSurveyAsync(new Dictionary<string, string[]> { ["Birmingham"] = ["laa-delivery"] }, "Coventry");
        var id = await AddProposalsAsync(app, 1, endorsers: 1);
        // The default view's page is kept per data version: the first request after a change reads it.
        var fewRead = await FirstQueriesAfterAChangeAsync(app, "/proposals", id);
        string[] urls = ["/proposals", "/proposals?sort=Need", "/proposals?sort=Newest", $"/proposals/{id}"];
        var few = new Dictionary<string, int>();
        foreach (var url in urls)
        {
            few[url] = await QueriesForAsync(app, url);
        }
        // The list: the data versions (need evidence, themes and partnerships are held in memory) and one query for the page
        // with its total and each row's themes; beyond what the test scheme's sign-in reads on every request.
        var signIn = await QueriesForAsync(app, "/accessibility");
        Assert.Equal(2, fewRead - signIn);
        Assert.Equal(1, few["/proposals"] - signIn); // kept: the data versions only
        // A page number past the kept ones (an old link, a hand-typed one) is read each time, never kept: here past the last page,
        // the empty page asked for and then the last page read backwards.
        Assert.Equal(3, await QueriesForAsync(app, "/proposals?page=99") - signIn);
        Assert.Equal(2, few["/proposals?sort=Newest"] - signIn);
        await AddProposalsAsync(app, 40, endorsers: 12, onto: id);
        Assert.Equal(fewRead, await FirstQueriesAfterAChangeAsync(app, "/proposals", id));
        foreach (var url in urls)
        {
            Assert.True(few[url] == await QueriesForAsync(app, url), $"{url} ran a different number of queries with 40 more proposals and their endorsements");
        }
    }

    /// <summary><paramref name="count"/> Birmingham proposals, each endorsed by <paramref name="endorsers"/> people of Coventry and Dudley; as many on <paramref name="onto"/>.</summary>
    private static async Task<int> AddProposalsAsync(AppFactory app, int count, int endorsers, int? onto = null)
    {
        var people = await app.PeopleAsync(endorsers, "Coventry", "Dudley");
        return await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var birmingham = await db.Partnerships.Where(p => p.Name == "Birmingham").Select(p => new { p.Id, p.RegionId }).SingleAsync();
            var programme = await db.Programmes.Where(p => p.RegionId == birmingham.RegionId).Select(p => p.Id).FirstAsync();
            var proposer = await db.Users.Where(u => u.Email == Demo.StaffBirmingham).Select(u => u.Id).SingleAsync();
            var themes = await db.Themes.Select(t => t.Id).ToListAsync();
            var endorsing = await db.Users.Where(u => people.Contains(u.Email!)).Select(u => new { u.Id, u.PartnershipId }).ToListAsync();
            var proposals = Enumerable.Range(0, count).Select(i =>
            {
                var proposal = new Proposal(birmingham.RegionId, programme, birmingham.Id, proposer, now.AddMinutes(-i));
                proposal.Describe($"Proposal {Guid.NewGuid():N}", ProposalKind.Workshop, [themes[i % themes.Count], themes[(i + 1) % themes.Count]],
                    "Need.", "Who.", HostOffer.None, 100, now);
                db.Proposals.Add(proposal);
                return proposal;
            }).ToList();
            await db.SaveChangesAsync();
            var target = onto is { } existing ? await db.Proposals.SingleAsync(p => p.Id == existing) : proposals[0];
            foreach (var proposal in proposals.Append(target).Distinct())
            {
                foreach (var person in endorsing)
                {
                    db.ProposalEndorsements.Add(proposal.Endorse(null, person.Id, person.PartnershipId, birmingham.RegionId, EndorsementKinds.WouldCome,
                        "A comment.", now));
                }
            }
            await db.SaveChangesAsync();
            return target.Id;
        });
    }
}
