using LspCapacity.Tests.Support;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Jobs;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Tests.Jobs;

/// <summary>
/// The demo data has an active Birmingham project (last update 10 days ago, one milestone 5 days overdue),
/// a proposed Coventry one and a closed Birmingham one.
/// </summary>
public sealed class ProjectRemindersJobTests : SmtpAppTest
{
    private Task<int> RemindAsync() => App.RunAsync<ProjectRemindersJob, int>(j => j.RemindAsync());

    [Fact]
    public async Task QuietActiveProject_AsksItsLeadOncePerMonth_OverdueMilestoneOnce_ClosedProjectsNever()
    {
        Assert.Equal(1, await RemindAsync()); // the overdue milestone
        Assert.Equal(0, await RemindAsync());

        App.Clock.Advance(TimeSpan.FromDays(21)); // 31 days since the last update
        Assert.Equal(1, await RemindAsync());
        Assert.Equal(0, await RemindAsync());
        await App.DeliverOutboxAsync();
        var received = Smtp.Received.ToList();
        Assert.Equal(2, received.Count);
        Assert.All(received, m => Assert.Equal(Demo.StaffBirmingham, m.To.Mailboxes.Single().Address));
        Assert.Contains(received, m => m.Subject == "A milestone is overdue: Agree one referral route with partners");
        var due = Assert.Single(received, m => m.Subject == "Time for a progress update: One youth offer for Aston and Newtown");
        Assert.Contains("/update", due.TextBody);
        Assert.DoesNotContain(received, m => (m.TextBody ?? "").Contains("scorecard", StringComparison.OrdinalIgnoreCase));

        App.Clock.Advance(TimeSpan.FromDays(31)); // another month, still quiet
        Assert.Equal(1, await RemindAsync());

        // Closed: nothing more, however long it stays quiet.
        await App.WithDbAsync(async db =>
        {
            var project = await db.Projects.Include(p => p.Measures).SingleAsync(p => p.Status == ProjectStatus.Active);
            project.Close(project.LeadId, "Done.", project.Measures.Select(m => new FinalValueInput(m.Id, m.TargetValue)), [], "Help.", null, false,
                App.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        App.Clock.Advance(TimeSpan.FromDays(62));
        Assert.Equal(0, await RemindAsync());
    }

    [Fact]
    public async Task AnUpdate_StartsTheWaitAgain()
    {
        await RemindAsync(); // the overdue milestone
        await App.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Status == ProjectStatus.Active);
            var today = LspCapacity.Web.Infrastructure.UkTime.Today(App.Clock);
            project.PostUpdate(project.LeadId, RagStatus.Green, "On track.", [], [], today, App.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        App.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Equal(0, await RemindAsync());
        App.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await RemindAsync());
    }

    [Fact]
    public async Task TheWait_IsConfigurable()
    {
        await using var app = new AppFactory();
        app.Settings["Projects:UpdateReminderDays"] = "60";
        app.CreateAnonymousClient();
        Task<int> Remind() => app.RunAsync<ProjectRemindersJob, int>(j => j.RemindAsync());
        Assert.Equal(1, await Remind()); // the overdue milestone
        app.Clock.Advance(TimeSpan.FromDays(49));
        Assert.Equal(0, await Remind()); // 59 days since the last update
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await Remind());
    }
}
