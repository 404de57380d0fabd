using LspCapacity.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Infrastructure;

/// <summary>
/// Reference data that nearly every page reads and that changes a few times a year — the themes, the
/// partnerships' names, the regions and their programmes — held in memory under the <see cref="DataScopes.Reference"/> version, as survey
/// results are (<see cref="FiguresCache"/>): a page asks for the versions once (one round trip for every
/// cached list it uses) instead of reading each list again, and a change saved on any node moves the
/// version on, so the next request everywhere reads the lists afresh.
/// </summary>
public sealed class ReferenceData(FiguresCache cache)
{
    public sealed record ThemeItem(int Id, string Name, int Position, bool IsActive);

    /// <summary>Every theme, in the programme's order.</summary>
    public Task<IReadOnlyList<ThemeItem>> ThemesAsync(AppDbContext db, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync<IReadOnlyList<ThemeItem>>(db, DataScopes.Reference, "themes", async ct =>
            await db.Themes.AsNoTracking().OrderBy(t => t.Position)
                .Select(t => new ThemeItem(t.Id, t.Name, t.Position, t.IsActive)).ToListAsync(ct), cancellationToken);

    /// <summary>Theme names by id.</summary>
    public async Task<IReadOnlyDictionary<int, string>> ThemeNamesAsync(AppDbContext db, CancellationToken cancellationToken) =>
        (await cache.GetOrAddAsync(db, DataScopes.Reference, "theme-names", async ct =>
            (await ThemesAsync(db, ct)).ToDictionary(t => t.Id, t => t.Name), cancellationToken));

    /// <summary>Every region, by name.</summary>
    public Task<IReadOnlyList<CurrentProgramme.RegionItem>> RegionsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync<IReadOnlyList<CurrentProgramme.RegionItem>>(db, DataScopes.Reference, "regions", async ct =>
            await db.Regions.AsNoTracking().OrderBy(r => r.Name).Select(r => new CurrentProgramme.RegionItem(r.Id, r.Name)).ToListAsync(ct),
            cancellationToken);

    /// <summary>A region's programmes, the latest to start first.</summary>
    public Task<IReadOnlyList<CurrentProgramme.ProgrammeItem>> ProgrammesAsync(AppDbContext db, int regionId, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync<IReadOnlyList<CurrentProgramme.ProgrammeItem>>(db, DataScopes.Reference, $"programmes:{regionId}", async ct =>
            await db.Programmes.AsNoTracking().Where(p => p.RegionId == regionId).OrderByDescending(p => p.StartsOn)
                .Select(p => new CurrentProgramme.ProgrammeItem(p.Id, p.Name, p.StartsOn, p.EndsOn, p.Budget, p.ClosedAt != null)).ToListAsync(ct),
            cancellationToken);

    public sealed record PartnershipItem(int Id, string Name, bool IsActive = true);

    /// <summary>A region's partnerships (every one, active or not: each says), by name.</summary>
    public Task<IReadOnlyList<PartnershipItem>> PartnershipsAsync(AppDbContext db, int regionId, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync<IReadOnlyList<PartnershipItem>>(db, DataScopes.Reference, $"partnerships:{regionId}", async ct =>
            await db.Partnerships.AsNoTracking().Where(p => p.RegionId == regionId).OrderBy(p => p.Name)
                .Select(p => new PartnershipItem(p.Id, p.Name, p.IsActive)).ToListAsync(ct),
            cancellationToken);

    /// <summary>Every partnership's name by id.</summary>
    public Task<Dictionary<int, string>> PartnershipNamesAsync(AppDbContext db, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync(db, DataScopes.Reference, "partnership-names",
            ct => db.Partnerships.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct), cancellationToken);
}
