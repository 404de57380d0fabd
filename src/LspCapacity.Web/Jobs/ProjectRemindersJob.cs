using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Jobs;

/// <summary>The "Projects" section.</summary>
public class ProjectOptions
{
    public const string Section = "Projects";

    /// <summary>An active project with no progress update for this many days is asked for one.</summary>
    public int UpdateReminderDays { get; set; } = 30;
}

/// <summary>
/// Asks the lead of every active project with no update for <see cref="ProjectOptions.UpdateReminderDays"/>
/// days for one, once per month (the key names the month), and nudges the lead
/// once about each overdue milestone. Declined and closed projects get nothing.
/// </summary>
public sealed class ProjectRemindersJob(AppDbContext db, Outbox outbox, TimeProvider clock, IOptions<ProjectOptions> options)
{
    [Hangfire.AutomaticRetry(Attempts = 3)]
    [Hangfire.DisableConcurrentExecution(RecurringJobs.OneRunAtATimeSeconds)]
    public async Task<int> RemindAsync(CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock);
        var quietSince = today.AddDays(-options.Value.UpdateReminderDays);
        var quietSinceUtc = UkTime.ToUtc(quietSince.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var due = await db.Projects.AsNoTracking()
            .Where(p => p.Status == ProjectStatus.Active
                        && ((p.LastUpdateOn == null ? p.DecidedAt < quietSinceUtc : p.LastUpdateOn <= quietSince)
                            || p.Milestones.Any(m => m.DoneOn == null && m.DueOn < today)))
            .Select(p => new
            {
                p.Id, p.RegionId, p.Title, p.LastUpdateOn, p.DecidedAt,
                Lead = db.Users.Where(u => u.Id == p.LeadId && u.IsActive).Select(u => new { u.Id, u.DisplayName, u.Email }).FirstOrDefault(),
                Overdue = p.Milestones.Where(m => m.DoneOn == null && m.DueOn < today).Select(m => new { m.Id, m.Title, m.DueOn }).ToList(),
            })
            .ToListAsync(cancellationToken);
        var emails = new List<OutgoingEmail>();
        foreach (var p in due)
        {
            if (p.Lead is null)
            {
                continue;
            }
            var since = p.LastUpdateOn ?? DateOnly.FromDateTime(UkTime.ToUk(p.DecidedAt!.Value));
            var link = outbox.PageLink("/Projects/Update", new { id = p.Id });
            if (since <= quietSince)
            {
                emails.Add(new OutgoingEmail($"project:{p.Id}:update-due:{today:yyyy-MM}", p.Lead.Email!, p.Lead.DisplayName, "project-update-due",
                    new Dictionary<string, string?> { ["Title"] = p.Title, ["Since"] = UkTime.Date(since), ["Link"] = link }) { RegionId = p.RegionId });
            }
            foreach (var m in p.Overdue)
            {
                emails.Add(new OutgoingEmail($"project:{p.Id}:milestone-overdue:{m.Id}", p.Lead.Email!, p.Lead.DisplayName, "project-milestone-overdue",
                    new Dictionary<string, string?>
                    {
                        ["Title"] = p.Title, ["MilestoneTitle"] = m.Title, ["DueOn"] = UkTime.Date(m.DueOn), ["Link"] = link,
                    }) { RegionId = p.RegionId });
            }
        }
        var queued = await outbox.QueueManyAsync(db, emails, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }
}
