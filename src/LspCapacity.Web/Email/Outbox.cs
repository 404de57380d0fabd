using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Email;

/// <summary>
/// Queues email into the outbox of the given context; it is written by that context's next
/// SaveChangesAsync, together with the change that caused it. Never sends anything itself.
/// </summary>
public sealed class Outbox(TimeProvider clock, IOptions<EmailOptions> email, IOptions<AppOptions> app)
{
    /// <summary>
    /// Adds an email unless one with the same de-duplication key is already queued or sent.
    /// Returns false when it was a duplicate. The unique index is the backstop for races.
    /// </summary>
    public async Task<bool> QueueAsync(AppDbContext db, string deduplicationKey, string toAddress, string? toName,
        string template, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default,
        int? regionId = null)
    {
        if (db.OutboxMessages.Local.Any(m => m.DeduplicationKey == deduplicationKey)
            || await db.OutboxMessages.AnyAsync(m => m.DeduplicationKey == deduplicationKey, cancellationToken))
        {
            return false;
        }
        var all = new Dictionary<string, string?>(values)
        {
            ["RecipientName"] = toName ?? toAddress,
            ["ServiceName"] = email.Value.FromName,
            ["BaseUrl"] = app.Value.BaseUrl.TrimEnd('/'),
        };
        var rendered = EmailTemplates.Render(template, all);
        var domain = email.Value.FromAddress.Split('@').LastOrDefault() ?? "localhost";
        db.OutboxMessages.Add(new OutboxMessage(deduplicationKey, toAddress, toName, rendered.Subject,
            rendered.Text, rendered.Html, clock.GetUtcNow().UtcDateTime, domain, regionId));
        return true;
    }

    public string Link(string path) => app.Value.Link(path);
}
