using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.Providers;

/// <summary>
/// A coordinator invites a provider contact for an organisation: the invitation arrives over SMTP, the contact sets
/// a password, signs in through the real sign-in page and keeps their organisation's offers.
/// </summary>
public sealed class ProviderInviteTests : SmtpAppTest
{
    private async Task<Dictionary<string, string>> FormAsync(string email, string? organisation) => new()
    {
        ["Input.DisplayName"] = "Olu Officer",
        ["Input.Email"] = email,
        ["Input.Role"] = Roles.ProviderContact,
        ["Input.PartnershipId"] = "",
        ["Input.OrganisationId"] = organisation is null ? "" : (await App.OrganisationIdAsync(organisation)).ToString(),
    };

    [Fact]
    public async Task InviteAProviderContact_EndToEnd()
    {
        var police = await App.OrganisationIdAsync(Providers.Police);
        var coordinator = App.CreateClientAs(Demo.Coordinator);
        // The organisation's page leads to the invitation with the organisation chosen.
        var invitePage = await coordinator.GetDocumentAsync($"/people/invite?organisation={police}");
        Assert.Equal(police.ToString(), invitePage.FieldValue("Input.OrganisationId"));

        var sent = await coordinator.SubmitFormAsync("/people/invite", await FormAsync("olu.officer@wmp.example", Providers.Police));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var user = await App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "olu.officer@wmp.example"));
        Assert.Equal(Roles.ProviderContact, user.Role);
        Assert.Equal(police, user.OrganisationId);
        Assert.Null(user.PartnershipId);
        Assert.True(await App.WithDbAsync(db => db.OrganisationContacts.AnyAsync(c => c.OrganisationId == police && c.UserId == user.Id)));

        await App.RunAsync<OutboxDeliveryJob, int>(j => j.DeliverDueAsync());
        var invitation = Assert.Single(Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == "olu.officer@wmp.example"));
        var link = Emails.LinkIn(invitation, "/account/invitation/");

        var invitee = App.CreateAnonymousClient();
        var set = await invitee.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Input.Password"] = "blue lamp community beat",
            ["Input.ConfirmPassword"] = "blue lamp community beat",
        });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        var signIn = await invitee.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = "olu.officer@wmp.example",
            ["Input.Password"] = "blue lamp community beat",
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var home = await invitee.GetDocumentAsync("/");
        Assert.Equal(Providers.Police, home.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await invitee.GetAsync($"/providers/{police}/offers/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await invitee.GetAsync($"/providers/{await App.OrganisationIdAsync(Providers.Council)}/offers/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await invitee.GetAsync("/dashboard")).StatusCode);
    }

    [Theory]
    [InlineData(null, "Select the organisation this provider contact works for")]
    [InlineData("no such organisation", "Select an organisation from the list")]
    public async Task InviteAProviderContact_WithoutAnOrganisationOfTheRegister_IsRefused(string? organisation, string error)
    {
        var form = await FormAsync("nobody@provider.example", null);
        if (organisation is not null)
        {
            form["Input.OrganisationId"] = "999999";
        }
        var response = await App.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/people/invite", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(error, page.ErrorSummary());
        Assert.Equal("nobody@provider.example", page.FieldValue("Input.Email"));
        Assert.False(await App.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "nobody@provider.example")));
    }
}
