using LspCapacity.Tests.Support;

namespace LspCapacity.Tests.Pages;

/// <summary>The privacy notice: public, in every footer and in the invitation email, with the configured periods.</summary>
public class PrivacyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ThePrivacyNotice_IsPublic_AndLinkedFromEveryFooter()
    {
        var home = await app.CreateAnonymousClient().GetDocumentAsync("/");
        var link = home.QuerySelectorAll("footer a").Single(a => a.TextContent == "Privacy notice");
        Assert.Equal("/privacy", link.GetAttribute("href"));
        var notice = await app.CreateAnonymousClient().GetDocumentAsync("/privacy");
        var text = notice.QuerySelector("main")!.TextContent;
        Assert.Contains("Privacy notice", notice.QuerySelector("h1")!.TextContent);
        // What, why, how long (the defaults), who sees it and how to get it.
        Assert.Contains("Private notes of a mentoring session: deleted 12 months after the placement ends.", text);
        Assert.Contains("cleared 90 days after it was sent", text);
        Assert.Contains("not signed in for 3 years, we email you 30 days before", text);
        Assert.Contains("public task", text);
        Assert.Contains("Private notes are for the pair alone", text);
        Assert.Contains("contact your region's programme coordinator", text);
        Assert.NotNull(notice.QuerySelector("a[href='/account/my-data']"));
    }

    [Fact]
    public async Task TheInvitationEmail_LinksToThePrivacyNotice()
    {
        var response = await app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/people/invite", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Pat Privacy",
            ["Input.Email"] = "pat.privacy@sandwell.example",
            ["Input.Organisation"] = "",
            ["Input.Role"] = "Mentor",
            ["Input.PartnershipId"] = "",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var email = Assert.Single(await app.OutboxAsync(), m => m.ToAddress == "pat.privacy@sandwell.example");
        Assert.Contains("http://localhost/privacy", email.TextBody);
        Assert.Contains("href=\"http://localhost/privacy\"", email.HtmlBody);
    }

    [Fact]
    public async Task TheAccountPage_LinksToDownloadMyData()
    {
        var profile = await app.CreateClientAs(Demo.StaffCoventry).GetDocumentAsync("/account/profile");
        Assert.NotNull(profile.QuerySelector("main a[href='/account/my-data']"));
    }
}
