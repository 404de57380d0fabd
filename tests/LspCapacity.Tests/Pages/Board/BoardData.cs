using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Proposals;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Board;

/// <summary>Proposals and meetings for the board's tests: proposals and endorsements straight into the database (their pages are the proposals work's), meetings through the board's pages.</summary>
public static class BoardData
{
    /// <summary>A West Midlands proposal by <paramref name="proposer"/>'s partnership, endorsed by each of <paramref name="endorsers"/> (emails).</summary>
    public static Task<int> ProposeAsync(this AppFactory app, string proposer, string title, ProposalKind kind = ProposalKind.Workshop,
        HostOffer offer = HostOffer.None, params string[] endorsers) =>
        app.WithDbAsync(async db =>
        {
            var by = await db.Users.SingleAsync(u => u.Email == proposer);
            var programme = await db.Programmes.Where(p => p.RegionId == by.RegionId).Select(p => p.Id).FirstAsync();
            var themes = await db.Themes.Where(t => t.Code == "performance-management" || t.Code == "community-engagement").Select(t => t.Id).ToListAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var proposal = Proposal.Seed(by.RegionId!.Value, programme, by.PartnershipId!.Value, by.Id, kind, title,
                "Nobody owns the LAA targets and partners report in different formats.", "Performance officers", offer, 900m, themes, now);
            db.Proposals.Add(proposal);
            await db.SaveChangesAsync();
            foreach (var email in endorsers)
            {
                var person = await db.Users.SingleAsync(u => u.Email == email);
                db.ProposalEndorsements.Add(new ProposalEndorsement(proposal.Id, person.PartnershipId!.Value, person.Id, EndorsementKinds.WouldCome, null, now));
            }
            await db.SaveChangesAsync();
            return proposal.Id;
        });

    /// <summary>Sets up a meeting as the coordinator, <paramref name="daysFromToday"/> days from today (UK) at 14:00. Returns its id.</summary>
    public static async Task<int> MeetingAsync(this AppFactory app, int daysFromToday, string papers = "Budget position and three proposals.",
        string coordinator = Demo.Coordinator)
    {
        var day = LspCapacity.Web.Infrastructure.UkTime.Today(app.Clock).AddDays(daysFromToday);
        var response = await app.CreateClientAs(coordinator).SubmitFormAsync("/board/meetings/new", new Dictionary<string, string>
        {
            ["Input.Date"] = day.ToString("yyyy-MM-dd"),
            ["Input.Time"] = "14:00",
            ["Input.Place"] = "Council House, Birmingham",
            ["Input.Papers"] = papers,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    public static async Task AddToAgendaAsync(this AppFactory app, int meetingId, int proposalId)
    {
        var response = await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/board/meetings/{meetingId}/agenda",
            new Dictionary<string, string> { ["proposalId"] = proposalId.ToString() }, "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Posts the meeting page's decision form as the coordinator.</summary>
    public static Task<HttpResponseMessage> DecideAsync(this AppFactory app, int meetingId, int proposalId, DecisionOutcome outcome,
        string reasons = "The evidence supports it.", string? budget = null, int? mergeInto = null)
    {
        var values = new Dictionary<string, string>
        {
            ["Input.ProposalId"] = proposalId.ToString(),
            ["Input.Outcome"] = outcome.ToString(),
            ["Input.Reasons"] = reasons,
            ["Input.Budget"] = budget ?? "",
            ["Input.MergeIntoId"] = mergeInto?.ToString() ?? "",
        };
        // With the form's token, whether or not the page still offers the form (a second attempt from a stale page).
        return app.CreateClientAs(Demo.Coordinator).PostWithTokenAsync($"/board/meetings/{meetingId}", $"/board/meetings/{meetingId}?handler=Decide", values);
    }
}
