using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Account;

/// <summary>The whole invitation journey: a coordinator invites, the email arrives, the link sets a password once.</summary>
public class InvitationTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public InvitationTests(AppFactory app) => _app = app;

    private async Task<string> InviteAsync(string email, string role = Roles.LspStaff, string partnership = "Dudley")
    {
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var response = await coordinator.SubmitFormAsync("/people/invite", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Dana Dudley",
            ["Input.Email"] = email,
            ["Input.Organisation"] = "Dudley MBC",
            ["Input.Role"] = role,
            ["Input.PartnershipId"] = (await _app.PartnershipIdAsync(partnership)).ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var emails = await _app.DeliveredToAsync(email);
        var invitation = Assert.Single(emails);
        Assert.Contains("invited", invitation.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Chris Coordinator", invitation.TextBody);
        Assert.Contains("West Midlands", invitation.TextBody);
        Assert.Contains("/account/invitation/", invitation.HtmlBody);
        return Emails.LinkIn(invitation, "/account/invitation/");
    }

    [Fact]
    public async Task InvitedPerson_FollowsLink_SetsPassword_AndSignsIn()
    {
        var link = await InviteAsync("dana@dudley.example");

        var invitee = _app.CreateAnonymousClient();
        var set = await invitee.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = "correct horse battery staple",
            ["Input.ConfirmPassword"] = "correct horse battery staple",
        });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/account/sign-in", set.Headers.Location?.OriginalString);

        var signIn = await invitee.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = "dana@dudley.example",
            ["Input.Password"] = "correct horse battery staple",
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var home = await invitee.GetDocumentAsync("/");
        Assert.Contains("Dudley", home.Body!.TextContent);

        // Single use: the link now says so and sets nothing.
        var again = await invitee.GetDocumentAsync(link);
        Assert.Contains("already been used", again.Body!.TextContent);
        Assert.Null(again.QuerySelector("input[name='Input.Password']"));
        var danaId = await _app.UserIdAsync("dana@dudley.example");
        var audit = await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "invitation.accepted" && a.ActorId == danaId).CountAsync());
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task Link_AfterItExpires_IsRefused()
    {
        var link = await InviteAsync("late@dudley.example");
        _app.Clock.Advance(TimeSpan.FromDays(8));
        try
        {
            var page = await _app.CreateAnonymousClient().GetDocumentAsync(link);
            Assert.Contains("expired", page.Body!.TextContent);
            Assert.Null(page.QuerySelector("input[name='Input.Password']"));
        }
        finally
        {
            _app.Clock.Advance(TimeSpan.FromDays(-8));
        }
    }

    [Fact]
    public async Task Link_WithMadeUpToken_IsRefused()
    {
        var page = await _app.CreateAnonymousClient().GetDocumentAsync("/account/invitation/not-a-real-token");
        Assert.Contains("not valid", page.Body!.TextContent);
    }

    [Fact]
    public async Task ShortOrMismatchedPassword_ShowsErrors_AndLeavesInvitationUsable()
    {
        var link = await InviteAsync("short@dudley.example");
        var invitee = _app.CreateAnonymousClient();

        var tooShort = await (await invitee.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "different",
        })).ParseAsync();
        Assert.Contains("Password must be at least 12 characters", tooShort.ErrorSummary());
        Assert.Contains("The passwords do not match", tooShort.ErrorSummary());

        var common = await (await invitee.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = "password1234",
            ["Input.ConfirmPassword"] = "password1234",
        })).ParseAsync();
        Assert.Contains(common.ErrorSummary(), e => e.Contains("too easy to guess"));

        var ok = await invitee.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = "a long passphrase of several words",
            ["Input.ConfirmPassword"] = "a long passphrase of several words",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
    }

    [Fact]
    public async Task ResendingAnInvitation_KillsTheOldLink()
    {
        var first = await InviteAsync("resend@dudley.example");
        var id = await _app.UserIdAsync("resend@dudley.example");

        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var resend = await coordinator.SubmitFormAsync($"/people/{id}", new Dictionary<string, string>(), button: "Send a new invitation");
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        var emails = await _app.DeliveredToAsync("resend@dudley.example");
        Assert.Equal(2, emails.Count);
        var second = Emails.LinkIn(emails[1], "/account/invitation/");
        Assert.NotEqual(first, second);

        var old = await _app.CreateAnonymousClient().GetDocumentAsync(first);
        Assert.Contains("withdrawn", old.Body!.TextContent);
        var fresh = await _app.CreateAnonymousClient().GetDocumentAsync(second);
        Assert.NotNull(fresh.QuerySelector("input[name='Input.Password']"));
    }
}
