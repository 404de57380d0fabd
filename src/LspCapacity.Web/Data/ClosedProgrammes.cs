using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Data;

/// <summary>
/// A closed programme is read-only: nothing new is added to it. Checked here, once, for every save, not page
/// by page: a new activity, survey or project belongs to its region's programme of its day (the activity's
/// start, the survey's or project's creation) — the programme running that day, else the latest that had
/// started by then — and when that programme is closed the save is refused with a
/// <see cref="DomainException"/>, which the pages already show beside the form.
/// </summary>
public static class ClosedProgrammes
{
    public static async Task RefuseAdditionsToAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        List<(int RegionId, DateOnly Day)>? added = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added)
            {
                continue;
            }
            (int, DateOnly)? belongs = entry.Entity switch
            {
                Activity a => (a.RegionId, DateOnly.FromDateTime(UkCalendar.ToUk(a.StartsAt))),
                Survey s => (s.RegionId, DateOnly.FromDateTime(UkCalendar.ToUk(s.CreatedAt))),
                Project p => (p.RegionId, DateOnly.FromDateTime(UkCalendar.ToUk(p.CreatedAt))),
                _ => null,
            };
            if (belongs is { } b)
            {
                (added ??= []).Add(b);
            }
        }
        if (added is null)
        {
            return;
        }
        var regionIds = added.Select(a => a.RegionId).Distinct().ToList();
        var programmes = await db.Programmes.AsNoTracking().Where(p => regionIds.Contains(p.RegionId)).ToListAsync(cancellationToken);
        foreach (var (regionId, day) in added)
        {
            var ofRegion = programmes.Where(p => p.RegionId == regionId).ToList();
            var programme = ofRegion.Where(p => p.IsRunningOn(day)).MaxBy(p => p.StartsOn)
                            ?? ofRegion.Where(p => p.StartsOn <= day).MaxBy(p => p.StartsOn);
            programme?.EnsureOpen();
        }
    }
}
