using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Audit;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Pages.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Jobs;

/// <summary>The "Retention" section: how long personal data is kept (the privacy notice reads these too).</summary>
public class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Private mentoring notes are deleted this many months after their placement ends.</summary>
    public int PrivateNotesMonths { get; set; } = 12;

    /// <summary>The words of an email in the outbox are cleared this many days after it was sent (or failed); who, when and whether stay.</summary>
    public int EmailBodyDays { get; set; } = 90;

    /// <summary>An account nobody has signed in to for this many years is anonymised …</summary>
    public int IdleAccountYears { get; set; } = 3;

    /// <summary>… after a warning email this many days before.</summary>
    public int WarningDays { get; set; } = 30;
}

/// <summary>
/// Applies <see cref="RetentionOptions"/> each night: deletes private mentoring notes of placements that
/// ended long enough ago, clears the bodies of old emails, warns people whose account has been idle
/// (once: the outbox key names their last sign-in) and anonymises those still idle once the warning is
/// <see cref="RetentionOptions.WarningDays"/> old (<see cref="PersonEraser"/>). Everything re-derives from the
/// database, so a second run finds nothing left to do. Each run writes one audit entry with its counts.
/// </summary>
public sealed class RetentionJob(AppDbContext db, Outbox outbox, Sessions sessions, TimeProvider clock, IOptions<RetentionOptions> options)
{
    public const string WarningKeyPrefix = "retention:warning:";

    [Hangfire.AutomaticRetry(Attempts = 3)]
    [Hangfire.DisableConcurrentExecution(RecurringJobs.OneRunAtATimeSeconds)]
    public async Task<RetentionCounts> ApplyAsync(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkTime.Today(clock);

        var notesEndedBefore = today.AddMonths(-o.PrivateNotesMonths);
        var notes = await db.InTransactionAsync(ct => db.Set<PlacementSession>()
            .Where(s => s.PrivateNotes != null && db.Placements.Any(p => p.Id == s.PlacementId && p.EndsOn < notesEndedBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PrivateNotes, (string?)null), ct), cancellationToken);

        var bodiesBefore = now.AddDays(-o.EmailBodyDays);
        var bodies = await db.InTransactionAsync(async ct =>
        {
            var old = db.OutboxMessages.Where(m => m.BodyClearedAt == null
                && ((m.Status == OutboxStatus.Sent && m.SentAt < bodiesBefore) || (m.Status == OutboxStatus.Failed && m.CreatedAt < bodiesBefore)));
            await db.Set<OutboxAttachment>().Where(a => old.Any(m => m.Id == a.OutboxMessageId)).ExecuteDeleteAsync(ct);
            return await old.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.TextBody, "")
                .SetProperty(m => m.HtmlBody, "")
                .SetProperty(m => m.BodyClearedAt, now), ct);
        }, cancellationToken);

        var (warned, anonymised) = await IdleAccountsAsync(o, now, cancellationToken);

        var counts = new RetentionCounts(notes, bodies, warned, anonymised);
        db.AuditEntries.Add(new AuditEntry(now, null, "retention.run", "Retention", today.ToString("yyyy-MM-dd", UkTime.Culture), counts.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return counts;
    }

    private async Task<(int Warned, int Anonymised)> IdleAccountsAsync(RetentionOptions o, DateTime now, CancellationToken cancellationToken)
    {
        var idleSince = now.AddYears(-o.IdleAccountYears);
        var warnFrom = idleSince.AddDays(o.WarningDays); // idle for the period less the warning's days
        // A person who never signed in counts from when their account was made.
        var idle = await db.Users.AsNoTracking()
            .Where(u => u.ErasedAt == null && (u.LastSignInAt ?? u.CreatedAt) < warnFrom)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.RegionId, u.IsActive, LastSeen = u.LastSignInAt ?? u.CreatedAt })
            .ToListAsync(cancellationToken);
        if (idle.Count == 0)
        {
            return (0, 0);
        }
        var keys = idle.Select(u => WarningKey(u.Id, u.LastSeen)).ToList();
        var warnings = await db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.DeduplicationKey))
            .ToDictionaryAsync(m => m.DeduplicationKey, m => m.CreatedAt, cancellationToken);
        var signIn = outbox.PageLink("/Account/SignIn");
        var privacy = outbox.PageLink("/Privacy");
        var toWarn = new List<OutgoingEmail>();
        var anonymised = 0;
        foreach (var person in idle)
        {
            var key = WarningKey(person.Id, person.LastSeen);
            var warnedAt = warnings.TryGetValue(key, out var at) ? at : (DateTime?)null;
            // Anonymised only once the warning is old enough, and only if they are still idle since before it
            // (the key names the last sign-in, so a sign-in since makes a new key with no warning yet).
            // A deactivated person cannot sign in, so a warning offers them nothing: they are anonymised when idle for the whole period.
            var due = person.IsActive
                ? warnedAt is { } w && w <= now.AddDays(-o.WarningDays) && person.LastSeen < idleSince
                : person.LastSeen < idleSince;
            if (due)
            {
                var erased = await db.InTransactionAsync(ct => PersonEraser.EraseAsync(db, sessions, person.Id, null,
                    $"Not signed in for {o.IdleAccountYears} years (retention)", now, ct), cancellationToken);
                anonymised += erased is null ? 0 : 1;
            }
            else if (person.IsActive && warnedAt is null)
            {
                toWarn.Add(new OutgoingEmail(key, person.Email!, person.DisplayName, "account-retention-warning", new Dictionary<string, string?>
                {
                    ["LastSignIn"] = UkTime.Date(person.LastSeen),
                    ["IdleYears"] = o.IdleAccountYears.ToString(UkTime.Culture),
                    ["AnonymiseOn"] = UkTime.Date(Max(now.AddDays(o.WarningDays), person.LastSeen.AddYears(o.IdleAccountYears))),
                    ["Link"] = signIn,
                    ["PrivacyLink"] = privacy,
                }) { RegionId = person.RegionId });
            }
        }
        var warned = await outbox.QueueManyAsync(db, toWarn, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (warned, anonymised);
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>One warning per idle spell: the key names the last sign-in it is about.</summary>
    public static string WarningKey(string personId, DateTime lastSeen) =>
        $"{WarningKeyPrefix}{personId}:{lastSeen:yyyyMMddHHmmss}";
}

public sealed record RetentionCounts(int PrivateNotesDeleted, int EmailBodiesCleared, int AccountsWarned, int AccountsAnonymised)
{
    public override string ToString() =>
        $"{PrivateNotesDeleted} private notes deleted, {EmailBodiesCleared} email bodies cleared, {AccountsWarned} accounts warned, {AccountsAnonymised} accounts anonymised";
}
