using System.Globalization;
using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure.Authorization;

namespace LspCapacity.Web.Infrastructure;

/// <summary>
/// Which region and programme a page reads: the one rule, stated once. The region is the person's own; admins
/// and the national team may choose any with <c>?region=ID</c> (the national team, who have none, start on the
/// first by name). The programme is the one chosen with <c>?programme=ID</c> (one of that region's), else the
/// region's programme running today, else its latest. The dashboard family, needs coverage and the
/// end-of-programme report read it; their chooser (<c>_ProgrammeChooser</c>) is a plain GET form, no cookie.
/// </summary>
public sealed class CurrentProgramme(AppDbContext db, CurrentUser me, TimeProvider clock, IHttpContextAccessor accessor, ReferenceData reference)
{
    public const string RegionKey = "region";
    public const string ProgrammeKey = "programme";

    public sealed record RegionItem(int Id, string Name);

    public sealed record ProgrammeItem(int Id, string Name, DateOnly StartsOn, DateOnly EndsOn, decimal Budget, bool IsClosed);

    /// <summary>
    /// What a page reads. <paramref name="Programme"/> is null only for a region with no programme yet.
    /// <paramref name="Regions"/> lists the regions the person may choose from (empty: their own only).
    /// </summary>
    public sealed record Choice(int RegionId, string RegionName, ProgrammeItem? Programme, bool ProgrammeChosen, bool RegionChosen,
        IReadOnlyList<RegionItem> Regions, IReadOnlyList<ProgrammeItem> Programmes)
    {
        /// <summary>The route values that keep the choice on a link to another page of the family.</summary>
        public IDictionary<string, string> RouteValues
        {
            get
            {
                var values = new Dictionary<string, string>();
                if (RegionChosen)
                {
                    values[RegionKey] = RegionId.ToString(CultureInfo.InvariantCulture);
                }
                if (ProgrammeChosen && Programme is not null)
                {
                    values[ProgrammeKey] = Programme.Id.ToString(CultureInfo.InvariantCulture);
                }
                return values;
            }
        }
    }

    private Choice? _choice;

    /// <summary>The region and programme of this request; null when the person has no region and may not choose one.</summary>
    public async Task<Choice?> ResolveAsync(CancellationToken cancellationToken)
    {
        if (_choice is not null)
        {
            return _choice;
        }
        var query = accessor.HttpContext?.Request.Query;
        var seesAll = RegionRule.SeesEveryRegion(me.Principal);
        // Regions and programmes are reference data, held in memory (ReferenceData): no query once they are.
        var allRegions = await reference.RegionsAsync(db, cancellationToken);
        IReadOnlyList<RegionItem> regions = seesAll ? allRegions : [];
        int? regionId = me.RegionId;
        var regionChosen = false;
        if (seesAll && int.TryParse(query?[RegionKey], NumberStyles.None, CultureInfo.InvariantCulture, out var asked)
            && regions.Any(r => r.Id == asked))
        {
            regionId = asked;
            regionChosen = asked != me.RegionId;
        }
        regionId ??= regions.FirstOrDefault()?.Id;
        if (regionId is not { } id)
        {
            return null;
        }
        var regionName = allRegions.Single(r => r.Id == id).Name;
        var programmes = await reference.ProgrammesAsync(db, id, cancellationToken);
        var chosen = int.TryParse(query?[ProgrammeKey], NumberStyles.None, CultureInfo.InvariantCulture, out var programmeId)
            ? programmes.FirstOrDefault(p => p.Id == programmeId)
            : null;
        var programme = chosen ?? Current(programmes, UkTime.Today(clock));
        _choice = new Choice(id, regionName, programme, chosen is not null && chosen != Current(programmes, UkTime.Today(clock)), regionChosen,
            regions, programmes);
        return _choice;
    }

    /// <summary>The programme running on <paramref name="today"/>, else the latest to start.</summary>
    public static ProgrammeItem? Current(IReadOnlyList<ProgrammeItem> programmes, DateOnly today) =>
        programmes.Where(p => p.StartsOn <= today && p.EndsOn >= today).MaxBy(p => p.StartsOn) ?? programmes.MaxBy(p => p.StartsOn);
}
