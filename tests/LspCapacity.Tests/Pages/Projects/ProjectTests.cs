using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Projects;

public class ProjectTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public ProjectTests(AppFactory app) => _app = app;

    private async Task<Dictionary<string, string>> ValidFormAsync(string title)
    {
        var theme = await _app.WithDbAsync(db => db.Themes.Where(t => t.Code == "performance-management").Select(t => t.Id).SingleAsync());
        return new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Problem"] = "Nobody owns the LAA targets.",
            ["Input.ThemeIds"] = theme.ToString(),
            ["Input.LaaBlocks"] = "SaferAndStrongerCommunities",
            ["Input.Neighbourhoods[0].Name"] = "Foleshill",
            ["Input.StartsOn"] = "2026-12-01",
            ["Input.EndsOn"] = "2027-06-30",
            ["Input.Milestones[0].Title"] = "Owners agreed",
            ["Input.Milestones[0].DueOn"] = "2027-02-01",
            ["Input.Measures[0].Name"] = "Targets with a named owner",
            ["Input.Measures[0].Unit"] = "%",
            ["Input.Measures[0].Baseline"] = "20",
            ["Input.Measures[0].BaselineOn"] = "2026-11-01",
            ["Input.Measures[0].Target"] = "100",
            ["Input.Measures[0].TargetOn"] = "2027-06-30",
        };
    }

    private async Task<int> RegisterAsync(string staff, string title)
    {
        var response = await _app.CreateClientAs(staff).SubmitFormAsync("/projects/register", await ValidFormAsync(title));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private async Task AcceptAsync(int id)
    {
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/projects/{id}/decide",
            new Dictionary<string, string> { ["SupportPlan"] = "A mentor on performance management." }, "form[action*='handler=Accept']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Register_ThenAccept_ThenUpdate_RecordsEachStep()
    {
        var id = await RegisterAsync(Demo.StaffCoventry, "Owners for every target");
        var project = await _app.WithDbAsync(db => db.Projects.Include(p => p.Measures).Include(p => p.Milestones).Include(p => p.Neighbourhoods).SingleAsync(p => p.Id == id));
        Assert.Equal(ProjectStatus.Proposed, project.Status);
        Assert.Equal(await _app.UserIdAsync(Demo.StaffCoventry), project.LeadId);
        Assert.Equal(LaaBlocks.SaferAndStrongerCommunities, project.LaaBlocks);
        Assert.Equal(100m, Assert.Single(project.Measures).TargetValue);

        await AcceptAsync(id);
        Assert.Equal(ProjectStatus.Active, await _app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
        Assert.Contains(await _app.OutboxAsync(), m => m.DeduplicationKey.StartsWith($"project:{id}:accepted:", StringComparison.Ordinal));

        var update = await _app.CreateClientAs(Demo.StaffCoventry).SubmitFormAsync($"/projects/{id}/update", new Dictionary<string, string>
        {
            ["Input.Rag"] = "Amber",
            ["Input.Narrative"] = "Half the partners have named owners.",
            ["Input.Readings[0].Value"] = "55",
            ["Input.Readings[0].On"] = UkToday(),
        });
        Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        var page = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/projects/{id}");
        Assert.Contains("Half the partners have named owners.", page.Body!.TextContent);
        // The chart and the table beside it show the same points.
        var measureId = project.Measures[0].Id;
        var chart = page.QuerySelectorAll($"#measure-{measureId}-title ~ g .app-chart__value, svg[aria-labelledby^='measure-{measureId}-title'] .app-chart__value")
            .Select(e => e.TextContent.Trim()).ToList();
        var table = page.QuerySelectorAll($"#measure-{measureId}-table tbody td.govuk-table__cell--numeric").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["20%", "55%", "100%"], table);
        Assert.Equal(table, chart);
    }

    [Fact]
    public async Task Decline_EmailsTheReason()
    {
        var id = await RegisterAsync(Demo.StaffCoventry, "A project to decline");
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/projects/{id}/decide",
            new Dictionary<string, string> { ["Reason"] = "It duplicates the county's project." }, "form[action*='handler=Decline']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var email = Assert.Single(await _app.OutboxAsync(), m => m.DeduplicationKey.StartsWith($"project:{id}:declined:", StringComparison.Ordinal));
        Assert.Equal(Demo.StaffCoventry, email.ToAddress);
        Assert.Equal(ProjectStatus.Declined, await _app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Status).SingleAsync()));
    }

    [Theory]
    [InlineData("Input.EndsOn", "2026-11-01", "The end date must be after the start date")]
    [InlineData("Input.Measures[0].TargetOn", "2026-10-01", "The target date of measure 1 must be on or after its baseline date")]
    [InlineData("Input.Measures[0].Baseline", "twenty", "The baseline value of measure 1 must be a number, like 12 or 4.5")]
    [InlineData("Input.Measures[0].Target", "lots", "The target value of measure 1 must be a number, like 12 or 4.5")]
    [InlineData("Input.Milestones[0].DueOn", "2027-09-01", "Milestone 1 must be due between the project's start and end dates")]
    [InlineData("Input.Measures[0].Unit", "", "Enter the unit of measure 1, for example % or young people")]
    [InlineData("Input.LaaBlocks", "", "Select at least one Local Area Agreement block")]
    public async Task Register_WithBadInput_ShowsTheError_AndKeepsTheInput(string field, string value, string error)
    {
        var form = await ValidFormAsync("Kept title");
        form[field] = value;
        if (field == "Input.LaaBlocks")
        {
            form.Remove(field); // no box ticked: nothing is posted
        }
        var response = await _app.CreateClientAs(Demo.StaffCoventry).SubmitFormAsync("/projects/register", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(error, page.ErrorSummary());
        Assert.Equal("Kept title", page.FieldValue("Input.Title"));
        if (value.Length > 0)
        {
            // A date comes back in its day, month and year fields as typed ("1 11 2026").
            var kept = DateOnly.TryParseExact(value, "yyyy-MM-dd", out var date) ? $"{date.Day} {date.Month} {date.Year}" : value;
            Assert.Equal(kept, page.FieldValue(field));
        }
    }

    [Fact]
    public async Task CoordinatorsUnfilteredList_IsTheRegionsProjectsInOrder_AndAPagePastTheLastShowsTheLast()
    {
        // The view a coordinator opens most is a compiled query (Index's RegionView): it must list what the composed one does.
        await _app.AddOtherRegionAsync();
        await RegisterAsync(TestData.OtherStaff, "North West only");
        var accepted = await RegisterAsync(Demo.StaffBirmingham, "Accepted in Birmingham");
        await AcceptAsync(accepted);
        await RegisterAsync(Demo.StaffCoventry, "Proposed in Coventry");
        var region = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Coordinator).Select(u => u.RegionId).SingleAsync());
        var expected = await _app.WithDbAsync(db => db.Projects.Where(p => p.RegionId == region)
            .OrderBy(p => p.Status == ProjectStatus.Proposed ? 0 : p.Status == ProjectStatus.Active ? 1 : 2)
            .ThenByDescending(p => p.StartsOn).ThenByDescending(p => p.Id)
            .Select(p => p.Title).ToListAsync());
        Assert.Contains("Proposed in Coventry", expected);
        Assert.Contains("Accepted in Birmingham", expected);

        var client = _app.CreateClientAs(Demo.Coordinator);
        static List<string> Titles(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("tbody a[href^='/projects/']").Select(a => a.TextContent.Trim()).ToList();
        var first = await client.GetDocumentAsync("/projects");
        Assert.Equal(expected.Take(25), Titles(first));
        Assert.DoesNotContain("North West only", first.Body!.TextContent);
        var lastNumber = (expected.Count + 24) / 25;
        var pastTheLast = await client.GetDocumentAsync("/projects?page=99");
        Assert.Equal(expected.Skip((lastNumber - 1) * 25), Titles(pastTheLast));
    }

    [Fact]
    public async Task OtherPartnershipsStaff_AndOtherRegionsCoordinator_CannotReadOrChange()
    {
        await _app.AddOtherRegionAsync();
        var id = await RegisterAsync(Demo.StaffCoventry, "Private to Coventry");
        foreach (var person in new[] { Demo.StaffBirmingham, TestData.OtherCoordinator, TestData.OtherStaff, Demo.Mentor })
        {
            var client = _app.CreateClientAs(person);
            foreach (var url in new[] { $"/projects/{id}", $"/projects/{id}/edit", $"/projects/{id}/update", $"/projects/{id}/close" })
            {
                Assert.True(HttpStatusCode.Forbidden == (await client.GetAsync(url)).StatusCode, $"{person} opened {url}");
            }
            var list = await client.GetDocumentAsync("/projects");
            Assert.DoesNotContain("Private to Coventry", list.Body!.TextContent);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(TestData.OtherCoordinator).GetAsync($"/projects/{id}/decide")).StatusCode);
        // A post from the wrong partnership is refused too, and changes nothing.
        var post = await _app.CreateClientAs(Demo.StaffBirmingham).PostWithTokenAsync("/projects/register", $"/projects/{id}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("Private to Coventry", await _app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Title).SingleAsync()));
        // The region's coordinator reads it; the partnership's staff change it.
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClientAs(Demo.Coordinator).GetAsync($"/projects/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.Coordinator).GetAsync($"/projects/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClientAs(Demo.StaffCoventry).GetAsync($"/projects/{id}/edit")).StatusCode);
    }

    [Fact]
    public async Task Update_WithANonNumericValue_ShowsTheError_AndOnlyTheLeadMayPost()
    {
        var id = await RegisterAsync(Demo.StaffCoventry, "Updates with bad values");
        await AcceptAsync(id);
        var response = await _app.CreateClientAs(Demo.StaffCoventry).SubmitFormAsync($"/projects/{id}/update", new Dictionary<string, string>
        {
            ["Input.Rag"] = "Green",
            ["Input.Narrative"] = "Going well.",
            ["Input.Readings[0].Value"] = "about half",
            ["Input.Readings[0].On"] = UkToday(),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("The value of Targets with a named owner must be a number, like 12 or 4.5", page.ErrorSummary());
        Assert.Equal("Going well.", page.QuerySelector("textarea[name='Input.Narrative']")!.TextContent);
        Assert.Equal(0, await _app.WithDbAsync(db => db.ProjectUpdates.CountAsync(u => u.ProjectId == id)));
    }

    [Fact]
    public async Task Close_RecordsResults_AndOffersAPrefilledCaseStudy()
    {
        var id = await RegisterAsync(Demo.StaffCoventry, "A project to close");
        await AcceptAsync(id);
        var client = _app.CreateClientAs(Demo.StaffCoventry);
        var bad = await client.SubmitFormAsync($"/projects/{id}/close", new Dictionary<string, string>
        {
            ["Input.WhatChanged"] = "Every target has an owner.",
            ["Input.FinalValues[0].Value"] = "n/a",
            ["Input.SupportContribution"] = "The mentor.",
        });
        Assert.Contains("The final value of Targets with a named owner must be a number, like 12 or 4.5", (await bad.ParseAsync()).ErrorSummary());

        var closed = await client.SubmitFormAsync($"/projects/{id}/close", new Dictionary<string, string>
        {
            ["Input.WhatChanged"] = "Every target has an owner.",
            ["Input.FinalValues[0].Value"] = "100",
            ["Input.SupportContribution"] = "The mentor showed us how.",
            ["Input.EvidenceLinks"] = "https://example.org/scorecard",
            ["Input.PublicConsent"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var project = await _app.WithDbAsync(db => db.Projects.Include(p => p.Results).Include(p => p.Measures).SingleAsync(p => p.Id == id));
        Assert.Equal(ProjectStatus.Closed, project.Status);
        Assert.True(project.Results!.PublicConsent);
        Assert.True(project.Measures[0].TargetMet);

        var write = await client.GetDocumentAsync($"/library/write?fromProject={id}");
        Assert.Equal("A project to close", write.FieldValue("Input.Title"));
        Assert.Contains("The mentor showed us how.", write.QuerySelector("textarea[name='Input.Body']")!.TextContent);
        // Someone else's project seeds nothing.
        var other = await _app.CreateClientAs(Demo.StaffBirmingham).GetDocumentAsync($"/library/write?fromProject={id}");
        Assert.Equal("", other.FieldValue("Input.Title") ?? "");
    }

    [Fact]
    public async Task ListAndProjectPage_RunTheSameQueries_ForFewAndManyUpdates()
    {
        var id = await RegisterAsync(Demo.StaffCoventry, "Counting queries");
        await AcceptAsync(id);
        var client = _app.CreateClientAs(Demo.Coordinator);
        await PostUpdatesAsync(1); // split queries skip the readings' query when there are no updates at all
        async Task<int> CountAsync(string url)
        {
            await client.GetDocumentAsync(url);
            _app.Queries.Reset();
            await client.GetDocumentAsync(url);
            return _app.Queries.Count;
        }
        var list = await CountAsync("/projects");
        var page = await CountAsync($"/projects/{id}");
        for (var i = 0; i < 5; i++)
        {
            await RegisterAsync(Demo.StaffCoventry, $"Another project {i}");
        }
        await PostUpdatesAsync(6);
        Assert.Equal(list, await CountAsync("/projects"));
        Assert.Equal(page, await CountAsync($"/projects/{id}"));

        Task PostUpdatesAsync(int count) => _app.WithDbAsync(async db =>
        {
            var project = await db.Projects.Include(p => p.Measures).Include(p => p.Milestones).SingleAsync(p => p.Id == id);
            var today = LspCapacity.Web.Infrastructure.UkTime.Today(_app.Clock);
            for (var i = 0; i < count; i++)
            {
                project.PostUpdate(project.LeadId, RagStatus.Green, $"Update {i}", [], [new MeasureReadingInput(project.Measures[0].Id, 30 + i, today)],
                    today, _app.Clock.GetUtcNow().UtcDateTime);
            }
            await db.SaveChangesAsync();
        });
    }

    private string UkToday() => LspCapacity.Web.Infrastructure.UkTime.Today(_app.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
