using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Email;

/// <summary>
/// Queues email into the outbox of the given context; it is written by that context's next
/// SaveChangesAsync, together with the change that caused it. Never sends anything itself.
/// </summary>
public sealed class Outbox(TimeProvider clock, IOptions<EmailOptions> options, IOptions<AppOptions> app, LinkGenerator links)
{
    /// <summary>
    /// Adds an email unless one with the same de-duplication key is already queued or sent.
    /// Returns false when it was a duplicate. The unique index is the backstop for races.
    /// </summary>
    public Task<bool> QueueAsync(AppDbContext db, string deduplicationKey, string toAddress, string? toName,
        string template, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken = default,
        int? regionId = null) =>
        QueueAsync(db, new OutgoingEmail(deduplicationKey, toAddress, toName, template, values) { RegionId = regionId }, cancellationToken);

    public async Task<bool> QueueAsync(AppDbContext db, OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        if (AppUser.IsErasedAddress(email.ToAddress)) // an erased person is never written to
        {
            return false;
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (IsQueuedLocally(db, email.DeduplicationKey)
            || await IsQueuedAsync.For(db)(db, email.DeduplicationKey))
        {
            return false;
        }
        Add(db, email);
        return true;
    }

    // Asked for every email a page queues (each booking and cancellation): compiled once, as EF's work to look a composed
    // query up costs more than this one-row read by the unique index.
    private static readonly PerEngine<Func<AppDbContext, string, Task<bool>>> IsQueuedAsync = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, string key) => db.OutboxMessages.Any(m => m.DeduplicationKey == key)));

    /// <summary>
    /// Queues many emails, skipping those whose key is already queued or sent: one query for the
    /// existing keys instead of one per email (a reminder run can queue thousands). Returns how many were queued.
    /// </summary>
    public async Task<int> QueueManyAsync(AppDbContext db, IReadOnlyList<OutgoingEmail> emails, CancellationToken cancellationToken = default)
    {
        var keys = emails.Select(e => e.DeduplicationKey).Distinct().ToList();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(2_000))
        {
            existing.UnionWith(await db.OutboxMessages.AsNoTracking().Where(m => chunk.Contains(m.DeduplicationKey))
                .Select(m => m.DeduplicationKey).ToListAsync(cancellationToken));
        }
        var local = LocalKeys(db);
        var queued = 0;
        foreach (var email in emails)
        {
            if (existing.Contains(email.DeduplicationKey) || !local.Add(email.DeduplicationKey) || AppUser.IsErasedAddress(email.ToAddress))
            {
                continue;
            }
            Add(db, email);
            queued++;
        }
        return queued;
    }

    // Outbox rows are only ever tracked through Add, never reached through a navigation, so the local
    // view is complete without DetectChanges, which on a context tracking thousands of rows would
    // make each check cost as much as the whole change tracker.
    private static bool IsQueuedLocally(AppDbContext db, string key) =>
        WithoutDetectChanges(db, local => local.Any(m => m.DeduplicationKey == key));

    private static HashSet<string> LocalKeys(AppDbContext db) =>
        WithoutDetectChanges(db, local => local.Select(m => m.DeduplicationKey).ToHashSet(StringComparer.Ordinal));

    private static T WithoutDetectChanges<T>(AppDbContext db, Func<IEnumerable<OutboxMessage>, T> read)
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return read(db.OutboxMessages.Local);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    private void Add(AppDbContext db, OutgoingEmail email)
    {
        var all = new Dictionary<string, string?>(email.Values)
        {
            ["RecipientName"] = email.ToName ?? email.ToAddress,
            ["ServiceName"] = options.Value.FromName,
            ["BaseUrl"] = app.Value.BaseUrl.TrimEnd('/'),
        };
        var rendered = EmailTemplates.Render(email.Template, all);
        var message = new OutboxMessage(email.DeduplicationKey, email.ToAddress, email.ToName, rendered.Subject,
            rendered.Text, rendered.Html, clock.GetUtcNow().UtcDateTime, Domain, email.RegionId);
        foreach (var attachment in email.Attachments)
        {
            message.Attach(attachment.FileName, attachment.ContentType, attachment.Content);
        }
        db.OutboxMessages.Add(message);
    }

    /// <summary>The domain of the sender address: used in Message-Ids and calendar UIDs.</summary>
    public string Domain => options.Value.FromAddress.Split('@').LastOrDefault() ?? "localhost";

    public string FromAddress => options.Value.FromAddress;
    public string FromName => options.Value.FromName;

    /// <summary>
    /// The absolute address of a page, built from its <c>@page</c> route (values fill the route, the rest
    /// go in the query): the one way emails, calendar invitations and feeds link into the service. The
    /// routes are written in lower case already; the app-wide LowercaseUrls would also lower a value such as
    /// an invitation token, which is case-sensitive, so it is off here.
    /// </summary>
    public string PageLink(string page, object? values = null) =>
        app.Value.Link(links.GetPathByPage(page, values: values, options: KeepCase)
            ?? throw new InvalidOperationException($"No route to the page {page} with these values."));

    private static readonly LinkOptions KeepCase = new() { LowercaseUrls = false };
}

/// <summary>An email to queue: who to, which template with which values, and what to attach.</summary>
public sealed record OutgoingEmail(string DeduplicationKey, string ToAddress, string? ToName, string Template,
    IReadOnlyDictionary<string, string?> Values)
{
    /// <summary>The region whose coordinators see it on /outbox.</summary>
    public int? RegionId { get; init; }
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
