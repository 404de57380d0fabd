using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Audit;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Email;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Data;

/// <summary>
/// The app's database. SQLite is the embedded default; on PostgreSQL the app runs
/// <see cref="PostgresAppDbContext"/>, the same model with its own migration set.
/// </summary>
public class AppDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    private readonly List<PendingAudit> _pendingAudit = [];
    private TimeProvider _clock = TimeProvider.System;
    private IOutboxSignal _outboxSignal = NoOutboxSignal.Instance;

    // Contexts are pooled (Databases.AddAppDatabase): EF builds one with its options only and hands it
    // from request to request, so the services of the scope it serves are given to it by LeasedTo.
    public AppDbContext(DbContextOptions<AppDbContext> options) : this((DbContextOptions)options)
    {
    }

    protected AppDbContext(DbContextOptions options) : base(options)
    {
        // A save inside a transaction would otherwise be wrapped in a savepoint, two more statements
        // per save. Nothing here goes on after a failed save: a unit of work that fails is rolled back
        // whole and run again (Transactions), so the savepoints were never used. (EF's pool restores
        // this setting, as set here, every time it hands the context out again.)
        Database.AutoSavepointsEnabled = false;
    }

    /// <summary>One writer at a time on SQLite (see <see cref="Data.WriteGate"/>); entered by every save and unit of work that starts a write.</summary>
    internal WriteGate WriteGate { get; private set; } = WriteGate.Open;

    /// <summary>
    /// Gives a context, new or from the pool, the clock, outbox signal and write gate of the scope it now
    /// serves, and forgets anything a previous scope left unsaved (EF clears its own state on return).
    /// </summary>
    public AppDbContext LeasedTo(TimeProvider clock, IOutboxSignal outboxSignal, WriteGate writeGate)
    {
        _clock = clock;
        _outboxSignal = outboxSignal;
        WriteGate = writeGate;
        _pendingAudit.Clear();
        _emailQueuedInTransaction = false;
        _versions = null;
        return this;
    }

    private Dictionary<string, long>? _versions;

    /// <summary>
    /// Every <see cref="DataVersion"/>, read once for the context's request (three rows, one round trip)
    /// however many cached figures and reference lists the page uses; read again after a save that
    /// touched one. Never kept inside a transaction, which may see its own uncommitted versions.
    /// </summary>
    // Read on nearly every page (each cached figure checks its version): compiled once, so EF does not
    // rework and look up the expression on every request.
    private static readonly PerEngine<Func<AppDbContext, IAsyncEnumerable<DataVersion>>> AllVersions =
        new(() => EF.CompileAsyncQuery((AppDbContext db) => db.DataVersions.AsNoTracking()));

    public async Task<IReadOnlyDictionary<string, long>> DataVersionsAsync(CancellationToken cancellationToken)
    {
        if (_versions is { } known && Database.CurrentTransaction is null)
        {
            return known;
        }
        var read = new Dictionary<string, long>();
        await foreach (var version in AllVersions.For(this)(this).WithCancellation(cancellationToken))
        {
            read[version.Name] = version.Version;
        }
        _versions = Database.CurrentTransaction is null ? read : null;
        return read;
    }

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Domain.Programme.Programme> Programmes => Set<Domain.Programme.Programme>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<Theme> Themes => Set<Theme>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<LockoutCounter> LockoutCounters => Set<LockoutCounter>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<Feedback> Feedback => Set<Feedback>();
    public DbSet<ActivityContributor> ActivityContributors => Set<ActivityContributor>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<MentorProfile> MentorProfiles => Set<MentorProfile>();
    public DbSet<SupportRequest> SupportRequests => Set<SupportRequest>();
    public DbSet<Placement> Placements => Set<Placement>();
    public DbSet<CaseStudy> CaseStudies => Set<CaseStudy>();
    public DbSet<LibrarySubscription> LibrarySubscriptions => Set<LibrarySubscription>();
    public DbSet<PeerReview> PeerReviews => Set<PeerReview>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectUpdate> ProjectUpdates => Set<ProjectUpdate>();
    public DbSet<ProjectMeasure> ProjectMeasures => Set<ProjectMeasure>();
    public DbSet<ProjectMilestone> ProjectMilestones => Set<ProjectMilestone>();
    public DbSet<ProjectResults> ProjectResults => Set<ProjectResults>();
    public DbSet<ProjectDocument> ProjectDocuments => Set<ProjectDocument>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalEndorsement> ProposalEndorsements => Set<ProposalEndorsement>();
    public DbSet<BoardMember> BoardMembers => Set<BoardMember>();
    public DbSet<BoardMeeting> BoardMeetings => Set<BoardMeeting>();
    public DbSet<BoardAgendaItem> BoardAgendaItems => Set<BoardAgendaItem>();
    public DbSet<BoardDecision> BoardDecisions => Set<BoardDecision>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<OrganisationContact> OrganisationContacts => Set<OrganisationContact>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<BrokerageRequest> BrokerageRequests => Set<BrokerageRequest>();
    public DbSet<BrokerInterest> BrokerInterests => Set<BrokerInterest>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();

    /// <summary>ASP.NET Core Data Protection's keys: shared by every web node, so a cookie from one works on all.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Records who did what to <paramref name="entity"/>. The entry is written by the next
    /// SaveChangesAsync, in the same transaction as the change, once the entity has its key.
    /// </summary>
    public void Audit(string? actorId, string action, object entity, string? details = null) =>
        _pendingAudit.Add(new PendingAudit(actorId, action, entity, details));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite keeps no kind, so mark it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once per save. Each look at Entries() and EF's own save would otherwise
        // detect them again, comparing every tracked property with its snapshot: with a booking's
        // activity and its live bookings tracked, that was the largest share of a booking's allocations.
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        await ClosedProgrammes.RefuseAdditionsToAsync(this, cancellationToken);
        var queuesEmail = ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added);
        var touched = DataScopes.Touched(ChangeTracker);
        if (touched.Count > 0)
        {
            _versions = null; // this save moves them on
        }
        int written;
        // A save inside a unit of work already holds the gate (Transactions.InTransactionAsync).
        using var pass = Database.CurrentTransaction is null ? await WriteGate.EnterAsync(cancellationToken) : default;
        if (_pendingAudit.Count > 0 && _pendingAudit.All(a => Entry(a.Entity).State != EntityState.Added))
        {
            AddPendingAudit(); // every audited entity has its key already: one write, not two
        }
        if (_pendingAudit.Count == 0 && touched.Count == 0)
        {
            written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        else
        {
            // The change, its audit entries (once keys exist) and the version bump of every scope it
            // touches: one transaction, so a cached figure can never outlive the data it came from.
            var ownTransaction = Database.CurrentTransaction is null
                ? await Database.BeginTransactionAsync(cancellationToken)
                : null;
            try
            {
                written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                if (_pendingAudit.Count > 0)
                {
                    AddPendingAudit(); // the new entities have their keys now
                    written += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                }
                if (touched.Count > 0)
                {
                    // An atomic increment, never read-then-write: two writers at once must give two versions.
                    await DataVersions.Where(v => touched.Contains(v.Name))
                        .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken);
                }
                if (ownTransaction is not null)
                {
                    await ownTransaction.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                if (ownTransaction is not null)
                {
                    await ownTransaction.DisposeAsync();
                }
            }
        }

        if (queuesEmail)
        {
            if (Database.CurrentTransaction is null)
            {
                _outboxSignal.EmailQueued();
            }
            else
            {
                _emailQueuedInTransaction = true; // signalled by OutboxCommitInterceptor once committed
            }
        }
        return written;
    }

    private void AddPendingAudit()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        foreach (var audit in _pendingAudit)
        {
            var entry = Entry(audit.Entity);
            var key = entry.Metadata.FindPrimaryKey()!.Properties
                .Select(p => entry.Property(p.Name).CurrentValue?.ToString());
            AuditEntries.Add(new AuditEntry(now, audit.ActorId, audit.Action,
                entry.Metadata.ClrType.Name, string.Join(",", key), audit.Details));
        }
        _pendingAudit.Clear();
    }

    private bool _emailQueuedInTransaction;

    internal void TransactionCommitted()
    {
        if (_emailQueuedInTransaction)
        {
            _emailQueuedInTransaction = false;
            _outboxSignal.EmailQueued();
        }
    }

    internal void TransactionRolledBack() => _emailQueuedInTransaction = false;

    /// <summary>Forgets everything not yet saved, so a unit of work can be run again from scratch.</summary>
    internal void DiscardPendingChanges()
    {
        ChangeTracker.Clear();
        _pendingAudit.Clear();
        _emailQueuedInTransaction = false;
    }

    private sealed record PendingAudit(string? ActorId, string Action, object Entity, string? Details);
}

/// <summary>Signals queued email once an explicit transaction commits (and forgets it on rollback).</summary>
public sealed class OutboxCommitInterceptor : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction,
        Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AppDbContext)?.TransactionCommitted();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction,
        Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData) =>
        (eventData.Context as AppDbContext)?.TransactionCommitted();

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction,
        Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        (eventData.Context as AppDbContext)?.TransactionRolledBack();
        return Task.CompletedTask;
    }
}

/// <summary>Told when a committed change queued email, so delivery can start without waiting for the sweep.</summary>
public interface IOutboxSignal
{
    void EmailQueued();
}

internal sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
