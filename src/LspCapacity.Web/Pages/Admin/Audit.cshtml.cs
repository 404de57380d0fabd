using System.Globalization;
using CsvHelper;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Audit;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Admin;

/// <summary>
/// The audit log: who did what to which record, when (UK time), newest first, filtered by person (what
/// they did and what was done to their account) and by record (type and id), paged, with the filtered
/// set as CSV. Admins only: an entry names a record, not a region, so there is no region to hand a
/// coordinator their share by (a coordinator sees a person's history on the person's page).
/// </summary>
public class AuditModel(AppDbContext db) : PageModel
{
    /// <summary>The most people a name or email filter matches: enough to find someone, not a way to list everyone.</summary>
    public const int MaxPeopleMatched = 50;

    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }

    public Paged<Line> Entries { get; private set; } = new([], 1, PagingExtensions.DefaultPageSize, 0);
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.People);
        EntityTypes = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
        Entries = await Lines(await FilteredAsync(cancellationToken)).ToPagedAsync(page, cancellationToken: cancellationToken);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var lines = await Lines(await FilteredAsync(cancellationToken)).ToListAsync(cancellationToken);
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, null, leaveOpen: true))
        {
            csv.WriteRecord(["When (UK time)", "Who", "Who (id)", "Action", "Record type", "Record id", "Details"]);
            foreach (var l in lines)
            {
                csv.WriteRecord(
                [
                    UkTime.ToUk(l.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    CsvCells.Safe(l.ActorName ?? (l.ActorId is null ? "The system" : "")),
                    l.ActorId ?? "",
                    CsvCells.Safe(l.Action),
                    CsvCells.Safe(l.EntityType),
                    CsvCells.Safe(l.EntityId),
                    CsvCells.Safe(l.Details),
                ]);
            }
        }
        return new CsvFileResult(writer.ToString(), "audit-log.csv");
    }

    public string PageUrl(int page) =>
        Url.Page("/Admin/Audit", new { person = Person, entityType = EntityType, entityId = EntityId, page })!;

    private async Task<IQueryable<AuditEntry>> FilteredAsync(CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Person))
        {
            var term = Person.Trim();
            var termUpper = term.ToUpperInvariant();
            // A person by id, or by part of their name or email (matched in the database, capped).
            var ids = await db.Users.AsNoTracking()
                .Where(u => u.Id == term || u.NormalizedEmail!.Contains(termUpper) || u.DisplayName.ToUpper().Contains(termUpper))
                .OrderBy(u => u.DisplayName).Take(MaxPeopleMatched).Select(u => u.Id).ToListAsync(cancellationToken);
            query = query.Where(a => (a.ActorId != null && ids.Contains(a.ActorId)) || (a.EntityType == nameof(AppUser) && ids.Contains(a.EntityId)));
        }
        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            var type = EntityType.Trim();
            query = query.Where(a => a.EntityType == type);
        }
        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            var id = EntityId.Trim();
            query = query.Where(a => a.EntityId == id);
        }
        return query;
    }

    private IQueryable<Line> Lines(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new Line(a.Id, a.At, a.ActorId, db.Users.Where(u => u.Id == a.ActorId).Select(u => u.DisplayName).FirstOrDefault(),
                a.Action, a.EntityType, a.EntityId, a.Details));

    public sealed record Line(long Id, DateTime At, string? ActorId, string? ActorName, string Action, string EntityType, string EntityId, string? Details);
}
