using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Placements;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Placements;

public class PlacementTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public PlacementTests(AppFactory app) => _app = app;

    private async Task<int> RequestAsync(string staff, string goals)
    {
        var themes = await _app.WithDbAsync(db => db.Themes.Where(t => t.Code == "performance-management").Select(t => t.Id).SingleAsync());
        var response = await _app.CreateClientAs(staff).SubmitFormAsync("/placements/request", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Mentoring",
            ["Input.ThemeIds"] = themes.ToString(),
            ["Input.Goals"] = goals,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await _app.WithDbAsync(db => db.SupportRequests.Where(r => r.Goals == goals).Select(r => r.Id).SingleAsync());
    }

    private async Task<int> ConfirmAsync(int requestId)
    {
        var mentorId = await _app.UserIdAsync(Demo.Mentor);
        // Many tests here pair the demo mentor: give them room.
        await _app.WithDbAsync(async db =>
        {
            var profile = await db.MentorProfiles.SingleAsync(m => m.PersonId == mentorId);
            profile.Update(profile.Organisation, profile.Biography, 20, 0, profile.Kinds, profile.ThemeIds, true);
            await db.SaveChangesAsync();
        });
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/placements/requests/{requestId}", new Dictionary<string, string>
        {
            ["Input.MentorId"] = mentorId,
            ["Input.StartsOn"] = "2026-11-20",
            ["Input.EndsOn"] = "2027-05-20",
        }, "form[action*='handler=Confirm']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Fact]
    public async Task Request_SuggestsTheDemoMentor_ConfirmIntroducesBoth()
    {
        var requestId = await RequestAsync(Demo.StaffCoventry, "A performance framework for Coventry.");

        var suggestions = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/placements/requests/{requestId}");
        var first = suggestions.QuerySelector(".govuk-radios__item")!;
        Assert.Contains("Morgan Mentor", first.TextContent);
        Assert.Contains("Knows Performance management, as requested", first.TextContent);

        var placementId = await ConfirmAsync(requestId);
        Assert.Equal(RequestStatus.Matched, await _app.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));
        var toMentee = Assert.Single(await _app.DeliveredToAsync(Demo.StaffCoventry), m => (m.TextBody ?? "").Contains($"/placements/{placementId}"));
        Assert.StartsWith("Introduction: Mentoring for Jo Coventry with Morgan Mentor", toMentee.Subject);
        Assert.Contains(Demo.Mentor, toMentee.TextBody);
        Assert.Contains(await _app.DeliveredToAsync(Demo.Mentor), m => (m.TextBody ?? "").Contains($"/placements/{placementId}"));
    }

    [Fact]
    public async Task PrivateNotes_AreForThePairOnly()
    {
        var placementId = await ConfirmAsync(await RequestAsync(Demo.StaffCoventry, "Private notes test."));
        var log = await _app.CreateClientAs(Demo.Mentor).SubmitFormAsync($"/placements/{placementId}", new Dictionary<string, string>
        {
            ["Session.Date"] = "2026-11-24",
            ["Session.DurationMinutes"] = "60",
            ["Session.Mode"] = "Video",
            ["Session.Summary"] = "Looked at the board's scorecard.",
            ["Session.PrivateNotes"] = "Confidential: tension between two partners.",
        }, "form[action*='handler=Session']");
        Assert.Equal(HttpStatusCode.Redirect, log.StatusCode);

        foreach (var pair in new[] { Demo.Mentor, Demo.StaffCoventry })
        {
            var page = await _app.CreateClientAs(pair).GetDocumentAsync($"/placements/{placementId}");
            Assert.Contains("Confidential: tension between two partners.", page.QuerySelector("main")!.TextContent);
        }
        var coordinator = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/placements/{placementId}");
        Assert.Contains("Looked at the board's scorecard.", coordinator.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Confidential", coordinator.Body!.OuterHtml);

        // Nobody else may open it: another partnership's staff, another mentor.
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.StaffBirmingham).GetAsync($"/placements/{placementId}")).StatusCode);
        var otherMentor = (await _app.PeopleAsync(1))[0];
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(otherMentor).GetAsync($"/placements/{placementId}")).StatusCode);
        var list = await _app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync("/placements");
        Assert.DoesNotContain("Jo Coventry", list.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData("Session.DurationMinutes", "-30", "The duration must be between 1 and 1,440 minutes")]
    [InlineData("Session.DurationMinutes", "ninety", "'ninety' is not a valid value for duration")]
    [InlineData("Session.Date", "2027-01-01", "The session date must be between the placement's start and today.", "1 1 2027")]
    [InlineData("Session.Summary", "", "Enter a summary")]
    public async Task LogSession_WithBadInput_GivesAClearError(string field, string value, string error, string? shown = null)
    {
        var placementId = await ConfirmAsync(await RequestAsync(Demo.StaffCoventry, $"Bad input {field}={value}."));
        var form = new Dictionary<string, string>
        {
            ["Session.Date"] = "2026-11-24", ["Session.DurationMinutes"] = "60", ["Session.Mode"] = "Phone", ["Session.Summary"] = "A call.",
            [field] = value,
        };
        var response = await _app.CreateClientAs(Demo.StaffCoventry).SubmitFormAsync($"/placements/{placementId}", form, "form[action*='handler=Session']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(error, page.ErrorSummary());
        Assert.Equal(shown ?? value, page.FieldValue(field));
    }

    [Fact]
    public async Task LogSession_OnAPlacementYouAreNotIn_IsRefused()
    {
        var placementId = await ConfirmAsync(await RequestAsync(Demo.StaffCoventry, "Not yours."));
        var response = await _app.CreateClientAs(Demo.StaffBirmingham).PostWithTokenAsync("/placements", $"/placements/{placementId}?handler=Session",
            new Dictionary<string, string> { ["Session.Date"] = "2026-11-24", ["Session.DurationMinutes"] = "60", ["Session.Mode"] = "Phone", ["Session.Summary"] = "Sneaky" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var coordinatorTry = await _app.CreateClientAs(Demo.Coordinator).PostWithTokenAsync("/placements", $"/placements/{placementId}?handler=Session",
            new Dictionary<string, string> { ["Session.Date"] = "2026-11-24", ["Session.DurationMinutes"] = "60", ["Session.Mode"] = "Phone", ["Session.Summary"] = "Sneaky" });
        Assert.Equal(HttpStatusCode.Forbidden, coordinatorTry.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Placements.Where(p => p.Id == placementId).SelectMany(p => p.Sessions).AnyAsync()));
    }

    [Fact]
    public async Task Coordinator_PairsDirectly_ButNeverWithinOnePartnership()
    {
        var theme = await _app.WithDbAsync(db => db.Themes.Select(t => t.Id).FirstAsync());
        var mentorId = await _app.UserIdAsync(Demo.Mentor);
        var coventry = await _app.UserIdAsync(Demo.StaffCoventry);
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Coaching", ["Input.MentorId"] = mentorId, ["Input.MenteeId"] = coventry, ["Input.ThemeIds"] = theme.ToString(),
            ["Input.Goals"] = "Chair meetings well.", ["Input.StartsOn"] = "2026-11-25", ["Input.EndsOn"] = "2027-02-25",
        };
        var made = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/placements/create", form);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);

        // A Birmingham volunteer cannot mentor a Birmingham colleague.
        var volunteer = (await _app.PeopleAsync(1, "Birmingham"))[0];
        var volunteerId = await _app.UserIdAsync(volunteer);
        await _app.WithDbAsync(async db =>
        {
            // The demo region: another test in this class adds a second region to the shared app.
            var profile = new MentorProfile(volunteerId, await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync());
            profile.Update(null, null, 2, 0, [PlacementKind.Coaching], [theme], true);
            db.MentorProfiles.Add(profile);
            await db.SaveChangesAsync();
        });
        form["Input.MentorId"] = volunteerId;
        form["Input.MenteeId"] = await _app.UserIdAsync(Demo.StaffBirmingham);
        var refused = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/placements/create", form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The mentor must come from another partnership", (await refused.ParseAsync()).ErrorSummary());
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.StaffBirmingham).GetAsync("/placements/create")).StatusCode);
    }

    [Fact]
    public async Task PartnershipPage_RollsUpPlacementHoursByTheme_ForItsStaffAndCoordinators()
    {
        // The demo pairing: Birmingham, performance management, one 90-minute session.
        var birmingham = await _app.PartnershipIdAsync("Birmingham");
        var page = await _app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync($"/partnerships/{birmingham}");
        var row = page.QuerySelectorAll("main table tbody tr").Single(r => r.TextContent.Contains("Performance management") && r.QuerySelectorAll("td").Length == 4);
        Assert.Equal(["1", "1", "1.5", "–"], row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        var other = await _app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync($"/partnerships/{birmingham}");
        Assert.DoesNotContain("Mentoring and placements", other.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Mentor_AtCapacity_IsNotSuggested()
    {
        await using var app = new AppFactory();
        // The demo mentor has capacity 3 and one demo pairing: fill the other two.
        for (var i = 0; i < 3; i++)
        {
            var goals = $"Fill {i}";
            var themes = await app.WithDbAsync(db => db.Themes.Where(t => t.Code == "performance-management").Select(t => t.Id).SingleAsync());
            await app.CreateClientAs(Demo.StaffCoventry).SubmitFormAsync("/placements/request", new Dictionary<string, string>
            {
                ["Input.Kind"] = "Mentoring", ["Input.ThemeIds"] = themes.ToString(), ["Input.Goals"] = goals,
            });
            var requestId = await app.WithDbAsync(db => db.SupportRequests.Where(r => r.Goals == goals).Select(r => r.Id).SingleAsync());
            var coordinator = app.CreateClientAs(Demo.Coordinator);
            var page = await coordinator.GetDocumentAsync($"/placements/requests/{requestId}");
            if (i < 2)
            {
                Assert.Contains("Morgan Mentor", page.QuerySelector("main")!.TextContent);
                var mentorId = await app.UserIdAsync(Demo.Mentor);
                var confirmed = await coordinator.SubmitAsync(page, $"/placements/requests/{requestId}", new Dictionary<string, string>
                {
                    ["Input.MentorId"] = mentorId, ["Input.StartsOn"] = "2026-11-20", ["Input.EndsOn"] = "2027-05-20",
                }, "form[action*='handler=Confirm']");
                Assert.True(confirmed.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await confirmed.ParseAsync()).ErrorSummary()));
            }
            else
            {
                Assert.DoesNotContain("Morgan Mentor", page.QuerySelector("main")!.TextContent);
                Assert.Contains("Nobody can take this on", page.QuerySelector("main")!.TextContent);
            }
        }
    }

    [Fact]
    public async Task Mentor_CannotSetCapacityBelowThePairingsInUse()
    {
        await using var app = new AppFactory();
        // The demo mentor has one active demo pairing.
        var mentorId = await app.UserIdAsync(Demo.Mentor);
        Assert.Equal(1, await app.WithDbAsync(db => db.Placements.CountAsync(p => p.MentorId == mentorId && p.Status == PlacementStatus.Active)));
        var client = app.CreateClientAs(Demo.Mentor);
        var refused = await client.SubmitFormAsync("/mentors/profile", new Dictionary<string, string> { ["Input.Capacity"] = "0" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Contains(page.ErrorSummary(), e => e.StartsWith("You have 1 pairing in use, so your capacity cannot be less than 1.", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("#Input_Capacity-error"));
        Assert.Equal("0", page.FieldValue("Input.Capacity"));
        Assert.Equal(3, await app.WithDbAsync(db => db.MentorProfiles.Where(m => m.PersonId == mentorId).Select(m => m.Capacity).SingleAsync()));

        // Not taking new pairings is the way to stop: capacity stays at the pairings in use.
        var saved = await client.SubmitFormAsync("/mentors/profile", new Dictionary<string, string> { ["Input.Capacity"] = "1", ["Input.Available"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var list = await app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/mentors");
        Assert.Contains("1 of 1 pairings in use · not taking new pairings", list.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Completing_WhenBothHaveRecordedOutcomes_DoesNotAskThemToRecordThem()
    {
        var mentorId = await _app.UserIdAsync(Demo.Mentor);
        var menteeId = await _app.UserIdAsync(Demo.StaffCoventry);
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        async Task<int> EndingPlacementAsync(params string[] recorded) => await _app.WithDbAsync(async db =>
        {
            var placement = new Placement(await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync(), PlacementKind.Coaching, mentorId, menteeId,
                await _app.PartnershipIdAsync("Coventry"), "Finish well.", today.AddMonths(-5), today.AddDays(5),
                [await db.Themes.Select(t => t.Id).FirstAsync()], null, null, null);
            foreach (var person in recorded)
            {
                placement.RecordOutcome(person, 4, "Board papers are shorter.", true, now);
            }
            db.Placements.Add(placement);
            await db.SaveChangesAsync();
            return placement.Id;
        });
        async Task<string> CompleteAsync(int id)
        {
            var client = _app.CreateClientAs(Demo.Coordinator);
            var done = await client.SubmitFormAsync($"/placements/{id}", new Dictionary<string, string>(), "form[action*='handler=Complete']");
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
            return (await client.GetDocumentAsync($"/placements/{id}")).QuerySelector(".govuk-notification-banner")!.TextContent;
        }

        Assert.Contains("Both of you have recorded its outcomes.", await CompleteAsync(await EndingPlacementAsync(mentorId, menteeId)));
        Assert.Contains("Jo Coventry has still to record their outcomes.", await CompleteAsync(await EndingPlacementAsync(mentorId)));
        Assert.Contains("Both of you can now record its outcomes.", await CompleteAsync(await EndingPlacementAsync()));
    }

    [Fact]
    public async Task Requester_OpensTheirRequest_SeesItsHistory_AndWithdrawsIt()
    {
        var requestId = await RequestAsync(Demo.StaffCoventry, "A request to withdraw.");
        var staff = _app.CreateClientAs(Demo.StaffCoventry);

        // The list links to it, and says when it was asked once.
        var list = await staff.GetDocumentAsync("/placements");
        var entry = list.QuerySelectorAll("main li").Single(li => li.QuerySelector($"a[href='/placements/requests/{requestId}']") is not null);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(entry.TextContent, "asked"));

        var page = await staff.GetDocumentAsync($"/placements/requests/{requestId}");
        Assert.Equal("Waiting for a match", page.QuerySelector("#request-status")!.TextContent);
        Assert.Equal(["25 November 2026 at 10am: Asked by Jo Coventry"], page.QuerySelectorAll("#request-history li").Select(li => li.TextContent.Trim()));
        Assert.Null(page.QuerySelector("form[action*='handler=Confirm']")); // no mentors are suggested to the requester
        Assert.DoesNotContain("Morgan Mentor", page.QuerySelector("main")!.TextContent);

        // Nobody else but the region's coordinators may open it, or confirm a match.
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.StaffBirmingham).GetAsync($"/placements/requests/{requestId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.Mentor).GetAsync($"/placements/requests/{requestId}")).StatusCode);
        await _app.AddOtherRegionAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(TestData.OtherCoordinator).GetAsync($"/placements/requests/{requestId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.StaffBirmingham).PostWithTokenAsync("/placements",
            $"/placements/requests/{requestId}?handler=Withdraw")).StatusCode);
        var selfConfirm = await staff.PostWithTokenAsync("/placements", $"/placements/requests/{requestId}?handler=Confirm", new Dictionary<string, string>
        {
            ["Input.MentorId"] = await _app.UserIdAsync(Demo.Mentor), ["Input.StartsOn"] = "2026-11-25", ["Input.EndsOn"] = "2027-05-25",
        });
        Assert.Equal(HttpStatusCode.Forbidden, selfConfirm.StatusCode);

        var withdrawn = await staff.SubmitFormAsync($"/placements/requests/{requestId}", new Dictionary<string, string>(), "form[action*='handler=Withdraw']");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(RequestStatus.Withdrawn, await _app.WithDbAsync(db => db.SupportRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));
        page = await staff.GetDocumentAsync($"/placements/requests/{requestId}");
        Assert.Equal("Withdrawn", page.QuerySelector("#request-status")!.TextContent);
        Assert.Equal("25 November 2026 at 10am: Withdrawn by you", page.QuerySelectorAll("#request-history li")[1].TextContent.Trim());
        Assert.Null(page.QuerySelector("form[action*='handler=Withdraw']"));
        var again = await staff.PostWithTokenAsync("/placements", $"/placements/requests/{requestId}?handler=Withdraw");
        Assert.Contains("This request has already been withdrawn.", (await again.ParseAsync()).ErrorSummary());

        // A matched request shows who it was matched with, and cannot be withdrawn.
        var matchedId = await RequestAsync(Demo.StaffCoventry, "A request to match.");
        await ConfirmAsync(matchedId);
        var matched = await staff.GetDocumentAsync($"/placements/requests/{matchedId}");
        Assert.Equal("25 November 2026 at 10am: Matched with Morgan Mentor by Chris Coordinator", matched.QuerySelectorAll("#request-history li")[1].TextContent.Trim());
        Assert.NotNull(matched.QuerySelector("main a[href^='/placements/']"));
        var late = await staff.PostWithTokenAsync("/placements", $"/placements/requests/{matchedId}?handler=Withdraw");
        Assert.Contains("This request has been matched already: to stop, end the placement instead.", (await late.ParseAsync()).ErrorSummary());
    }
}
