using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Jobs;

/// <summary>
/// Emails each follower the case studies published in their themes since their last digest. The
/// watermark moves in the same save as the email is queued, so a re-run finds nothing new.
/// </summary>
public sealed class LibraryDigestJob(AppDbContext db, Outbox outbox, TimeProvider clock)
{
    [Hangfire.AutomaticRetry(Attempts = 3)]
    [Hangfire.DisableConcurrentExecution(RecurringJobs.OneRunAtATimeSeconds)]
    public async Task<int> SendAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var subscriptions = await db.LibrarySubscriptions.ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var subscription in subscriptions.Where(s => s.ThemeIds.Count > 0))
        {
            var themes = subscription.ThemeIds;
            var items = await db.CaseStudies.AsNoTracking()
                .Where(c => c.Status == CaseStudyStatus.Published && c.PublishedAt > subscription.DigestedUpTo && c.PublishedAt <= now
                            && c.Themes.Any(t => themes.Contains(t.ThemeId)))
                .OrderByDescending(c => c.PublishedAt).Select(c => new { c.Title, c.Slug, c.Summary }).ToListAsync(cancellationToken);
            if (items.Count > 0)
            {
                var person = await db.Users.AsNoTracking().Where(u => u.Id == subscription.PersonId && u.IsActive)
                    .Select(u => new { u.Email, u.DisplayName, u.RegionId }).SingleOrDefaultAsync(cancellationToken);
                if (person is not null && await outbox.QueueAsync(db, new OutgoingEmail(
                        $"library-digest:{subscription.Id}:{subscription.DigestedUpTo.Ticks}", person.Email!, person.DisplayName, "library-digest",
                        new Dictionary<string, string?>
                        {
                            ["Count"] = items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            ["Noun"] = items.Count == 1 ? "study" : "studies",
                            ["Items"] = string.Join("\n\n", items.Select(i => $"{i.Title}\n{i.Summary}\n{outbox.PageLink("/Library/Details", new { slug = i.Slug })}")),
                            ["Unsubscribe"] = outbox.PageLink("/Library/Unsubscribe", new { token = subscription.UnsubscribeToken }),
                        }) { RegionId = person.RegionId }, cancellationToken))
                {
                    queued++;
                }
            }
            subscription.Digested(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }
}
