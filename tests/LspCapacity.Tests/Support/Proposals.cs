using System.Net;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Domain.Proposals;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Support;

/// <summary>Proposals through their real forms, and what only the board's work would do (a decision), set in the database.</summary>
public static class Proposals
{
    public static Task<int> ThemeIdAsync(this AppFactory app, string code) =>
        app.WithDbAsync(db => db.Themes.Where(t => t.Code == code).Select(t => t.Id).SingleAsync());

    public static Dictionary<string, string> Form(string title, int themeId, string kind = "Workshop", string cost = "1500") => new()
    {
        ["Input.Title"] = title,
        ["Input.Kind"] = kind,
        ["Input.ThemeIds"] = themeId.ToString(),
        ["Input.Need"] = "Nobody here knows how to pool budgets.",
        ["Input.WhoWouldCome"] = "Commissioning leads, about 20.",
        ["Input.HostOffer"] = "Host",
        ["Input.RoughCost"] = cost,
    };

    /// <summary>Proposes through /proposals/new as <paramref name="staff"/>; returns the new proposal's id.</summary>
    public static async Task<int> ProposeAsync(this AppFactory app, string staff, string title, string themeCode = "commissioning-and-budgets",
        string kind = "Workshop")
    {
        var response = await app.CreateClientAs(staff).SubmitFormAsync("/proposals/new", Form(title, await app.ThemeIdAsync(themeCode), kind));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    /// <summary>Endorses through the proposal page's form as <paramref name="staff"/>.</summary>
    public static Task<HttpResponseMessage> EndorseAsync(this AppFactory app, string staff, int id, string kind = "WouldCome", string comment = "") =>
        app.CreateClientAs(staff).SubmitFormAsync($"/proposals/{id}", new Dictionary<string, string>
        {
            ["Endorsement.Kinds"] = kind,
            ["Endorsement.Comment"] = comment,
        }, "form[action*='handler=Endorse']");

    /// <summary>The board's decision, set directly (deciding is the board's pages).</summary>
    public static Task SetStatusAsync(this AppFactory app, int id, ProposalStatus status) =>
        app.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, status)));

    /// <summary>
    /// An open needs survey of the West Midlands, one rating question per theme, with submitted responses: the partnerships
    /// in <paramref name="highNeeds"/> rate its themes 1 (a high need), the rest 5.
    /// </summary>
    public static Task AddNeedsSurveyAsync(this AppFactory app, IReadOnlyDictionary<string, string[]> highNeeds, params string[] others) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var regionId = await db.Regions.Where(r => r.Code == "west-midlands").Select(r => r.Id).SingleAsync();
            var themes = await db.Themes.ToDictionaryAsync(t => t.Code, t => t.Id);
            var survey = new Survey(regionId, "Needs analysis 2006", SurveyRound.Baseline, null, now);
            foreach (var (code, themeId) in themes)
            {
                survey.AddSection(code, themeId, null).AddQuestion(QuestionKind.Rating, $"Our capacity in {code}.", required: false, help: null);
            }
            survey.Open(now.AddHours(-1), now.AddDays(30), now);
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
            var person = await db.Users.Where(u => u.Email == Demo.Coordinator).Select(u => u.Id).SingleAsync();
            foreach (var name in highNeeds.Keys.Concat(others).Distinct())
            {
                var partnershipId = await db.Partnerships.Where(p => p.Name == name && p.RegionId == regionId).Select(p => p.Id).SingleAsync();
                var response = new SurveyResponse(survey.Id, partnershipId, now);
                foreach (var section in survey.Sections)
                {
                    var high = highNeeds.TryGetValue(name, out var codes) && codes.Contains(themes.Single(t => t.Value == section.ThemeId).Key);
                    response.Answer(section.Questions[0], high ? 1 : 5, null, null, person, now, survey);
                }
                response.Submit(survey, person, now);
                db.SurveyResponses.Add(response);
            }
            await db.SaveChangesAsync();
        });
}
