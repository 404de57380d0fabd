using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Pages.Needs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Pages.Brokerage;

/// <summary>The "FairShares" section of the configuration.</summary>
public sealed class FairShareOptions
{
    public const string Section = "FairShares";

    /// <summary>
    /// What an hour of mentoring, coaching, shadowing or secondment is worth, in pounds, when placement
    /// hours are costed for fair shares (placements have no cost lines of their own). Default £40.
    /// </summary>
    public decimal PlacementHourValue { get; set; } = 40m;
}

/// <summary>
/// One partnership's fair-share position in a programme: what it has received, costed by kind, against its share.
/// </summary>
public sealed record FairSharePosition(
    int PartnershipId, string Name, bool ReceivesNrf, int HighNeedThemes, int MediumNeedThemes,
    int PlacesAttended, decimal PlacesCost, int PlacementMinutes, decimal PlacementValue, decimal BrokeredDays, decimal BrokeredCost,
    decimal Weight, decimal Share, decimal ShareToDate, bool FarBelow)
{
    public double PlacementHours => Figures.Hours(PlacementMinutes);
    public decimal Received => PlacesCost + PlacementValue + BrokeredCost;
    public decimal Gap => Received - Share;

    /// <summary>Received as a share of the fair share of the budget (1 = all of it); null when the share is nothing.</summary>
    public double? OfShare => Share <= 0 ? null : (double)(Received / Share);
}

/// <param name="ProgrammeId">Null when the region has no programme: every share is then nothing.</param>
public sealed record FairShareResult(int? ProgrammeId, string? ProgrammeName, decimal Budget, FairShareRule Rule, decimal PlacementHourValue,
    NeedsQueries.SurveyRef? NeedsSurvey, IReadOnlyList<FairSharePosition> Positions)
{
    public IReadOnlyList<FairSharePosition> FarBelow => Positions.Where(p => p.FarBelow).ToList();
    public decimal Received => Positions.Sum(p => p.Received);
}

/// <summary>
/// Fair shares of a programme's support, for the fair-shares page, its CSV, the dashboard and the broker's
/// shortlist (<see cref="PositionsAsync"/>). A fixed number of queries whatever the number of partnerships,
/// activities or commitments: grouped in SQL, merged in memory.
/// Received, costed: places attended (each activity's recorded costs ÷ the places attended at it, the value-for-money
/// page's cost per attended place, for each place the partnership's staff attended), placement hours (mentee
/// partnership's session hours × <see cref="FairShareOptions.PlacementHourValue"/>) and brokered work (its commitments'
/// cost: actual once delivered, committed until then, nothing when cancelled).
/// Worked out once per data version (<see cref="FiguresCache"/>, under <see cref="Scopes"/>) and shared by every page that shows them.
/// </summary>
public sealed class FairShareQueries(AppDbContext db, FiguresCache cache, IOptions<FairShareOptions> options)
{
    /// <summary>
    /// What fair shares read: attendance, placements, survey answers and partnerships (needs); the programme, its budget and
    /// rule (reference); activity status and costs, placement sessions and commitments (programme).
    /// </summary>
    public static readonly IReadOnlyList<string> Scopes = [DataScopes.Needs, DataScopes.Reference, DataScopes.Programme];

    public const string PlacesRule =
        "Places attended: for each place the partnership's staff attended at a published or completed activity, the activity's recorded costs ÷ the places attended at it.";

    public string PlacementRule =>
        $"Placement hours: the hours of the sessions logged on placements where the partnership is mentee, at {Figures.Money(options.Value.PlacementHourValue)} an hour.";

    public const string BrokeredRule =
        "Brokered work: the cost of the partnership's commitments in the programme: the actual cost once delivered, the committed cost until then; cancelled work counts nothing.";

    /// <summary>The region's programme that runs today, or else the latest to start (as the value-for-money page picks it).</summary>
    public Task<int?> ProgrammeOfRegionAsync(int regionId, DateOnly today, CancellationToken cancellationToken) =>
        db.Programmes.AsNoTracking().Where(p => p.RegionId == regionId)
            .OrderByDescending(p => p.StartsOn <= today && p.EndsOn >= today).ThenByDescending(p => p.StartsOn)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Every active partnership of the programme's region with its fair-share position, by name.</summary>
    public async Task<IReadOnlyList<FairSharePosition>> PositionsAsync(int programmeId, CancellationToken cancellationToken = default) =>
        (await ForProgrammeAsync(programmeId, cancellationToken)).Positions;

    /// <summary>The fair shares of the region's current programme (which one depends on <paramref name="today"/>).</summary>
    public Task<FairShareResult> ForRegionAsync(int regionId, DateOnly today, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync(db, Scopes, $"fair-shares:region:{regionId}:{today:yyyy-MM-dd}", async ct =>
        {
            var programmeId = await ProgrammeOfRegionAsync(regionId, today, ct);
            return programmeId is { } id
                ? await CalculateProgrammeAsync(id, ct)
                : await CalculateAsync(regionId, null, ct);
        }, cancellationToken);

    public Task<FairShareResult> ForProgrammeAsync(int programmeId, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync(db, Scopes, $"fair-shares:programme:{programmeId}", ct => CalculateProgrammeAsync(programmeId, ct), cancellationToken);

    private async Task<FairShareResult> CalculateProgrammeAsync(int programmeId, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == programmeId)
            .Select(p => new
            {
                p.Id, p.RegionId, p.Name, p.Budget, p.FairShares.Basis, p.FairShares.HighNeedWeight, p.FairShares.MediumNeedWeight,
                p.FairShares.NrfUpliftPercent, p.FairShares.FarBelowPercent,
            }).SingleAsync(cancellationToken);
        var rule = new FairShareRule(programme.Basis, programme.HighNeedWeight, programme.MediumNeedWeight, programme.NrfUpliftPercent,
            programme.FarBelowPercent);
        return await CalculateAsync(programme.RegionId, new ProgrammeRow(programme.Id, programme.Name, programme.Budget, rule), cancellationToken);
    }

    private sealed record ProgrammeRow(int Id, string Name, decimal Budget, FairShareRule Rule);

    private async Task<FairShareResult> CalculateAsync(int regionId, ProgrammeRow? programme, CancellationToken cancellationToken)
    {
        var hourValue = options.Value.PlacementHourValue;
        var rule = programme?.Rule ?? FairShareRule.Default;
        var partnerships = await db.Partnerships.AsNoTracking().Where(p => p.RegionId == regionId && p.IsActive)
            .OrderBy(p => p.Name).Select(p => new { p.Id, p.Name, p.ReceivesNrf }).ToListAsync(cancellationToken);

        // Places: each counted activity's cost per attended place, times the places each partnership attended.
        var counted = db.Activities.AsNoTracking()
            .Where(a => a.RegionId == regionId && (a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Completed));
        var activityCosts = await counted.Where(a => a.Bookings.Any(b => b.Attendance == Attendance.Attended))
            .Select(a => new { a.Id, Cost = a.Costs.Sum(c => c.Amount), Attended = a.Bookings.Count(b => b.Attendance == Attendance.Attended) })
            .ToDictionaryAsync(a => a.Id, a => Figures.CostPerAttendedPlace(a.Cost, a.Attended) ?? 0m, cancellationToken);
        var attended = await counted.SelectMany(a => a.Bookings, (a, b) => new { ActivityId = a.Id, b.PartnershipId, b.Attendance })
            .Where(b => b.Attendance == Attendance.Attended && b.PartnershipId != null)
            .GroupBy(b => new { b.PartnershipId, b.ActivityId })
            .Select(g => new { PartnershipId = g.Key.PartnershipId!.Value, g.Key.ActivityId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var places = attended.GroupBy(a => a.PartnershipId).ToDictionary(g => g.Key, g => (
            Count: g.Sum(a => a.Count),
            Cost: g.Sum(a => a.Count * activityCosts.GetValueOrDefault(a.ActivityId))));

        var minutes = await db.Placements.AsNoTracking().Where(p => p.RegionId == regionId)
            .SelectMany(p => p.Sessions, (p, s) => new { p.MenteePartnershipId, s.DurationMinutes })
            .GroupBy(x => x.MenteePartnershipId).Select(g => new { Id = g.Key, Minutes = g.Sum(x => x.DurationMinutes) })
            .ToDictionaryAsync(x => x.Id, x => x.Minutes, cancellationToken);

        var programmeId = programme?.Id ?? 0;
        var brokered = await db.Commitments.AsNoTracking()
            .Where(c => c.ProgrammeId == programmeId && c.Status != CommitmentStatus.Cancelled)
            .GroupBy(c => c.PartnershipId)
            .Select(g => new
            {
                Id = g.Key,
                Days = g.Sum(c => c.Status == CommitmentStatus.Delivered ? c.DaysUsed ?? c.Days : c.Days),
                Cost = g.Sum(c => c.Status == CommitmentStatus.Delivered ? c.ActualCost ?? c.CommittedCost : c.CommittedCost),
            })
            .ToDictionaryAsync(x => x.Id, cancellationToken);

        var survey = await NeedsQueries.LatestAnsweredAsync(db, regionId, cancellationToken);
        var needs = (survey is null ? new List<NeedsQueries.ThemeMean>() : await NeedsQueries.MeansAsync(db, survey.Id, null, cancellationToken)).ToLookup(m => m.PartnershipId);

        var rows = partnerships.Select(p =>
        {
            var levels = needs[p.Id].Select(n => n.Level).ToList();
            var (count, cost) = places.GetValueOrDefault(p.Id);
            var b = brokered.GetValueOrDefault(p.Id);
            var placementMinutes = minutes.GetValueOrDefault(p.Id);
            return new FairSharePosition(p.Id, p.Name, p.ReceivesNrf, levels.Count(l => l == NeedLevel.High), levels.Count(l => l == NeedLevel.Medium),
                count, cost, placementMinutes, FairShares.PlacementValue(placementMinutes, hourValue), b?.Days ?? 0, b?.Cost ?? 0,
                0, 0, 0, false);
        }).ToList();
        var lines = FairShares.Calculate(rule, programme?.Budget ?? 0,
            rows.Select(r => new FairShareInput(r.PartnershipId, r.ReceivesNrf, r.HighNeedThemes, r.MediumNeedThemes, r.Received)).ToList());
        var positions = rows.Zip(lines, (r, l) => r with { Weight = l.Weight, Share = l.Share, ShareToDate = l.ShareToDate, FarBelow = l.FarBelow }).ToList();
        return new FairShareResult(programme?.Id, programme?.Name, programme?.Budget ?? 0, rule, hourValue, survey, positions);
    }
}
