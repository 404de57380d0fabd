using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Jobs;

/// <summary>
/// The nightly backup of the embedded database (<see cref="Backups"/>), keeping the newest
/// <see cref="BackupOptions.Keep"/>. Does nothing on PostgreSQL (its own tools back it up) or when
/// <see cref="BackupOptions.Nightly"/> is off. A second run the same night takes a second backup, which
/// the pruning then counts: harmless.
/// </summary>
public sealed class BackupJob(AppDbContext db, TimeProvider clock, IOptions<BackupOptions> options, IOptions<AppOptions> app,
    IWebHostEnvironment environment, ILogger<BackupJob> logger)
{
    [Hangfire.AutomaticRetry(Attempts = 2)]
    [Hangfire.DisableConcurrentExecution(RecurringJobs.OneRunAtATimeSeconds)]
    public async Task<string?> BackUpAsync(CancellationToken cancellationToken = default)
    {
        if (!options.Value.Nightly || !db.Database.IsSqlite())
        {
            return null;
        }
        var dataFolder = app.Value.ResolveDataFolder(environment.ContentRootPath);
        var folder = Path.IsPathRooted(options.Value.Folder) ? options.Value.Folder : Path.Combine(dataFolder, options.Value.Folder);
        var file = await Backups.TakeAsync(db.Database.GetConnectionString()!, dataFolder, folder, clock.GetUtcNow().UtcDateTime, cancellationToken);
        var deleted = Backups.Prune(folder, options.Value.Keep);
        logger.LogInformation("Backed up the database to {File}; deleted {Deleted} older backup(s)", file, deleted.Count);
        return file;
    }
}
