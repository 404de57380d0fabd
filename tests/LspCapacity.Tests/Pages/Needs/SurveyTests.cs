using System.Net;
using AngleSharp.Html.Dom;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Needs;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Needs;

public class SurveyTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public SurveyTests(AppFactory app) => _app = app;

    private async Task<int> CreateAndOpenAsync(string title)
    {
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var created = await coordinator.SubmitFormAsync("/needs/surveys/create", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Round"] = "Baseline",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var opened = await coordinator.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Open.OpensOn"] = "2026-11-25",
            ["Open.ClosesOn"] = "2026-12-23",
        }, "form[action*='handler=Open']");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return int.Parse(url.Split('/').Last());
    }

    /// <summary>Answers every section: every rating question with <paramref name="rating"/>, free text where asked.</summary>
    private async Task AnswerAllAsync(HttpClient client, int surveyId, string rating)
    {
        var url = $"/needs/surveys/{surveyId}/response?section=1";
        for (var guard = 0; guard < 20 && !url.Contains("check=true"); guard++)
        {
            var page = await client.GetDocumentAsync(url);
            var values = new Dictionary<string, string>();
            foreach (var radio in page.QuerySelectorAll("main form input[type=radio]").OfType<IHtmlInputElement>())
            {
                values[radio.Name!] = page.QuerySelectorAll($"input[name='{radio.Name}']").Length == 5 ? rating : radio.Value;
            }
            foreach (var textarea in page.QuerySelectorAll("main form textarea").OfType<IHtmlTextAreaElement>())
            {
                values[textarea.Name!] = "Performance management and pooled budgets";
            }
            var saved = await client.SubmitAsync(page, url, values, "main form[action*='handler=Save']");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            url = saved.Headers.Location!.OriginalString;
        }
    }

    [Fact]
    public async Task Template_GivesASectionPerTheme_AndOpeningInvitesEveryPartnershipsStaff()
    {
        var id = await CreateAndOpenAsync("Needs analysis: invitations");

        var survey = await _app.WithDbAsync(db => db.Surveys.Include(s => s.Sections).ThenInclude(s => s.Questions).AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(SurveyStatus.Open, survey.Status);
        Assert.Equal(8, survey.Sections.Count(s => s.ThemeId != null));
        Assert.All(survey.Sections.Where(s => s.ThemeId != null), s => Assert.InRange(s.Questions.Count, 3, 5));
        Assert.Contains(survey.Sections.SelectMany(s => s.Questions), q => q.Kind == QuestionKind.FreeText && q.Required);

        var invitations = (await _app.OutboxAsync()).Where(m => m.DeduplicationKey.StartsWith($"survey:{id}:invitation:", StringComparison.Ordinal)).ToList();
        // The demo staff, and any Birmingham colleague another test in this class (same app) has added.
        Assert.Equal(["officer.wolverhampton@lsp.example", Demo.StaffBirmingham, Demo.StaffCoventry, "staff.wolverhampton@lsp.example"], invitations.Select(m => m.ToAddress).Where(a => !a.StartsWith("person", StringComparison.Ordinal)).Order());
        var email = Assert.Single(await _app.DeliveredToAsync(Demo.StaffBirmingham), m => (m.TextBody ?? "").Contains($"/needs/surveys/{id}/response"));
        Assert.Contains("Birmingham", email.Subject);
    }

    [Fact]
    public async Task Staff_AnswerSectionBySection_CheckAndSubmitOnce_ThenItIsReadOnly()
    {
        var id = await CreateAndOpenAsync("Needs analysis: responding");
        var staff = _app.CreateClientAs(Demo.StaffBirmingham);

        // Submitting early links to the first question left, naming its section and how many are left.
        var check = await staff.GetDocumentAsync($"/needs/surveys/{id}/response?check=true");
        var early = await staff.SubmitAsync(check, $"/needs/surveys/{id}/response?check=true", new Dictionary<string, string>(), "main form[action*='handler=Submit']");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        var earlyPage = await early.ParseAsync();
        var survey = await _app.WithDbAsync(db => db.Surveys.Include(s => s.Sections).ThenInclude(s => s.Questions).AsNoTracking().SingleAsync(s => s.Id == id));
        var first = survey.Sections.OrderBy(s => s.Position).First();
        var question = first.Questions.OrderBy(q => q.Position).First(q => q.Required);
        var required = survey.Sections.SelectMany(s => s.Questions).Count(q => q.Required);
        var link = earlyPage.QuerySelector($".govuk-error-summary a[href='#Answers_{question.Id}_']");
        Assert.NotNull(link);
        Assert.Equal($"Answer \"{question.Text}\" in {first.Title} before submitting ({required} questions still to answer)", link.TextContent);
        Assert.NotNull(earlyPage.GetElementById($"Answers_{question.Id}_")); // the question's row, with its Change link
        Assert.StartsWith("Error: Check your answers before submitting – ", earlyPage.Title);

        await AnswerAllAsync(staff, id, "2");
        var ready = await staff.GetDocumentAsync($"/needs/surveys/{id}/response?check=true");
        Assert.Contains("2 – early stages", ready.QuerySelector("main")!.TextContent);
        Assert.Contains("by Sam Birmingham", ready.QuerySelector("main")!.TextContent);
        var submit = await staff.SubmitAsync(ready, $"/needs/surveys/{id}/response?check=true", new Dictionary<string, string>(), "main form[action*='handler=Submit']");
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);

        var response = await _app.WithDbAsync(db => db.SurveyResponses.AsNoTracking().SingleAsync(r => r.SurveyId == id));
        Assert.Equal(ResponseStatus.Submitted, response.Status);
        var after = await staff.GetDocumentAsync($"/needs/surveys/{id}/response?section=1");
        Assert.Null(after.QuerySelector("form[action*='handler=Save']"));
        Assert.Equal("Birmingham's response", after.QuerySelector("h1")!.TextContent);
        Assert.Equal($"Birmingham's response – Needs analysis: responding – LSP Capacity Building Programme", after.Title);
        var late = await staff.PostWithTokenAsync($"/needs/surveys/{id}", $"/needs/surveys/{id}/response?handler=Save&section=1");
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("This response cannot be changed.", (await late.ParseAsync()).ErrorSummary());
    }

    [Fact]
    public async Task Results_ShowNeedLevelsToCoordinators_AndOnlyTheRegionsAggregateToOthers()
    {
        var id = await CreateAndOpenAsync("Needs analysis: results");
        await AnswerAllAsync(_app.CreateClientAs(Demo.StaffBirmingham), id, "2");
        await AnswerAllAsync(_app.CreateClientAs(Demo.StaffCoventry), id, "4");
        foreach (var person in new[] { Demo.StaffBirmingham, Demo.StaffCoventry })
        {
            var client = _app.CreateClientAs(person);
            var page = await client.GetDocumentAsync($"/needs/surveys/{id}/response?check=true");
            await client.SubmitAsync(page, $"/needs/surveys/{id}/response?check=true", new Dictionary<string, string>(), "main form[action*='handler=Submit']");
        }

        var results = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/needs/surveys/{id}/results");
        Assert.Contains("2 of 38", results.QuerySelector("main")!.TextContent);
        var birmingham = results.QuerySelectorAll(".app-heatmap tbody tr").Single(r => r.TextContent.Contains("Birmingham"));
        Assert.Equal(8, birmingham.QuerySelectorAll("td").Count(td => td.TextContent.Trim() == "High (2.0)"));
        var coventry = results.QuerySelectorAll(".app-heatmap tbody tr").Single(r => r.TextContent.Contains("Coventry"));
        Assert.Equal(8, coventry.QuerySelectorAll("td").Count(td => td.TextContent.Trim() == "Low (4.0)"));
        // Every cell links to the needs coverage of that partnership and theme.
        var birminghamId = await _app.PartnershipIdAsync("Birmingham");
        var themeIds = await _app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).SelectMany(s => s.Sections)
            .Where(s => s.ThemeId != null).OrderBy(s => s.Position).Select(s => s.ThemeId!.Value).ToListAsync());
        Assert.Equal(themeIds.Select(t => $"/needs/coverage?partnership={birminghamId}&theme={t}"),
            birmingham.QuerySelectorAll("td a").Select(a => a.GetAttribute("href")));
        Assert.Contains("Performance management and pooled budgets", results.QuerySelector("main")!.TextContent);

        var ranking = results.QuerySelectorAll("main table").Last().QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(8, ranking.Count);
        Assert.All(ranking, r => Assert.Equal("1", r.QuerySelectorAll("td")[1].TextContent.Trim())); // one high need (Birmingham) per theme
        Assert.All(ranking, r => Assert.Equal("3.0", r.QuerySelectorAll("td")[2].TextContent.Trim())); // (2 + 4) / 2

        foreach (var person in new[] { Demo.StaffBirmingham, Demo.Mentor })
        {
            var aggregate = await _app.CreateClientAs(person).GetDocumentAsync($"/needs/surveys/{id}/results");
            Assert.Null(aggregate.QuerySelector(".app-heatmap"));
            Assert.DoesNotContain("Coventry", aggregate.QuerySelector("main")!.TextContent);
            Assert.DoesNotContain("Performance management and pooled budgets", aggregate.QuerySelector("main")!.TextContent);
            Assert.Contains("Themes ranked by need", aggregate.QuerySelector("main")!.TextContent);
        }
        await _app.AddOtherRegionAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(TestData.OtherCoordinator).GetAsync($"/needs/surveys/{id}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(TestData.OtherCoordinator).GetAsync($"/needs/surveys/{id}")).StatusCode);
    }

    [Fact]
    public async Task Results_SeenBeforeASubmission_ShowItAtOnce()
    {
        var id = await CreateAndOpenAsync("Needs analysis: results as they come in");
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        async Task SubmitAsync(string person, string rating)
        {
            var client = _app.CreateClientAs(person);
            await AnswerAllAsync(client, id, rating);
            var page = await client.GetDocumentAsync($"/needs/surveys/{id}/response?check=true");
            await client.SubmitAsync(page, $"/needs/surveys/{id}/response?check=true", new Dictionary<string, string>(), "main form[action*='handler=Submit']");
        }

        await SubmitAsync(Demo.StaffBirmingham, "2");
        var before = await coordinator.GetDocumentAsync($"/needs/surveys/{id}/results");
        Assert.Contains("1 of 38", before.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(before.QuerySelectorAll(".app-heatmap tbody tr"), r => r.TextContent.Contains("Coventry"));

        await SubmitAsync(Demo.StaffCoventry, "4");
        var after = await coordinator.GetDocumentAsync($"/needs/surveys/{id}/results");
        Assert.Contains("2 of 38", after.QuerySelector("main")!.TextContent);
        Assert.Contains(after.QuerySelectorAll(".app-heatmap tbody tr"), r => r.TextContent.Contains("Coventry"));
        // Staff see the same figures as the region's aggregate, without the rows.
        var staff = await _app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync($"/needs/surveys/{id}/results");
        Assert.Contains("2 of 38", staff.QuerySelector("main")!.TextContent);
        Assert.Empty(staff.QuerySelectorAll(".app-heatmap tbody tr"));
    }

    [Fact]
    public async Task Staff_SeeOnlyTheirOwnPartnershipsAnswers()
    {
        var id = await CreateAndOpenAsync("Needs analysis: privacy");
        await AnswerAllAsync(_app.CreateClientAs(Demo.StaffBirmingham), id, "1");
        var birmingham = await _app.PartnershipIdAsync("Birmingham");

        // Coventry's staff asking for Birmingham's response get their own (empty) one, never Birmingham's.
        var coventry = await _app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync($"/needs/surveys/{id}/response?check=true&partnership={birmingham}");
        Assert.Contains("Coventry", coventry.QuerySelector(".govuk-caption-l")!.TextContent);
        Assert.DoesNotContain("1 – no capacity yet", coventry.QuerySelector("main")!.TextContent);
        // Mentors have no partnership: refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.Mentor).GetAsync($"/needs/surveys/{id}/response")).StatusCode);
        // Coordinators may read it.
        var coordinator = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync($"/needs/surveys/{id}/response?check=true&partnership={birmingham}");
        Assert.Contains("1 – no capacity yet", coordinator.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task ClosedSurvey_AcceptsNothing_AndDraftsAreHiddenFromStaff()
    {
        var id = await CreateAndOpenAsync("Needs analysis: closing");
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var closed = await coordinator.SubmitFormAsync($"/needs/surveys/{id}", new Dictionary<string, string>(), "form[action*='handler=Close']");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);

        var staff = _app.CreateClientAs(Demo.StaffCoventry);
        var page = await staff.GetDocumentAsync($"/needs/surveys/{id}/response?section=1");
        Assert.Null(page.QuerySelector("form[action*='handler=Save']"));
        var forced = await staff.PostWithTokenAsync($"/needs/surveys/{id}", $"/needs/surveys/{id}/response?handler=Save&section=1");
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Empty(await _app.WithDbAsync(db => db.SurveyResponses.Where(r => r.SurveyId == id).ToListAsync()));

        var draft = await coordinator.SubmitFormAsync("/needs/surveys/create", new Dictionary<string, string> { ["Input.Title"] = "Draft only", ["Input.Round"] = "Baseline" });
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync(draft.Headers.Location!.OriginalString)).StatusCode);
    }

    [Fact]
    public async Task BadInput_GivesClearErrors()
    {
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var noBaseline = await (await coordinator.SubmitFormAsync("/needs/surveys/create", new Dictionary<string, string>
        {
            ["Input.Title"] = "Follow-up", ["Input.Round"] = "FollowUp",
        })).ParseAsync();
        Assert.Contains("Select the baseline survey to compare with", noBaseline.ErrorSummary());

        var created = await coordinator.SubmitFormAsync("/needs/surveys/create", new Dictionary<string, string> { ["Input.Title"] = "Dates", ["Input.Round"] = "Baseline" });
        var url = created.Headers.Location!.OriginalString;
        var backwards = await (await coordinator.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Open.OpensOn"] = "2026-12-10", ["Open.ClosesOn"] = "2026-12-01",
        }, "form[action*='handler=Open']")).ParseAsync();
        Assert.Contains("The close date must be on or after the open date", backwards.ErrorSummary());

        var id = await CreateAndOpenAsync("Needs analysis: bad rating");
        var forged = await _app.CreateClientAs(Demo.StaffBirmingham).PostWithTokenAsync($"/needs/surveys/{id}", $"/needs/surveys/{id}/response?handler=Save&section=1",
            new Dictionary<string, string> { [$"Answers[{await FirstQuestionIdAsync(id)}]"] = "9" });
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains((await forged.ParseAsync()).ErrorSummary(), e => e.StartsWith("Choose a rating from 1 to 5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TwoStaffSavingAtOnce_LoseNeitherAnswer_AndAClashIsExplainedWithInputKept()
    {
        var id = await CreateAndOpenAsync("Needs analysis: colleagues");
        var colleague = (await _app.PeopleAsync(1, "Birmingham"))[0];
        var sam = _app.CreateClientAs(Demo.StaffBirmingham);
        var other = _app.CreateClientAs(colleague);
        var url = $"/needs/surveys/{id}/response?section=1";
        var questions = await _app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).SelectMany(s => s.Sections).Where(s => s.Position == 1)
            .SelectMany(s => s.Questions).OrderBy(q => q.Position).Select(q => q.Id).ToListAsync());
        string Key(int i) => $"Answers[{questions[i]}]";

        // Both open the section; each answers a different question.
        var samPage = await sam.GetDocumentAsync(url);
        var otherPage = await other.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await sam.SubmitAsync(samPage, url, new Dictionary<string, string> { [Key(0)] = "2" }, "main form[action*='handler=Save']")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync(otherPage, url, new Dictionary<string, string> { [Key(1)] = "4" }, "main form[action*='handler=Save']")).StatusCode);
        var answers = await _app.WithDbAsync(db => db.SurveyResponses.Where(r => r.SurveyId == id).SelectMany(r => r.Answers).ToListAsync());
        Assert.Equal(2, answers.Single(a => a.QuestionId == questions[0]).Rating);
        Assert.Equal(4, answers.Single(a => a.QuestionId == questions[1]).Rating);

        // Both change the same question: the second is told, and keeps their input on the page.
        samPage = await sam.GetDocumentAsync(url);
        otherPage = await other.GetDocumentAsync(url);
        await sam.SubmitAsync(samPage, url, new Dictionary<string, string> { [Key(2)] = "3" }, "main form[action*='handler=Save']");
        var clash = await other.SubmitAsync(otherPage, url, new Dictionary<string, string> { [Key(2)] = "5" }, "main form[action*='handler=Save']");
        Assert.Equal(HttpStatusCode.OK, clash.StatusCode);
        var clashPage = await clash.ParseAsync();
        Assert.Contains(clashPage.ErrorSummary(), e => e.StartsWith("A colleague changed", StringComparison.Ordinal));
        Assert.NotNull(clashPage.QuerySelector($"input[name='{Key(2)}'][value='5'][checked]"));
        Assert.Equal(3, await _app.WithDbAsync(db => db.SurveyResponses.Where(r => r.SurveyId == id).SelectMany(r => r.Answers)
            .Where(a => a.QuestionId == questions[2]).Select(a => a.Rating).SingleAsync()));

        // Saving again from that page replaces it deliberately.
        var resaved = await other.SubmitAsync(clashPage, url, new Dictionary<string, string> { [Key(2)] = "5" }, "main form[action*='handler=Save']");
        Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode);
    }

    [Fact]
    public async Task AnswerToAQuestionOfAnotherSection_IsRefusedClearly()
    {
        var id = await CreateAndOpenAsync("Needs analysis: wrong question");
        var otherSectionQuestion = await _app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).SelectMany(s => s.Sections).Where(s => s.Position == 2)
            .SelectMany(s => s.Questions).Select(q => q.Id).FirstAsync());
        var response = await _app.CreateClientAs(Demo.StaffBirmingham).PostWithTokenAsync($"/needs/surveys/{id}",
            $"/needs/surveys/{id}/response?handler=Save&section=1", new Dictionary<string, string> { [$"Answers[{otherSectionQuestion}]"] = "3" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains((await response.ParseAsync()).ErrorSummary(), e => e.Contains("not in this section"));
    }

    [Fact]
    public async Task Export_GivesEveryAnswerAsCsv_ToCoordinatorsOnly()
    {
        var id = await CreateAndOpenAsync("Needs analysis: export");
        await AnswerAllAsync(_app.CreateClientAs(Demo.StaffCoventry), id, "3");

        var response = await _app.CreateClientAs(Demo.Coordinator).GetAsync($"/needs/surveys/{id}/answers.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, "answers.csv must not be cached");
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var rows = new List<string[]>();
        using (var reader = CsvHelper.CsvReader.FromText(text))
        {
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
            }
        }
        var questions = await _app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).SelectMany(s => s.Sections).SelectMany(s => s.Questions)
            .CountAsync(q => q.Kind != QuestionKind.MultipleChoice));
        Assert.Equal(questions, rows.Count);
        Assert.All(rows, r => Assert.Equal("Coventry", r[0]));
        Assert.Contains(rows, r => r[4] == "3" && r[6] == "Jo Coventry");
        Assert.Contains(rows, r => r[5] == "Performance management and pooled budgets");

        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.StaffCoventry).GetAsync($"/needs/surveys/{id}/answers.csv")).StatusCode);
    }

    [Fact]
    public async Task Builder_AddsChangesAndRemovesQuestions_OnlyWhileDraft()
    {
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var created = await coordinator.SubmitFormAsync("/needs/surveys/create", new Dictionary<string, string> { ["Input.Title"] = "Builder", ["Input.Round"] = "Baseline" });
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last());

        var oneOption = await (await coordinator.SubmitFormAsync($"/needs/surveys/{id}/questions?section=9", new Dictionary<string, string>
        {
            ["Input.Kind"] = "SingleChoice", ["Input.Text"] = "How often does the board meet?", ["Input.Options"] = "Monthly",
        })).ParseAsync();
        Assert.Contains("A choice question needs at least two different options.", oneOption.ErrorSummary());
        Assert.Equal("How often does the board meet?", oneOption.FieldValue("Input.Text"));

        var added = await coordinator.SubmitFormAsync($"/needs/surveys/{id}/questions?section=9", new Dictionary<string, string>
        {
            ["Input.Kind"] = "SingleChoice", ["Input.Text"] = "How often does the board meet?", ["Input.Options"] = "Monthly\nQuarterly\nLess often",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var question = await _app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).SelectMany(s => s.Sections).SelectMany(s => s.Questions)
            .SingleAsync(q => q.Text == "How often does the board meet?"));
        Assert.Equal(["Monthly", "Quarterly", "Less often"], question.Options);

        var changed = await coordinator.SubmitFormAsync($"/needs/surveys/{id}/questions/{question.Id}", new Dictionary<string, string> { ["Input.Text"] = "How often does the board meet in a year?" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var removed = await coordinator.SubmitFormAsync($"/needs/surveys/{id}/questions/{question.Id}", new Dictionary<string, string>(), "form[action*='handler=Remove']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).SelectMany(s => s.Sections).SelectMany(s => s.Questions).AnyAsync(q => q.Id == question.Id)));

        // Once open, the questions are frozen.
        await coordinator.SubmitFormAsync($"/needs/surveys/{id}", new Dictionary<string, string> { ["Open.OpensOn"] = "2026-11-25", ["Open.ClosesOn"] = "2026-12-20" }, "form[action*='handler=Open']");
        var firstQuestion = await FirstQuestionIdAsync(id);
        var frozen = await coordinator.PostWithTokenAsync($"/needs/surveys/{id}", $"/needs/surveys/{id}/questions/{firstQuestion}",
            new Dictionary<string, string> { ["Input.Kind"] = "Rating", ["Input.Text"] = "Sneaky change", ["Input.Required"] = "true" });
        Assert.Equal(HttpStatusCode.OK, frozen.StatusCode);
        Assert.Contains("The questions of a survey are frozen once it has opened.", (await frozen.ParseAsync()).ErrorSummary());
        Assert.False(await _app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).SelectMany(s => s.Sections).SelectMany(s => s.Questions).AnyAsync(q => q.Text == "Sneaky change")));
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.StaffBirmingham).GetAsync($"/needs/surveys/{id}/questions?section=1")).StatusCode);
    }

    private Task<int> FirstQuestionIdAsync(int surveyId) => _app.WithDbAsync(db => db.Surveys.Where(s => s.Id == surveyId)
        .SelectMany(s => s.Sections).Where(s => s.Position == 1).SelectMany(s => s.Questions).OrderBy(q => q.Position).Select(q => q.Id).FirstAsync());
}
