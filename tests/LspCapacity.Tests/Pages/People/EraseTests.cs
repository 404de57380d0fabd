using System.Net;
using LspCapacity.Tests.Support;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Pages.People;

/// <summary>
/// Erasing a person: what identifies them goes (name, email, what they wrote about themselves, their
/// private notes, their sign-in, the words of emails to them) while every figure stays the same.
/// A new app per test: each erases someone.
/// </summary>
public sealed class EraseTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync()
    {
        _app.CreateAnonymousClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, string> Form(string reason = "Asked to be forgotten on 24 November 2026", bool confirm = true) => new()
    {
        ["Input.Reason"] = reason,
        ["Input.Confirm"] = confirm ? "true" : "false",
    };

    private static readonly string[] Figures = ["participation", "value", "programme", "kinds"];

    private async Task<List<string>> FiguresAsync()
    {
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        var csvs = new List<string>();
        foreach (var table in Figures)
        {
            csvs.Add(await coordinator.GetStringAsync($"/dashboard/export/{table}.csv"));
        }
        return csvs;
    }

    [Fact]
    public async Task Erase_ReplacesWhatIdentifiesThePerson_AndEveryFigureStaysTheSame()
    {
        await AccessSamples.CreateAsync(_app); // Birmingham's attended booking, answers, request, draft case study
        await _app.LogPrivateNotesAsync();
        var id = await _app.UserIdAsync(Demo.StaffBirmingham);
        await _app.WithDbAsync(async db =>
        {
            var booking = await db.Bookings.Where(b => b.PersonId == id && b.Attendance == Attendance.Attended).SingleAsync();
            db.Feedback.Add(new Feedback(booking.Id, 4, 5, "Pool the worklessness budgets.", "Sam found it useful", _app.Clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        });
        var activity = await _app.PublishedActivityAsync(title: "Erasure seminar");
        await _app.BookAsync(Demo.StaffBirmingham, activity); // a confirmation waiting in the outbox
        var signedIn = _app.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await signedIn.SubmitFormAsync("/account/sign-in", SignIn(Demo.StaffBirmingham))).StatusCode);
        var before = await FiguresAsync();
        var bookingsBefore = await _app.WithDbAsync(db => db.Bookings.CountAsync(b => b.PersonId == id));
        Assert.Contains("Sam Birmingham", (await _app.CreateClientAs(Demo.Coordinator).GetStringAsync($"/activities/{activity}/bookings")));

        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/people/{id}/erase", Form());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(before, await FiguresAsync());
        Assert.Equal(bookingsBefore, await _app.WithDbAsync(db => db.Bookings.CountAsync(b => b.PersonId == id)));
        var person = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.StartsWith("Erased person ", person.DisplayName);
        Assert.EndsWith("@" + AppUser.ErasedEmailDomain, person.Email);
        Assert.Null(person.PasswordHash);
        Assert.Null(person.CalendarToken);
        Assert.Null(person.Organisation);
        Assert.False(person.IsActive);
        Assert.NotNull(person.ErasedAt);
        Assert.False(await _app.WithDbAsync(db => db.UserSessions.AnyAsync(s => s.UserId == id)));

        // Their private note is gone; the mentor's stays, and both summaries.
        var notes = await _app.WithDbAsync(db => db.Set<PlacementSession>().AsNoTracking().Select(s => new { s.LoggedById, s.PrivateNotes, s.Summary }).ToListAsync());
        Assert.DoesNotContain(notes, n => n.PrivateNotes == PrivacyData.MenteeNote);
        Assert.Contains(notes, n => n.PrivateNotes == PrivacyData.MentorNote);
        Assert.Contains(notes, n => n.Summary == "Went through the draft framework.");

        // Emails: none to the old address; their words cleared; the waiting one withdrawn, never sent.
        var outbox = await _app.OutboxAsync();
        Assert.DoesNotContain(outbox, m => m.ToAddress == Demo.StaffBirmingham);
        var theirs = outbox.Where(m => m.ToAddress == person.Email).ToList();
        Assert.NotEmpty(theirs);
        Assert.All(theirs, m => Assert.Equal("", m.TextBody + m.HtmlBody));
        Assert.DoesNotContain(theirs, m => m.Status == OutboxStatus.Pending);
        Assert.Contains(theirs, m => m.Status == OutboxStatus.Withdrawn);
        Assert.DoesNotContain(outbox, m => m.TextBody.Contains("Sam Birmingham"));
        await _app.DeliverOutboxAsync();
        Assert.All((await _app.OutboxAsync()).Where(m => m.ToAddress == person.Email), m => Assert.NotEqual(OutboxStatus.Pending, m.Status));
        Assert.Contains(await _app.OutboxAsync(), m => m.ToAddress == person.Email && m.Status == OutboxStatus.Withdrawn);

        // Nothing names them on the pages that listed them.
        var coordinator = _app.CreateClientAs(Demo.Coordinator);
        foreach (var url in new[] { $"/people/{id}", $"/activities/{activity}/bookings", "/people" })
        {
            var html = await coordinator.GetStringAsync(url);
            Assert.DoesNotContain("Sam Birmingham", html);
            Assert.DoesNotContain(Demo.StaffBirmingham, html);
        }

        // They cannot sign in, and the cookie they had is refused.
        var again = await _app.CreateAnonymousClient().SubmitFormAsync("/account/sign-in", SignIn(Demo.StaffBirmingham));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotEmpty((await again.ParseAsync()).ErrorSummary());
        var old = await signedIn.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);

        var audit = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "person.erased" && a.EntityId == id));
        Assert.Equal(await _app.UserIdAsync(Demo.Coordinator), audit.ActorId);
        Assert.Equal("Asked to be forgotten on 24 November 2026", audit.Details);
    }

    [Fact]
    public async Task ErasingAMentor_RemovesWhatTheyWroteAboutThemselves()
    {
        var id = await _app.UserIdAsync(Demo.Mentor);
        var response = await _app.CreateClientAs(Demo.Admin).SubmitFormAsync($"/people/{id}/erase", Form());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var profile = await _app.WithDbAsync(db => db.MentorProfiles.AsNoTracking().SingleAsync(m => m.PersonId == id));
        Assert.Null(profile.Biography);
        Assert.Null(profile.Organisation);
        Assert.False(profile.IsAvailable);
        Assert.DoesNotContain("Morgan Mentor", await _app.CreateClientAs(Demo.StaffCoventry).GetStringAsync("/mentors"));
    }

    [Theory]
    [InlineData("", true, "Enter the reason for erasing this person")]
    [InlineData("Asked to be forgotten", false, "Confirm that you understand erasing cannot be undone")]
    public async Task BadInput_ShowsTheErrorSummary_KeepsTheReason_AndErasesNothing(string reason, bool confirm, string error)
    {
        var id = await _app.UserIdAsync(Demo.StaffCoventry);
        var response = await _app.CreateClientAs(Demo.Coordinator).SubmitFormAsync($"/people/{id}/erase", Form(reason, confirm));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains(error, page.ErrorSummary());
        Assert.Equal(reason, page.QuerySelector("textarea[name='Input.Reason']")!.TextContent.Trim());
        Assert.Equal("Jo Coventry", await _app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task AnotherRegionsCoordinator_IsRefused_AndACoordinatorCannotEraseAnAdmin()
    {
        await _app.AddOtherRegionAsync();
        var id = await _app.UserIdAsync(Demo.StaffCoventry);
        var other = _app.CreateClientAs(TestData.OtherCoordinator);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/people/{id}/erase")).StatusCode);
        var forged = await other.PostWithTokenAsync("/account/profile", $"/people/{id}/erase", Form());
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        var admin = await _app.UserIdAsync(Demo.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.CreateClientAs(Demo.Coordinator).GetAsync($"/people/{admin}/erase")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClientAs(Demo.Admin).GetAsync("/people/no-such-person/erase")).StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.ErasedAt != null)));
    }

    [Fact]
    public async Task NoOneCanEraseThemselves()
    {
        var id = await _app.UserIdAsync(Demo.Admin);
        var admin = _app.CreateClientAs(Demo.Admin);
        var page = await admin.GetDocumentAsync($"/people/{id}/erase");
        Assert.Contains("You cannot erase your own account", page.QuerySelector("main")!.TextContent);
        Assert.Null(page.QuerySelector("main form"));

        var forged = await admin.PostWithTokenAsync("/account/profile", $"/people/{id}/erase", Form());
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("You cannot erase your own account: ask another administrator", (await forged.ParseAsync()).ErrorSummary());
        Assert.Equal("Alex Admin", await _app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleAsync()));
    }

    private static Dictionary<string, string> SignIn(string email) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = Demo.Password,
    };
}
