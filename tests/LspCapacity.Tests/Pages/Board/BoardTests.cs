using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Pages.Board;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Board;

/// <summary>
/// The programme board: papers before a meeting for the board only (the region's coordinators and its practitioner
/// members; the demo data makes Jo Coventry one), decisions once per proposal per meeting, bad input answered with
/// the error summary, an approval's draft activity with its origin, and the decision log for the region alone.
/// </summary>
public class BoardTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Papers = "Confidential: the budget position before the meeting.";

    private async Task<string> TextAsync(string email, string url) => (await app.CreateClientAs(email).GetDocumentAsync(url)).Body!.TextContent;

    [Fact]
    public async Task Papers_BeforeTheMeeting_OnlyForTheBoard()
    {
        var proposal = await app.ProposeAsync(Demo.StaffBirmingham, "Scorecards for the papers test");
        var meeting = await app.MeetingAsync(10, Papers);
        await app.AddToAgendaAsync(meeting, proposal);
        var url = $"/board/meetings/{meeting}";

        foreach (var board in new[] { Demo.Coordinator, Demo.StaffCoventry, Demo.Admin })
        {
            var text = await TextAsync(board, url);
            Assert.Contains(Papers, text);
            Assert.Contains("Scorecards for the papers test", text);
        }
        // Staff who are not members and a mentor of the region: the date only.
        foreach (var other in new[] { Demo.StaffBirmingham, Demo.Mentor })
        {
            var text = await TextAsync(other, url);
            Assert.DoesNotContain(Papers, text);
            Assert.DoesNotContain("Scorecards for the papers test", text);
            Assert.DoesNotContain("Council House", text);
            Assert.Contains("Its papers and agenda are for the board's members", text);
        }
        await app.AddOtherRegionAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs(TestData.OtherCoordinator).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs(TestData.OtherStaff).GetAsync(url)).StatusCode);
        // A member sees the papers but does not run the agenda or decide.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs(Demo.StaffCoventry).GetAsync($"{url}/agenda")).StatusCode);
        var forged = await app.CreateClientAs(Demo.StaffCoventry).PostWithTokenAsync(url, $"{url}?handler=Decide", new Dictionary<string, string>
        {
            ["Input.ProposalId"] = proposal.ToString(), ["Input.Outcome"] = "Declined", ["Input.Reasons"] = "No.",
        });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task Members_AddedByTheCoordinator_SeeThePapers_UntilRemoved()
    {
        var dudley = (await app.PeopleAsync(1, "Dudley")).Single();
        var meeting = await app.MeetingAsync(12, Papers);
        Assert.DoesNotContain(Papers, await TextAsync(dudley, $"/board/meetings/{meeting}"));
        Assert.Null((await app.CreateClientAs(dudley).GetDocumentAsync("/proposals")).QuerySelector("#sub-navigation a[href='/board']")); // no board links yet

        var dudleyId = await app.UserIdAsync(dudley);
        var added = await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/board/members",
            new Dictionary<string, string> { ["PersonId"] = dudleyId }, "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains(Papers, await TextAsync(dudley, $"/board/meetings/{meeting}"));
        Assert.NotNull((await app.CreateClientAs(dudley).GetDocumentAsync("/proposals")).QuerySelector("#sub-navigation a[href='/board']"));

        // Twice: a clear error, not a 500. A mentor or another region's person cannot be appointed.
        var again = await app.CreateClientAs(Demo.Coordinator).PostWithTokenAsync("/board/members", "/board/members?handler=Add",
            new Dictionary<string, string> { ["PersonId"] = dudleyId });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("is already on the board", string.Join(" ", (await again.ParseAsync()).ErrorSummary()));
        var mentor = await app.CreateClientAs(Demo.Coordinator).PostWithTokenAsync("/board/members", "/board/members?handler=Add",
            new Dictionary<string, string> { ["PersonId"] = await app.UserIdAsync(Demo.Mentor) });
        Assert.Contains("Only LSP staff of the region", string.Join(" ", (await mentor.ParseAsync()).ErrorSummary()));
        // Staff cannot appoint.
        var byStaff = await app.CreateClientAs(Demo.StaffCoventry).PostWithTokenAsync("/board/members", "/board/members?handler=Add",
            new Dictionary<string, string> { ["PersonId"] = await app.UserIdAsync(Demo.StaffBirmingham) });
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);

        var memberId = await app.WithDbAsync(db => db.BoardMembers.Where(m => m.UserId == dudleyId).Select(m => m.Id).SingleAsync());
        var removed = await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/board/members",
            new Dictionary<string, string> { ["memberId"] = memberId.ToString() }, $"form:has(input[name='memberId'][value='{memberId}'])");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain(Papers, await TextAsync(dudley, $"/board/meetings/{meeting}"));
    }

    [Fact]
    public async Task Decision_IsRecordedOncePerProposalPerMeeting_TheSecondAttemptIsAClearError()
    {
        var proposal = await app.ProposeAsync(Demo.StaffBirmingham, "Decided once", endorsers: [Demo.StaffCoventry]);
        var meeting = await app.MeetingAsync(-1);
        await app.AddToAgendaAsync(meeting, proposal);

        var first = await app.DecideAsync(meeting, proposal, DecisionOutcome.Declined, "It duplicates a national seminar.");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await app.DecideAsync(meeting, proposal, DecisionOutcome.Approved, "Changed our minds.", "100");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("A decision about “Decided once” has already been recorded at this meeting.", (await second.ParseAsync()).ErrorSummary());

        Assert.Equal(1, await app.WithDbAsync(db => db.BoardDecisions.CountAsync(d => d.ProposalId == proposal)));
        Assert.Equal(ProposalStatus.Declined, await app.WithDbAsync(db => db.Proposals.Where(p => p.Id == proposal).Select(p => p.Status).SingleAsync()));
        Assert.Equal(2, (await app.OutboxAsync()).Count(m => m.DeduplicationKey.StartsWith($"board-decision:{meeting}:{proposal}:", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("not on the agenda", "“Open elsewhere” is not on this meeting's agenda: put it on the agenda first.")]
    [InlineData("merge into itself", "A proposal cannot be merged into itself.")]
    [InlineData("budget below zero", "The approved budget must be £0 or more")]
    [InlineData("no budget", "Enter the approved budget (0 if it needs none)")]
    [InlineData("missing reasons", "Enter the reasons for the decision")]
    [InlineData("merge into a decided one", "has already been decided (declined): choose a proposal not yet decided.")]
    [InlineData("before the meeting", "Decisions are recorded once the meeting has started")]
    public async Task Decision_WithBadInput_ShowsTheErrorSummary_AndChangesNothing(string bad, string error)
    {
        var proposal = await app.ProposeAsync(Demo.StaffBirmingham, $"Bad input: {bad}");
        var meeting = await app.MeetingAsync(bad == "before the meeting" ? 3 : -2);
        await app.AddToAgendaAsync(meeting, proposal);
        var response = bad switch
        {
            "not on the agenda" => await app.DecideAsync(meeting, await app.ProposeAsync(Demo.StaffCoventry, "Open elsewhere"), DecisionOutcome.Declined),
            "merge into itself" => await app.DecideAsync(meeting, proposal, DecisionOutcome.Merged, mergeInto: proposal),
            "budget below zero" => await app.DecideAsync(meeting, proposal, DecisionOutcome.Approved, budget: "-1"),
            "no budget" => await app.DecideAsync(meeting, proposal, DecisionOutcome.Approved),
            "missing reasons" => await app.DecideAsync(meeting, proposal, DecisionOutcome.Declined, reasons: " "),
            "merge into a decided one" => await app.DecideAsync(meeting, proposal, DecisionOutcome.Merged, mergeInto: await DeclinedProposalAsync()),
            _ => await app.DecideAsync(meeting, proposal, DecisionOutcome.Deferred),
        };
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(page.ErrorSummary(), e => e.Contains(error, StringComparison.Ordinal));
        Assert.Equal(ProposalStatus.OnAgenda, await app.WithDbAsync(db => db.Proposals.Where(p => p.Id == proposal).Select(p => p.Status).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.BoardDecisions.AnyAsync(d => d.MeetingId == meeting)));
    }

    private async Task<int> DeclinedProposalAsync()
    {
        var declined = await app.ProposeAsync(Demo.StaffCoventry, "Declined earlier");
        var meeting = await app.MeetingAsync(-5);
        await app.AddToAgendaAsync(meeting, declined);
        Assert.Equal(HttpStatusCode.Redirect, (await app.DecideAsync(meeting, declined, DecisionOutcome.Declined)).StatusCode);
        return declined;
    }

    [Fact]
    public async Task Approval_MakesAPrefilledDraftActivity_ThatKeepsItsOrigin()
    {
        var dudley = (await app.PeopleAsync(1, "Dudley")).Single();
        var proposal = await app.ProposeAsync(Demo.StaffBirmingham, "Peer learning on pooled budgets", ProposalKind.PeerLearningSet, HostOffer.Host,
            Demo.StaffCoventry, dudley);
        var meeting = await app.MeetingAsync(-1);
        await app.AddToAgendaAsync(meeting, proposal);
        // The agenda shows the evidence: two endorsing partnerships.
        Assert.Contains("2 partnerships", await TextAsync(Demo.StaffCoventry, $"/board/meetings/{meeting}"));

        var response = await app.DecideAsync(meeting, proposal, DecisionOutcome.Approved, "Three partnerships need it; Birmingham hosts.", "1500");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var (saved, activity, themes) = await app.WithDbAsync(async db =>
        {
            var p = await db.Proposals.Include(x => x.Themes).SingleAsync(x => x.Id == proposal);
            var a = await db.Activities.Include(x => x.Themes).SingleAsync(x => x.ProposalId == proposal);
            return (p, a, p.Themes.Select(t => t.ThemeId).Order().ToList());
        });
        Assert.Equal(ProposalStatus.Approved, saved.Status);
        Assert.Equal(1500m, saved.ApprovedBudget);
        Assert.Equal(activity.Id, saved.ActivityId);
        Assert.Equal(ActivityStatus.Draft, activity.Status);
        Assert.Equal(ActivityKind.Workshop, activity.Kind);
        Assert.Equal("Peer learning on pooled budgets", activity.Title);
        Assert.StartsWith("Nobody owns the LAA targets", activity.Description);
        Assert.Equal(await app.PartnershipIdAsync("Birmingham"), activity.HostPartnershipId);
        Assert.Equal(themes, activity.Themes.Select(t => t.ThemeId).Order().ToList());
        Assert.True(activity.StartsAt > app.Clock.GetUtcNow().UtcDateTime);

        const string origin = "Proposed by Birmingham, endorsed by 2 partnerships";
        Assert.Contains(origin, await TextAsync(Demo.Coordinator, $"/activities/{activity.Id}"));
        Assert.Contains(origin, await TextAsync(Demo.Coordinator, $"/activities/{activity.Id}/edit"));
        // The meeting page links the draft.
        var page = await app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/board/meetings/{meeting}");
        Assert.NotNull(page.QuerySelector($"a[href='/activities/{activity.Id}']"));
    }

    [Fact]
    public async Task Deferred_MayGoOnALaterAgenda_Declined_MayNot()
    {
        var deferred = await app.ProposeAsync(Demo.StaffCoventry, "Deferred then back");
        var declined = await app.ProposeAsync(Demo.StaffCoventry, "Declined for good");
        var meeting = await app.MeetingAsync(-3);
        await app.AddToAgendaAsync(meeting, deferred);
        await app.AddToAgendaAsync(meeting, declined);
        Assert.Equal(HttpStatusCode.Redirect, (await app.DecideAsync(meeting, deferred, DecisionOutcome.Deferred, "Wait for the spring.")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.DecideAsync(meeting, declined, DecisionOutcome.Declined, "Out of scope.")).StatusCode);

        var later = await app.MeetingAsync(20);
        await app.AddToAgendaAsync(later, deferred);
        Assert.Equal(ProposalStatus.OnAgenda, await app.WithDbAsync(db => db.Proposals.Where(p => p.Id == deferred).Select(p => p.Status).SingleAsync()));
        var refused = await app.CreateClientAs(Demo.Coordinator).PostWithTokenAsync($"/board/meetings/{later}/agenda",
            $"/board/meetings/{later}/agenda?handler=Add", new Dictionary<string, string> { ["proposalId"] = declined.ToString() });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(await refused.ParseAsync() is var doc ? doc.ErrorSummary() : [], e => e.Contains("only an open or deferred proposal can go on an agenda"));

        // Taken off again before it is decided: deferred, as it was.
        var off = await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/board/meetings/{later}/agenda",
            new Dictionary<string, string>(), $"form:has(input[name='proposalId'][value='{deferred}'])");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal(ProposalStatus.Deferred, await app.WithDbAsync(db => db.Proposals.Where(p => p.Id == deferred).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task DecisionLog_IsReadByEveryoneOfTheRegion_AndNoOtherRegion()
    {
        var proposal = await app.ProposeAsync(Demo.StaffBirmingham, "For the log");
        var meeting = await app.MeetingAsync(-1);
        await app.AddToAgendaAsync(meeting, proposal);
        const string reasons = "Logged reason: the county already runs this.";
        Assert.Equal(HttpStatusCode.Redirect, (await app.DecideAsync(meeting, proposal, DecisionOutcome.Declined, reasons)).StatusCode);

        foreach (var person in new[] { Demo.StaffBirmingham, Demo.StaffCoventry, Demo.Mentor, Demo.Coordinator })
        {
            Assert.Contains(reasons, await TextAsync(person, "/board/decisions"));
        }
        // After the meeting, its decisions show on its page to everyone of the region (the papers still do not).
        Assert.Contains(reasons, await TextAsync(Demo.Mentor, $"/board/meetings/{meeting}"));
        await app.AddOtherRegionAsync();
        Assert.DoesNotContain(reasons, await TextAsync(TestData.OtherCoordinator, "/board/decisions"));
        Assert.DoesNotContain(reasons, await TextAsync(TestData.OtherStaff, "/board/decisions"));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs(TestData.OtherCoordinator).GetAsync($"/board/meetings/{meeting}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateAnonymousClient().GetAsync("/board/decisions")).StatusCode);

        // The log is read a page at a time with its total (compiled: BoardQueries.DecisionPage): the pager counts every
        // decision of the region, and a page past the last shows the last.
        var region = await app.WithDbAsync(db => db.BoardMeetings.Where(m => m.Id == meeting).Select(m => m.RegionId).SingleAsync());
        var total = await app.WithDbAsync(db => db.BoardDecisions.CountAsync(d => db.BoardMeetings.Any(m => m.Id == d.MeetingId && m.RegionId == region)));
        var coordinator = app.CreateClientAs(Demo.Coordinator);
        static List<string> Rows(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("tbody tr").Select(r => r.TextContent.Trim()).ToList();
        var first = await coordinator.GetDocumentAsync("/board/decisions");
        var lastNumber = Math.Max(1, (total + DecisionsModel.PageSize - 1) / DecisionsModel.PageSize);
        var last = await coordinator.GetDocumentAsync($"/board/decisions?page={lastNumber}");
        Assert.Equal(total, (lastNumber - 1) * DecisionsModel.PageSize + Rows(last).Count);
        Assert.Equal(Math.Min(total, DecisionsModel.PageSize), Rows(first).Count);
        Assert.Equal(Rows(last), Rows(await coordinator.GetDocumentAsync("/board/decisions?page=99")));
    }

    [Fact]
    public async Task NewMeeting_WithBadInput_ShowsTheErrors_AndKeepsTheInput()
    {
        var response = await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/board/meetings/new", new Dictionary<string, string>
        {
            ["Input.Date"] = "", ["Input.Time"] = "14:00", ["Input.Place"] = "", ["Input.Papers"] = "Kept papers",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Enter where the meeting is", page.ErrorSummary());
        Assert.Contains(page.ErrorSummary(), e => e.Contains("date", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("Kept papers", page.FieldValue("Input.Papers"));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClientAs(Demo.StaffCoventry).GetAsync("/board/meetings/new")).StatusCode);
    }
}
