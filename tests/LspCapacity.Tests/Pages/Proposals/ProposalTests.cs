using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Proposals;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Proposals;

public class ProposalTests : IClassFixture<AppFactory>
{
    private const string StaffWolverhampton = "staff.wolverhampton@lsp.example";
    private readonly AppFactory _app;

    public ProposalTests(AppFactory app) => _app = app;

    private Task<int> EndorsementsAsync(int id) => _app.WithDbAsync(db => db.ProposalEndorsements.CountAsync(e => e.ProposalId == id));

    [Fact]
    public async Task Propose_RecordsEverything_AndTheProposerSeesIt()
    {
        var id = await _app.ProposeAsync(Demo.StaffCoventry, "Masterclass on pooled budgets", kind: "StudyVisit");
        var proposal = await _app.WithDbAsync(db => db.Proposals.Include(p => p.Themes).SingleAsync(p => p.Id == id));
        Assert.Equal(ProposalStatus.Open, proposal.Status);
        Assert.Equal(ProposalKind.StudyVisit, proposal.Kind);
        Assert.Equal(HostOffer.Host, proposal.HostOffer);
        Assert.Equal(1500m, proposal.RoughCost);
        Assert.Equal(await _app.PartnershipIdAsync("Coventry"), proposal.PartnershipId);
        Assert.Single(proposal.Themes);
        var page = await _app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync($"/proposals/{id}");
        Assert.Contains("Your partnership proposed this", page.Body!.TextContent);
        Assert.Null(page.QuerySelector("form[action*='handler=Endorse']"));
        Assert.NotNull(page.QuerySelector($"a[href='/proposals/{id}/edit']"));
    }

    [Fact]
    public async Task OnePartnershipsEndorsements_CountOnce_HoweverManyOfItsStaffEndorse()
    {
        var id = await _app.ProposeAsync(Demo.StaffCoventry, "Counted once per partnership");
        var birmingham = await _app.PeopleAsync(2, "Birmingham");
        foreach (var person in birmingham.Append(Demo.StaffBirmingham).Append(StaffWolverhampton))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await _app.EndorseAsync(person, id, comment: $"From {person}")).StatusCode);
        }
        Assert.Equal(4, await EndorsementsAsync(id));

        var page = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/proposals/{id}");
        Assert.Contains("Endorsed by 2 partnerships", page.QuerySelector("#endorsing-count")!.TextContent);
        Assert.Equal(["Birmingham", "Wolverhampton"], page.QuerySelectorAll("[data-partnership]").Select(e => e.GetAttribute("data-partnership")).Order());
        Assert.Contains($"From {Demo.StaffBirmingham}", page.Body!.TextContent);

        var list = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/proposals?partnership={await _app.PartnershipIdAsync("Coventry")}");
        var row = list.QuerySelectorAll("#proposals tbody tr").Single(r => r.TextContent.Contains("Counted once per partnership"));
        Assert.Equal("2", row.QuerySelector("[data-endorsing]")!.TextContent.Trim());

        // The proposer hears once per partnership, not once per person.
        var emails = (await _app.OutboxAsync()).Where(m => m.DeduplicationKey.StartsWith($"proposal:{id}:endorsed:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, emails.Count);
        Assert.All(emails, m => Assert.Equal(Demo.StaffCoventry, m.ToAddress));
    }

    [Fact]
    public async Task TheProposer_AndTheirOwnPartnership_CannotEndorseIt()
    {
        var id = await _app.ProposeAsync(Demo.StaffCoventry, "Not endorsed by its own");
        var colleague = (await _app.PeopleAsync(1, "Coventry")).Single();
        foreach (var person in new[] { Demo.StaffCoventry, colleague })
        {
            var response = await _app.CreateClientAs(person).PostWithTokenAsync($"/proposals/{id}", $"/proposals/{id}?handler=Endorse",
                new Dictionary<string, string> { ["Endorsement.Kinds"] = "WouldCome" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Your partnership proposed this: it is already yours, so it cannot endorse it.", (await response.ParseAsync()).ErrorSummary());
        }
        Assert.Equal(0, await EndorsementsAsync(id));
    }

    [Fact]
    public async Task AnEndorsement_CanBeChanged_AndWithdrawn_WhileUndecided()
    {
        var id = await _app.ProposeAsync(Demo.StaffCoventry, "Changed and withdrawn");
        await _app.EndorseAsync(Demo.StaffBirmingham, id);
        var changed = await _app.EndorseAsync(Demo.StaffBirmingham, id, "CanCoDeliver", "We can present our pilot.");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var endorsement = await _app.WithDbAsync(db => db.ProposalEndorsements.SingleAsync(e => e.ProposalId == id));
        Assert.Equal(EndorsementKinds.CanCoDeliver, endorsement.Kinds);
        Assert.Equal("We can present our pilot.", endorsement.Comment);

        var withdrawn = await _app.CreateClientAs(Demo.StaffBirmingham).SubmitFormAsync($"/proposals/{id}", new Dictionary<string, string>(),
            "form[action*='handler=Withdraw']");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(0, await EndorsementsAsync(id));
    }

    [Fact]
    public async Task Endorsing_WithoutSayingAnything_ShowsAnError()
    {
        var id = await _app.ProposeAsync(Demo.StaffCoventry, "Say something");
        var response = await _app.CreateClientAs(Demo.StaffBirmingham).SubmitFormAsync($"/proposals/{id}",
            new Dictionary<string, string> { ["Endorsement.Comment"] = "Kept comment" }, "form[action*='handler=Endorse']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("Select at least one: you need it too, you would come, or you can co-deliver", page.ErrorSummary());
        Assert.Equal("Kept comment", page.FieldValue("Endorsement.Comment"));
    }

    [Theory]
    [InlineData(ProposalStatus.Approved)]
    [InlineData(ProposalStatus.Declined)]
    [InlineData(ProposalStatus.Merged)]
    public async Task ADecidedProposal_CannotBeEdited_OrEndorsed(ProposalStatus status)
    {
        var id = await _app.ProposeAsync(Demo.StaffCoventry, $"Decided {status}");
        await _app.EndorseAsync(Demo.StaffBirmingham, id);
        await _app.SetStatusAsync(id, status);
        var client = _app.CreateClientAs(Demo.StaffCoventry);

        var edit = await client.GetAsync($"/proposals/{id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal($"/proposals/{id}", edit.Headers.Location!.OriginalString);
        var post = await client.PostWithTokenAsync("/proposals/new", $"/proposals/{id}/edit", Support.Proposals.Form("Changed after the decision",
            await _app.ThemeIdAsync("laa-delivery")));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal($"Decided {status}", await _app.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await _app.CreateClientAs(Demo.Coordinator).GetAsync($"/proposals/{id}/edit")).StatusCode);

        // Endorsements stand as they were: no new one, no change, no withdrawal.
        var wolverhampton = await _app.CreateClientAs(StaffWolverhampton).PostWithTokenAsync($"/proposals/{id}", $"/proposals/{id}?handler=Endorse",
            new Dictionary<string, string> { ["Endorsement.Kinds"] = "WouldCome" });
        Assert.Contains("The programme board has decided this proposal: it can no longer be endorsed.", (await wolverhampton.ParseAsync()).ErrorSummary());
        var withdraw = await _app.CreateClientAs(Demo.StaffBirmingham).PostWithTokenAsync($"/proposals/{id}", $"/proposals/{id}?handler=Withdraw");
        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        Assert.Equal(1, await EndorsementsAsync(id));
        var page = await client.GetDocumentAsync($"/proposals/{id}");
        Assert.Null(page.QuerySelector($"a[href='/proposals/{id}/edit']"));
    }

    [Fact]
    public async Task ADeferredProposal_CanStillBeEdited_ByItsProposer_AndTheCoordinator_ButNoOneElse()
    {
        var id = await _app.ProposeAsync(Demo.StaffCoventry, "Deferred for now");
        await _app.SetStatusAsync(id, ProposalStatus.Deferred);
        var form = Support.Proposals.Form("Deferred, then improved", await _app.ThemeIdAsync("laa-delivery"));
        Assert.Equal(HttpStatusCode.Redirect, (await _app.CreateClientAs(Demo.StaffCoventry).SubmitFormAsync($"/proposals/{id}/edit", form)).StatusCode);
        Assert.Equal("Deferred, then improved", await _app.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
        form["Input.Title"] = "Tidied by the coordinator";
        Assert.Equal(HttpStatusCode.Redirect, (await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/proposals/{id}/edit", form)).StatusCode);
        var colleague = (await _app.PeopleAsync(1, "Coventry")).Single();
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(colleague).GetAsync($"/proposals/{id}/edit")).StatusCode);
        var forged = await _app.CreateClientAs(Demo.StaffBirmingham).PostWithTokenAsync("/proposals/new", $"/proposals/{id}/edit", form);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task AnotherRegionsPeople_CannotSee_OrEndorse_ThisRegionsProposals()
    {
        await _app.AddOtherRegionAsync();
        var id = await _app.ProposeAsync(Demo.StaffCoventry, "West Midlands only");
        foreach (var person in new[] { TestData.OtherStaff, TestData.OtherCoordinator })
        {
            var client = _app.CreateClientAs(person);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/proposals/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/proposals/{id}/edit")).StatusCode);
            var endorse = await client.PostWithTokenAsync("/proposals", $"/proposals/{id}?handler=Endorse",
                new Dictionary<string, string> { ["Endorsement.Kinds"] = "WouldCome" });
            Assert.Equal(HttpStatusCode.Forbidden, endorse.StatusCode);
            Assert.DoesNotContain("West Midlands only", (await client.GetDocumentAsync("/proposals")).Body!.TextContent);
        }
        Assert.Equal(0, await EndorsementsAsync(id));
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClientAs(Demo.Mentor).GetAsync($"/proposals/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(TestData.OtherStaff).GetAsync("/proposals/new")).StatusCode);
    }

    [Theory]
    [InlineData("Input.RoughCost", "-5", "The rough cost cannot be below zero")]
    [InlineData("Input.RoughCost", "lots", "Enter the rough cost as a number of pounds, like 1500")]
    [InlineData("Input.ThemeIds", "", "Select at least one theme")]
    [InlineData("Input.ThemeIds", "99999", "Select themes from the list")]
    [InlineData("Input.Need", "", "Describe the need it answers")]
    [InlineData("Input.Kind", "Banana", "'Banana' is not a valid value for Kind")]
    public async Task Propose_WithBadInput_ShowsTheError_AndKeepsTheInput(string field, string value, string error)
    {
        var form = Support.Proposals.Form("Kept title", await _app.ThemeIdAsync("laa-delivery"));
        form[field] = value;
        if (value.Length == 0 && field == "Input.ThemeIds")
        {
            form.Remove(field); // no box ticked: nothing is posted
        }
        var response = await _app.CreateClientAs(Demo.StaffBirmingham).SubmitFormAsync("/proposals/new", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(page.ErrorSummary(), e => e.StartsWith(error, StringComparison.Ordinal));
        Assert.Equal("Kept title", page.FieldValue("Input.Title"));
        if (field == "Input.RoughCost")
        {
            Assert.Equal(value, page.FieldValue(field));
        }
        Assert.False(await _app.WithDbAsync(db => db.Proposals.AnyAsync(p => p.Title == "Kept title")));
    }

    [Fact]
    public async Task AnEmptyProposal_ShowsEveryMissingAnswer()
    {
        var response = await _app.CreateClientAs(Demo.StaffBirmingham).SubmitFormAsync("/proposals/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "", ["Input.Need"] = "", ["Input.WhoWouldCome"] = "", ["Input.RoughCost"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            ["Enter a title for the proposal", "Select the kind of support", "Select at least one theme", "Describe the need it answers", "Say who would come",
                "Select whether your partnership offers to host or co-deliver it"],
            (await response.ParseAsync()).ErrorSummary());
    }

    [Fact]
    public async Task OnlyLspStaff_Propose()
    {
        foreach (var person in new[] { Demo.Coordinator, Demo.Mentor, Demo.Admin })
        {
            var client = _app.CreateClientAs(person);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/proposals/new")).StatusCode);
            var forged = await client.PostWithTokenAsync("/proposals", "/proposals/new",
                Support.Proposals.Form("Not staff", await _app.ThemeIdAsync("laa-delivery")));
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }
    }
}
