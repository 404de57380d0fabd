using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Pages.Placements;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Jobs;

/// <summary>The "Placements" section.</summary>
public class PlacementOptions
{
    public const string Section = "Placements";

    /// <summary>An active placement with no session for this many days has gone quiet.</summary>
    public int QuietDays { get; set; } = 30;

    /// <summary>Days before the end date when the pair are asked to record outcomes.</summary>
    public int EndingDays { get; set; } = 14;
}

/// <summary>
/// Nudges both members of active placements that have gone quiet (once per quiet spell: the key names
/// the last session date), and asks them to record outcomes as the end date nears (once).
/// </summary>
public sealed class PlacementNudgeJob(AppDbContext db, Outbox outbox, TimeProvider clock, IOptions<PlacementOptions> options)
{
    [Hangfire.AutomaticRetry(Attempts = 3)]
    [Hangfire.DisableConcurrentExecution(RecurringJobs.OneRunAtATimeSeconds)]
    public async Task<int> NudgeAsync(CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(clock);
        var quietSince = today.AddDays(-options.Value.QuietDays);
        var endingBy = today.AddDays(options.Value.EndingDays);
        var due = await db.Placements.AsNoTracking()
            .Where(p => p.Status == PlacementStatus.Active
                        && ((p.LastSessionOn ?? p.StartsOn) <= quietSince || p.EndsOn <= endingBy))
            .Select(p => new
            {
                p.Id, p.RegionId, p.Kind, p.StartsOn, p.EndsOn, p.LastSessionOn, p.MentorId, p.MenteeId,
                Mentor = db.Users.Where(u => u.Id == p.MentorId).Select(u => new { u.DisplayName, u.Email }).First(),
                Mentee = db.Users.Where(u => u.Id == p.MenteeId).Select(u => new { u.DisplayName, u.Email }).First(),
            })
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var p in due)
        {
            var quiet = (p.LastSessionOn ?? p.StartsOn) <= quietSince;
            var ending = p.EndsOn <= endingBy;
            foreach (var (personId, person, other) in new[] { (p.MentorId, p.Mentor, p.Mentee), (p.MenteeId, p.Mentee, p.Mentor) })
            {
                var values = new Dictionary<string, string?>
                {
                    ["KindName"] = PlacementText.Kind(p.Kind),
                    ["KindLower"] = PlacementText.Kind(p.Kind).ToLowerInvariant(),
                    ["OtherName"] = other.DisplayName,
                    ["Since"] = UkTime.Date(p.LastSessionOn ?? p.StartsOn),
                    ["EndsOn"] = UkTime.Date(p.EndsOn),
                    ["Link"] = outbox.PageLink("/Placements/Details", new { id = p.Id }),
                };
                if (quiet && !ending && await outbox.QueueAsync(db, new OutgoingEmail(
                        $"placement:{p.Id}:quiet-since:{p.LastSessionOn ?? p.StartsOn:yyyy-MM-dd}:{personId}", person.Email!, person.DisplayName,
                        "placement-quiet", values) { RegionId = p.RegionId }, cancellationToken))
                {
                    queued++;
                }
                if (ending && await outbox.QueueAsync(db, new OutgoingEmail($"placement:{p.Id}:ending:{personId}", person.Email!, person.DisplayName,
                        "placement-ending", values) { RegionId = p.RegionId }, cancellationToken))
                {
                    queued++;
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }
}
