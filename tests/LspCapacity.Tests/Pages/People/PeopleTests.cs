using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.People;

public class PeopleTests : IClassFixture<AppFactory>
{
    private readonly AppFactory _app;

    public PeopleTests(AppFactory app) => _app = app;

    private async Task<Dictionary<string, string>> InviteFormAsync(string email, string role, string? partnership = "Sandwell") => new()
    {
        ["Input.DisplayName"] = "Pat Person",
        ["Input.Email"] = email,
        ["Input.Organisation"] = "",
        ["Input.Role"] = role,
        ["Input.PartnershipId"] = partnership is null ? "" : (await _app.PartnershipIdAsync(partnership)).ToString(),
    };

    [Fact]
    public async Task Invite_WritesAccountRoleInvitationEmailAndAuditTogether()
    {
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/people/invite", await InviteFormAsync("pat@sandwell.example", Roles.LspStaff));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "pat@sandwell.example"));
        Assert.Null(user.PasswordHash);
        Assert.Equal(Roles.LspStaff, user.Role);
        Assert.Equal(await _app.PartnershipIdAsync("Sandwell"), user.PartnershipId);
        var email = Assert.Single(await _app.OutboxAsync(), m => m.ToAddress == "pat@sandwell.example");
        Assert.Equal(OutboxStatus.Pending, email.Status);
        Assert.StartsWith("invitation:", email.DeduplicationKey);
        Assert.Equal(user.RegionId, email.RegionId);
        Assert.True(await _app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.UserId == user.Id)));
        Assert.True(await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "invitation.sent" && a.EntityId == user.Id)));

        var list = await _app.CreateClientAs(Demo.Coordinator).GetDocumentAsync("/people?q=pat%40sandwell");
        Assert.Contains("Invited", list.QuerySelector("tbody")!.TextContent);
    }

    [Theory]
    [InlineData("", "LspStaff", "Sandwell", "Enter the person's email address")]
    [InlineData("not-an-email", "LspStaff", "Sandwell", "Enter an email address in the correct format, like name@example.com")]
    [InlineData(Demo.Mentor, "Mentor", null, "Someone with this email address already has an account")]
    [InlineData("x@sandwell.example", "", "Sandwell", "Select a role")]
    [InlineData("x@sandwell.example", "LspStaff", null, "Select the partnership this person works for")]
    [InlineData("x@sandwell.example", "Coordinator", null, "Select a role you may give")]
    [InlineData("x@sandwell.example", "Admin", null, "Select a role you may give")]
    [InlineData("x@sandwell.example", "Overlord", null, "Select a role you may give")]
    public async Task Invite_WithBadInput_ShowsErrorKeepsInputAndCreatesNothing(string email, string role, string? partnership, string error)
    {
        var before = await _app.WithDbAsync(db => db.Users.CountAsync());
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/people/invite", await InviteFormAsync(email, role, partnership));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(error, page.ErrorSummary());
        Assert.Equal(email, page.FieldValue("Input.Email"));
        Assert.Equal("Pat Person", page.FieldValue("Input.DisplayName"));
        Assert.Equal(before, await _app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Invite_PartnershipOfAnotherRegion_IsRefused()
    {
        var (_, knowsley) = await _app.AddOtherRegionAsync();
        var form = await InviteFormAsync("spy@knowsley.example", Roles.LspStaff);
        form["Input.PartnershipId"] = knowsley.ToString();
        var page = await (await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync("/people/invite", form)).ParseAsync();
        Assert.Contains("Select a partnership from the list", page.ErrorSummary());
    }

    [Fact]
    public async Task Admin_MayInviteACoordinator()
    {
        var response = await _app.CreateClientAs(Demo.Admin).SubmitFormAsync("/people/invite", await InviteFormAsync("second.coordinator@lsp.example", Roles.Coordinator, null));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task ChangeRole_StaffToMentor_ClearsPartnership_AndTakesEffect()
    {
        var client = _app.CreateClientAs(Demo.Coordinator);
        await client.SubmitFormAsync("/people/invite", await InviteFormAsync("role@sandwell.example", Roles.LspStaff));
        var id = await _app.UserIdAsync("role@sandwell.example");

        var response = await client.SubmitFormAsync($"/people/{id}", new Dictionary<string, string> { ["Input.Role"] = Roles.Mentor },
            "form[action*='handler=Role']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var user = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal(Roles.Mentor, user.Role);
        Assert.Null(user.PartnershipId);
        var roles = await _app.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync());
        Assert.Equal([Roles.Mentor], roles);
        var history = await client.GetDocumentAsync($"/people/{id}");
        Assert.Contains("person.role-changed", history.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Deactivated_PersonCannotSignIn()
    {
        var client = _app.CreateClientAs(Demo.Coordinator);
        var id = await _app.UserIdAsync(Demo.StaffCoventry);
        var response = await client.SubmitFormAsync($"/people/{id}", new Dictionary<string, string>(), button: "Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var signIn = await _app.CreateAnonymousClient().SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = Demo.StaffCoventry,
            ["Input.Password"] = Demo.Password,
        });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        await client.SubmitFormAsync($"/people/{id}", new Dictionary<string, string>(), button: "Reactivate");
        var again = await _app.CreateAnonymousClient().SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = Demo.StaffCoventry,
            ["Input.Password"] = Demo.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task Coordinator_CannotManageAnAdmin_NorSeeAnotherRegionsPeople()
    {
        await _app.AddOtherRegionAsync();
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var adminId = await _app.UserIdAsync(Demo.Admin);
        var adminPage = await coordinator.GetDocumentAsync($"/people/{adminId}");
        Assert.Null(adminPage.QuerySelector("form[action*='handler=Role']"));
        var forged = await coordinator.PostWithTokenAsync($"/people/{adminId}", $"/people/{adminId}?handler=Deactivate");
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.True(await _app.WithDbAsync(db => db.Users.Where(u => u.Id == adminId).Select(u => u.IsActive).SingleAsync()));

        var otherId = await _app.UserIdAsync(TestData.OtherStaff);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/people/{otherId}")).StatusCode);
        var list = await coordinator.GetDocumentAsync("/people?q=north-west");
        Assert.Empty(list.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task Coordinator_CannotDeactivateThemself()
    {
        await using var app = new AppFactory();
        var adminId = await app.UserIdAsync(Demo.Admin);
        var admin = app.CreateClientAs(Demo.Admin);
        var response = await admin.SubmitFormAsync($"/people/{adminId}", new Dictionary<string, string>(), button: "Deactivate");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You cannot deactivate your own account", (await response.ParseAsync()).ErrorSummary());
    }
}
