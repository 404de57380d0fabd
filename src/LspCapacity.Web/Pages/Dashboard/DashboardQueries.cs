using System.Linq.Expressions;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Pages.Needs;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Dashboard;

/// <summary>
/// Every figure of the programme dashboard, the needs coverage and the end-of-programme report, for one
/// region. Each method runs a fixed number of SQL commands whatever the number of partnerships or
/// activities: totals come from GROUP BY projections, and lists are merged in memory (a region has
/// hundreds of partnerships at most). The pages, their charts and their CSV exports all read from here,
/// so they show the same numbers. The arithmetic itself is in <see cref="Figures"/> and <see cref="Equity"/>.
/// </summary>
public static class DashboardQueries
{
    // --- Peer reviews --------------------------------------------------------------------------------

    /// <summary>The dashboard's peer review figures: each is one GROUP BY on the region's reviews.</summary>
    public static class Reviews
    {
        /// <summary>Reviews of the region by stage, every stage in order (scoping → … → closed), zero included.</summary>
        public static async Task<IReadOnlyList<(ReviewStage Stage, int Count)>> ByStageAsync(AppDbContext db, int regionId,
            CancellationToken cancellationToken)
        {
            var counts = await db.PeerReviews.AsNoTracking().Where(r => r.RegionId == regionId)
                .GroupBy(r => r.Stage).Select(g => new { Stage = g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Stage, x => x.Count, cancellationToken);
            return ReviewStages.All.Select(stage => (stage, counts.GetValueOrDefault(stage))).ToList();
        }

        /// <summary>Reviews hosted (at any stage), per partnership id; partnerships that hosted none are left out.</summary>
        public static async Task<IReadOnlyDictionary<int, int>> PerPartnershipAsync(AppDbContext db, int regionId, CancellationToken cancellationToken) =>
            await db.PeerReviews.AsNoTracking().Where(r => r.RegionId == regionId)
                .GroupBy(r => r.HostPartnershipId).Select(g => new { Id = g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Id, x => x.Count, cancellationToken);

        /// <summary>Per (host partnership, theme): the partnership's reviews with the theme among their focus themes.</summary>
        public static async Task<IReadOnlyDictionary<(int PartnershipId, int ThemeId), int>> AddressingNeedsAsync(AppDbContext db, int regionId,
            CancellationToken cancellationToken) =>
            await db.PeerReviews.AsNoTracking().Where(r => r.RegionId == regionId)
                .SelectMany(r => r.FocusThemes, (r, t) => new { r.HostPartnershipId, t.ThemeId })
                .GroupBy(x => new { x.HostPartnershipId, x.ThemeId })
                .Select(g => new { g.Key.HostPartnershipId, g.Key.ThemeId, Count = g.Count() })
                .ToDictionaryAsync(x => (x.HostPartnershipId, x.ThemeId), x => x.Count, cancellationToken);
    }

    // --- Overview ------------------------------------------------------------------------------------

    public sealed record UpcomingActivity(int Id, string Title, DateTime StartsAt, int Capacity, int Confirmed)
    {
        public double? FillRate => Figures.Rate(Confirmed, Capacity);
    }

    public sealed record SurveyRate(int Id, string Title, int Submitted, int Partnerships)
    {
        public double? Rate => Figures.Rate(Submitted, Partnerships);
    }

    public sealed record Overview(
        int UpcomingCount, int UpcomingPlaces, int UpcomingConfirmed, IReadOnlyList<UpcomingActivity> NextActivities,
        SurveyRate? Survey, int ActivePlacements, int PlannedPlacements, int QuietPlacements, int QuietDays,
        IReadOnlyList<(ReviewStage Stage, int Count)> ReviewsByStage, int CaseStudiesAwaiting, int FailedEmails, int NationalPlaces)
    {
        public double? UpcomingFillRate => Figures.Rate(UpcomingConfirmed, UpcomingPlaces);
    }

    public const int NextActivitiesShown = 10;

    /// <summary>The region's published activities still to start.</summary>
    private static readonly Expression<Func<AppDbContext, int, DateTime, IQueryable<Activity>>> UpcomingIn = (db, regionId, now) =>
        db.Activities.AsNoTracking().Where(a => a.RegionId == regionId && a.Status == ActivityStatus.Published && a.StartsAt > now);

    /// <summary>Published activities still to start, soonest first, with their fill rate (confirmed places out of capacity).</summary>
    public static IQueryable<UpcomingActivity> Upcoming(AppDbContext db, int regionId, DateTime now) =>
        Inline.Bind(UpcomingIn, db, regionId, now).OrderBy(a => a.StartsAt).ThenBy(a => a.Id)
            .Select(a => new UpcomingActivity(a.Id, a.Title, a.StartsAt, a.Capacity, a.ConfirmedCount));

    /// <summary>
    /// Every figure of the dashboard's overview. What changes all day (upcoming places, which move with every booking; failed
    /// emails; the region's people's places at national showcases, <see cref="CoDeliveryQueries.NationalPlaces"/>) is read on
    /// each request, with the next activities, in one round trip. The rest (partnerships, the latest survey's responses,
    /// placements, case studies awaiting moderation, reviews by stage) moves only with the needs and library versions and
    /// is kept per version and day (<see cref="SteadyAsync"/>).
    /// </summary>
    public static async Task<Overview> OverviewAsync(AppDbContext db, FiguresCache cache, int regionId, DateTime now, DateOnly today, int quietDays,
        CancellationToken cancellationToken)
    {
        var rows = await LiveRows.For(db)(db, regionId, now).ToListAsync(cancellationToken);
        var live = rows[0].Counts;
        var (steady, reviews) = await SteadyAsync(db, cache, regionId, today, quietDays, cancellationToken);

        return new Overview(live.Upcoming, live.Places, live.Confirmed, rows.Where(x => x.Next is not null).Select(x => x.Next!).ToList(),
            steady.SurveyId is { } surveyId ? new SurveyRate(surveyId, steady.SurveyTitle!, steady.Submitted, steady.Partnerships) : null,
            steady.ActivePlacements, steady.PlannedPlacements, steady.QuietPlacements, quietDays,
            reviews, steady.Awaiting, live.Failed, live.NationalPlaces);
    }

    /// <summary>The region's active placements (planned ones too: those not started yet).</summary>
    private static readonly Expression<Func<AppDbContext, int, IQueryable<Placement>>> ActivePlacementsIn = (db, regionId) =>
        db.Placements.Where(p => p.RegionId == regionId && p.Status == PlacementStatus.Active);

    /// <summary>The region's surveys beyond draft, the latest first.</summary>
    private static readonly Expression<Func<AppDbContext, int, IQueryable<Survey>>> LatestSurveysIn = (db, regionId) =>
        db.Surveys.Where(s => s.RegionId == regionId && s.Status != SurveyStatus.Draft).OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id);

    /// <summary>
    /// The overview's live counts, joined to the next activities (a row of counts alone when none is to come: SQLite reads just
    /// the first few of the region's activities through its index), compiled once: composed on each request, EF's work to find
    /// its cached SQL for a large expression was a sixth of the dashboard's CPU.
    /// </summary>
    private static readonly PerEngine<Func<AppDbContext, int, DateTime, IAsyncEnumerable<OverviewRow>>> LiveRows = new(() =>
        EF.CompileAsyncQuery(Inline.Expand<Func<AppDbContext, int, DateTime, IQueryable<OverviewRow>>>(
            (db, regionId, now) =>
                from c in db.Regions.AsNoTracking().Where(r => r.Id == regionId)
                    .Select(r => new LiveCounts
                    {
                        Upcoming = UpcomingIn.Apply(db, regionId, now).Count(),
                        Places = UpcomingIn.Apply(db, regionId, now).Sum(a => a.Capacity),
                        Confirmed = UpcomingIn.Apply(db, regionId, now).Sum(a => a.ConfirmedCount),
                        Failed = db.OutboxMessages.Count(m => m.RegionId == regionId && m.Status == OutboxStatus.Failed),
                        NationalPlaces = CoDeliveryQueries.NationalPlacesOf.Apply(db, regionId).Count(),
                    })
                from a in UpcomingIn.Apply(db, regionId, now).OrderBy(a => a.StartsAt).ThenBy(a => a.Id).Take(NextActivitiesShown).DefaultIfEmpty()
                orderby a.StartsAt, a.Id
                select new OverviewRow
                {
                    Counts = c,
                    Next = a == null ? null : new UpcomingActivity(a.Id, a.Title, a.StartsAt, a.Capacity, a.ConfirmedCount),
                })));

    private sealed class LiveCounts
    {
        public int Upcoming { get; init; }
        public int Places { get; init; }
        public int Confirmed { get; init; }
        public int Failed { get; init; }
        public int NationalPlaces { get; init; }
    }

    private sealed class OverviewRow
    {
        public LiveCounts Counts { get; init; } = default!;
        public UpcomingActivity? Next { get; init; }
    }

    /// <summary>The steady counts, from the region's row (one row), compiled once as <see cref="LiveRows"/> is.</summary>
    private static readonly PerEngine<Func<AppDbContext, int, DateOnly, DateOnly, IAsyncEnumerable<SteadyCounts>>> SteadyCountRows = new(() =>
        EF.CompileAsyncQuery(Inline.Expand<Func<AppDbContext, int, DateOnly, DateOnly, IQueryable<SteadyCounts>>>(
            (db, regionId, today, quietSince) =>
                db.Regions.AsNoTracking().Where(r => r.Id == regionId)
                    .Select(r => new SteadyCounts
                    {
                        Partnerships = db.Partnerships.Count(p => p.RegionId == regionId && p.IsActive),
                        SurveyId = LatestSurveysIn.Apply(db, regionId).Select(s => (int?)s.Id).FirstOrDefault(),
                        SurveyTitle = LatestSurveysIn.Apply(db, regionId).Select(s => s.Title).FirstOrDefault(),
                        Submitted = LatestSurveysIn.Apply(db, regionId)
                            .Select(s => db.SurveyResponses.Count(x => x.SurveyId == s.Id && x.Status == ResponseStatus.Submitted))
                            .FirstOrDefault(),
                        // Planned placements (not started yet) are counted apart: they are not support given yet.
                        ActivePlacements = ActivePlacementsIn.Apply(db, regionId).Count(p => p.StartsOn <= today),
                        PlannedPlacements = ActivePlacementsIn.Apply(db, regionId).Count(p => p.StartsOn > today),
                        QuietPlacements = ActivePlacementsIn.Apply(db, regionId).Count(p => (p.LastSessionOn ?? p.StartsOn) <= quietSince),
                        Awaiting = db.CaseStudies.Count(c => c.RegionId == regionId && c.Status == CaseStudyStatus.Submitted),
                    }))));

    private sealed class SteadyCounts
    {
        public int Partnerships { get; init; }
        public int? SurveyId { get; init; }
        public string? SurveyTitle { get; init; }
        public int Submitted { get; init; }
        public int ActivePlacements { get; init; }
        public int PlannedPlacements { get; init; }
        public int QuietPlacements { get; init; }
        public int Awaiting { get; init; }
    }

    /// <summary>The overview's figures that move only with the needs and library versions (and the day: placements start and go quiet).</summary>
    private sealed record SteadyFigures(SteadyCounts Counts, IReadOnlyList<(ReviewStage Stage, int Count)> ReviewsByStage);

    /// <summary>
    /// Partnerships, surveys and their responses, placements and reviews move the needs version, case studies the library's
    /// (<see cref="DataScopes"/>): kept per both, per region, day and quiet threshold, worked out in two round trips.
    /// </summary>
    private static Task<SteadyFigures> SteadyAsync(AppDbContext db, FiguresCache cache, int regionId, DateOnly today, int quietDays,
        CancellationToken cancellationToken) =>
        cache.GetOrAddAsync(db, [DataScopes.Needs, DataScopes.Library], $"overview:{regionId}:{today:yyyy-MM-dd}:{quietDays}", async ct =>
        {
            var counts = await SteadyCountRows.For(db)(db, regionId, today, today.AddDays(-quietDays)).SingleAsync(ct);
            return new SteadyFigures(counts, await Reviews.ByStageAsync(db, regionId, ct));
        }, cancellationToken);

    // --- Participation and equity --------------------------------------------------------------------

    public sealed record Participation(
        int PartnershipId, string Name, NeedLevel? Need, int HighNeedThemes, int Booked, int Attended, int Placements,
        int PlacementMinutes, int CaseStudies, int Reviews)
    {
        public double PlacementHours => Figures.Hours(PlacementMinutes);
        public int Engagements => Equity.Engagements(Attended, Placements, Reviews);
        public bool? LowParticipation => Equity.IsLowParticipationAgainstNeed(Need, Engagements);
        public bool Flagged => Equity.IsFlagged(Need, Engagements);
    }

    public sealed record ParticipationResult(NeedsQueries.SurveyRef? NeedsSurvey, IReadOnlyList<Participation> Rows);

    /// <summary>Every active partnership of the region with its participation and need (unsorted).</summary>
    public static async Task<ParticipationResult> ParticipationAsync(AppDbContext db, int regionId, CancellationToken cancellationToken)
    {
        var partnerships = await db.Partnerships.AsNoTracking().Where(p => p.RegionId == regionId && p.IsActive)
            .Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.PartnershipId != null && b.Status == BookingStatus.Confirmed)
            .Where(CoDeliveryQueries.CountsFor(regionId))
            .GroupBy(b => b.PartnershipId!.Value)
            .Select(g => new { Id = g.Key, Booked = g.Count(), Attended = g.Count(b => b.Attendance == Attendance.Attended) })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        var placements = await db.Placements.AsNoTracking().Where(p => p.RegionId == regionId)
            .GroupBy(p => p.MenteePartnershipId).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, cancellationToken);
        var minutes = await db.Placements.AsNoTracking().Where(p => p.RegionId == regionId)
            .SelectMany(p => p.Sessions, (p, s) => new { p.MenteePartnershipId, s.DurationMinutes })
            .GroupBy(x => x.MenteePartnershipId).Select(g => new { Id = g.Key, Minutes = g.Sum(x => x.DurationMinutes) })
            .ToDictionaryAsync(x => x.Id, x => x.Minutes, cancellationToken);
        var caseStudies = await db.CaseStudies.AsNoTracking()
            .Where(c => c.RegionId == regionId && c.Status == CaseStudyStatus.Published && c.PartnershipId != null)
            .GroupBy(c => c.PartnershipId!.Value).Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, cancellationToken);
        var reviews = await Reviews.PerPartnershipAsync(db, regionId, cancellationToken);
        var (survey, needs) = await NeedsAsync(db, regionId, cancellationToken);
        var needsByPartnership = needs.ToLookup(n => n.PartnershipId);
        // A merged partnership's history keeps its id; it counts as its survivor's (Partnership.MergedIntoId).
        var survivorOf = await SurvivorsAsync(db, regionId, cancellationToken);
        Dictionary<int, int> Fold(IEnumerable<KeyValuePair<int, int>> counts) =>
            counts.GroupBy(kv => survivorOf.GetValueOrDefault(kv.Key, kv.Key)).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        var booked = Fold(bookings.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Booked)));
        var attended = Fold(bookings.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Attended)));
        var placed = Fold(placements);
        var placedMinutes = Fold(minutes);
        var published = Fold(caseStudies);
        var reviewed = Fold(reviews);

        var rows = partnerships.Select(p =>
        {
            var theirNeeds = needsByPartnership[p.Id].Select(n => n.Level).ToList();
            return new Participation(p.Id, p.Name, Equity.HighestNeed(theirNeeds), theirNeeds.Count(l => l == NeedLevel.High),
                booked.GetValueOrDefault(p.Id), attended.GetValueOrDefault(p.Id), placed.GetValueOrDefault(p.Id), placedMinutes.GetValueOrDefault(p.Id),
                published.GetValueOrDefault(p.Id), reviewed.GetValueOrDefault(p.Id));
        }).ToList();
        return new ParticipationResult(survey, rows);
    }

    /// <summary>Each merged partnership of the region and the one it was merged into: one query.</summary>
    public static Task<Dictionary<int, int>> SurvivorsAsync(AppDbContext db, int regionId, CancellationToken cancellationToken) =>
        db.Partnerships.AsNoTracking().Where(p => p.RegionId == regionId && p.MergedIntoId != null)
            .ToDictionaryAsync(p => p.Id, p => p.MergedIntoId!.Value, cancellationToken);

    public enum ParticipationSort
    {
        Flagged = 1,
        Name = 2,
        Need = 3,
        Booked = 4,
        Attended = 5,
        Hours = 6,
        CaseStudies = 7,
        Engagements = 8,
        Reviews = 9,
    }

    /// <summary>A sort order from the query string; anything unknown falls back to flagged first.</summary>
    public static ParticipationSort ParseSort(string? value) =>
        Enum.TryParse<ParticipationSort>(value, ignoreCase: true, out var sort) && Enum.IsDefined(sort) && !int.TryParse(value, out _)
            ? sort
            : ParticipationSort.Flagged;

    /// <summary>Sorted by the column, ties broken by name so the order (and the pages) are stable.</summary>
    public static IReadOnlyList<Participation> Sort(IEnumerable<Participation> rows, ParticipationSort sort, bool descending)
    {
        Func<Participation, IComparable> key = sort switch
        {
            ParticipationSort.Name => r => r.Name,
            ParticipationSort.Need => r => (int?)r.Need ?? 0,
            ParticipationSort.Booked => r => r.Booked,
            ParticipationSort.Attended => r => r.Attended,
            ParticipationSort.Hours => r => r.PlacementMinutes,
            ParticipationSort.CaseStudies => r => r.CaseStudies,
            ParticipationSort.Engagements => r => r.Engagements,
            ParticipationSort.Reviews => r => r.Reviews,
            _ => r => (r.Flagged ? 2 : 0) + (r.Need == NeedLevel.High ? 1 : 0),
        };
        var ordered = descending ? rows.OrderByDescending(key) : rows.OrderBy(key);
        return ordered.ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.PartnershipId).ToList();
    }

    private static async Task<(NeedsQueries.SurveyRef? Survey, List<NeedsQueries.ThemeMean> Means)> NeedsAsync(AppDbContext db, int regionId,
        CancellationToken cancellationToken)
    {
        var survey = await NeedsQueries.LatestAnsweredAsync(db, regionId, cancellationToken);
        return (survey, survey is null ? [] : await NeedsQueries.MeansAsync(db, survey.Id, null, cancellationToken));
    }

    // --- Value for money ------------------------------------------------------------------------------

    public sealed record ActivityValue(int Id, string Title, ActivityKind Kind, ActivityStatus Status, DateTime StartsAt,
        decimal TotalCost, int Attended, int FeedbackCount, double? AverageRating)
    {
        public decimal? CostPerAttendedPlace => Figures.CostPerAttendedPlace(TotalCost, Attended);
    }

    /// <summary>Published and completed activities (drafts and cancelled activities are left out), newest first.</summary>
    public static IQueryable<ActivityValue> ActivityValues(AppDbContext db, int regionId) =>
        db.Activities.AsNoTracking()
            .Where(a => a.RegionId == regionId && (a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Completed))
            .OrderByDescending(a => a.StartsAt).ThenByDescending(a => a.Id)
            .Select(a => new ActivityValue(a.Id, a.Title, a.Kind, a.Status, a.StartsAt,
                a.Costs.Sum(c => c.Amount),
                a.Bookings.Count(b => b.Attendance == Attendance.Attended),
                db.Feedback.Count(f => a.Bookings.Any(b => b.Id == f.BookingId)),
                db.Feedback.Where(f => a.Bookings.Any(b => b.Id == f.BookingId)).Average(f => (double?)(f.Usefulness + f.Quality) / 2.0)));

    public sealed record KindValue(ActivityKind Kind, int Activities, int Completed, decimal Committed, decimal Spent, int AttendedAtCompleted,
        double? AverageRating)
    {
        /// <summary>Spent on completed activities of the kind, per place attended at them.</summary>
        public decimal? CostPerAttendedPlace => Figures.CostPerAttendedPlace(Spent, AttendedAtCompleted);
    }

    /// <param name="Committed">Activities' committed costs (brokered work apart: <paramref name="BrokeredCommitted"/>).</param>
    /// <param name="Spent">Activities' spent costs (brokered work apart: <paramref name="BrokeredSpent"/>).</param>
    public sealed record ProgrammeMoney(int? ProgrammeId, string? ProgrammeName, decimal Budget, decimal Committed, decimal Spent,
        int AttendedAtCompleted, double? AverageRating, decimal BrokeredCommitted = 0, decimal BrokeredSpent = 0)
    {
        public decimal TotalCommitted => Committed + BrokeredCommitted;
        public decimal TotalSpent => Spent + BrokeredSpent;

        /// <summary>The budget less everything committed and spent: activities and brokered work.</summary>
        public decimal Remaining => Figures.Remaining(Budget, TotalCommitted, TotalSpent);
        public decimal? CostPerAttendedPlace => Figures.CostPerAttendedPlace(Spent, AttendedAtCompleted);
    }

    public sealed record MoneyResult(IReadOnlyList<KindValue> Kinds, ProgrammeMoney Programme, BrokeredQueries.BrokeredResult Brokered);

    public const string CommittedRule = "Committed: the costs of published activities that have not been completed yet (scheduled, so the money is promised), "
        + "and of brokered work accepted but not delivered yet.";
    public const string SpentRule = "Spent: the costs of completed activities, and the actual costs of delivered brokered work.";
    public const string CostPerPlaceRule = "Cost per attended place: an activity's total cost (all its cost lines) divided by the places marked attended in its register. For a kind or the programme, the costs of completed activities divided by the places attended at them.";
    public const string RatingRule = "Average rating: the mean of the usefulness and quality ratings (1 to 5) in every feedback given.";
    public const string LeftOutRule = "Drafts and cancelled activities are not counted.";

    /// <summary>The value for money of the region's activities against the budget of <paramref name="programmeId"/> (else its current programme).</summary>
    public static async Task<MoneyResult> MoneyAsync(AppDbContext db, int regionId, DateOnly today, CancellationToken cancellationToken, int? programmeId = null)
    {
        var counted = db.Activities.AsNoTracking()
            .Where(a => a.RegionId == regionId && (a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Completed));
        var activities = await counted.GroupBy(a => new { a.Kind, a.Status })
            .Select(g => new { g.Key.Kind, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var costs = await counted.SelectMany(a => a.Costs, (a, c) => new { a.Kind, a.Status, c.Amount })
            .GroupBy(x => new { x.Kind, x.Status }).Select(g => new { g.Key.Kind, g.Key.Status, Total = g.Sum(x => x.Amount) })
            .ToListAsync(cancellationToken);
        var attended = await db.Bookings.AsNoTracking()
            .Where(b => b.Attendance == Attendance.Attended && b.Activity!.RegionId == regionId && b.Activity.Status == ActivityStatus.Completed)
            .GroupBy(b => b.Activity!.Kind).Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Kind, x => x.Count, cancellationToken);
        var ratings = await db.Feedback.AsNoTracking()
            .Join(counted.SelectMany(a => a.Bookings, (a, b) => new { b.Id, a.Kind }), f => f.BookingId, b => b.Id,
                (f, b) => new { b.Kind, Total = f.Usefulness + f.Quality })
            .GroupBy(x => x.Kind).Select(g => new { Kind = g.Key, Sum = g.Sum(x => x.Total), Count = g.Count() })
            .ToDictionaryAsync(x => x.Kind, cancellationToken);
        var programme = await db.Programmes.AsNoTracking().Where(p => p.RegionId == regionId && (programmeId == null || p.Id == programmeId))
            .OrderByDescending(p => p.StartsOn <= today && p.EndsOn >= today).ThenByDescending(p => p.StartsOn)
            .Select(p => new { p.Id, p.Name, p.Budget }).FirstOrDefaultAsync(cancellationToken);

        decimal Cost(ActivityKind? kind, ActivityStatus status) =>
            costs.Where(c => (kind is null || c.Kind == kind) && c.Status == status).Sum(c => c.Total);
        double? Rating(int sum, int count) => count == 0 ? null : sum / (2.0 * count);

        var kinds = Enum.GetValues<ActivityKind>().Select(kind =>
        {
            var r = ratings.GetValueOrDefault(kind);
            return new KindValue(kind,
                activities.Where(a => a.Kind == kind).Sum(a => a.Count),
                activities.Where(a => a.Kind == kind && a.Status == ActivityStatus.Completed).Sum(a => a.Count),
                Cost(kind, ActivityStatus.Published), Cost(kind, ActivityStatus.Completed), attended.GetValueOrDefault(kind),
                r is null ? null : Rating(r.Sum, r.Count));
        }).ToList();
        var brokered = await BrokeredQueries.BrokeredAsync(db, programme?.Id, cancellationToken);
        var money = new ProgrammeMoney(programme?.Id, programme?.Name, programme?.Budget ?? 0,
            Cost(null, ActivityStatus.Published), Cost(null, ActivityStatus.Completed), attended.Values.Sum(),
            Rating(ratings.Values.Sum(r => r.Sum), ratings.Values.Sum(r => r.Count)), brokered.Committed, brokered.Spent);
        return new MoneyResult(kinds, money, brokered);
    }

    // --- Distance travelled -----------------------------------------------------------------------------

    public sealed record ThemeDistance(int ThemeId, string Theme, int Partnerships, double BaselineMean, double FollowUpMean, double Change);

    public sealed record PartnershipDistance(int PartnershipId, string Name, IReadOnlyList<NeedsQueries.ThemeChange?> Cells, double Change);

    public sealed record DistanceResult(NeedsQueries.SurveyRef? FollowUp, string? BaselineTitle, IReadOnlyList<(int Id, string Name)> Themes,
        IReadOnlyList<ThemeDistance> ByTheme, IReadOnlyList<PartnershipDistance> ByPartnership);

    /// <summary>
    /// The latest follow-up round against its baseline, using the needs module's comparison
    /// (<see cref="NeedsQueries.CompareWithBaselineAsync"/>). Only partnerships and themes rated in
    /// both rounds count; a theme's and a partnership's change are the means of those changes.
    /// </summary>
    public static async Task<DistanceResult> DistanceAsync(AppDbContext db, int regionId, CancellationToken cancellationToken)
    {
        var followUp = await NeedsQueries.LatestAnsweredFollowUpAsync(db, regionId, cancellationToken);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Position).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        if (followUp is null)
        {
            return new DistanceResult(null, null, [], [], []);
        }
        var baselineTitle = await db.Surveys.AsNoTracking().Where(s => s.Id == followUp.BaselineSurveyId).Select(s => s.Title).FirstOrDefaultAsync(cancellationToken);
        var changes = (await NeedsQueries.CompareWithBaselineAsync(db, followUp.Id, followUp.BaselineSurveyId, null, cancellationToken))
            .Where(c => c.Travelled is not null).ToList();
        var partnershipIds = changes.Select(c => c.PartnershipId).Distinct().ToList();
        var names = await db.Partnerships.AsNoTracking().Where(p => p.RegionId == regionId)
            .Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var usedThemes = themes.Where(t => changes.Any(c => c.ThemeId == t.Id)).Select(t => (t.Id, t.Name)).ToList();
        var byTheme = usedThemes.Select(t =>
        {
            var cells = changes.Where(c => c.ThemeId == t.Id).ToList();
            return new ThemeDistance(t.Id, t.Name, cells.Count, cells.Average(c => c.Baseline!.Value), cells.Average(c => c.Mean),
                cells.Average(c => c.Travelled!.Value));
        }).ToList();
        var byCell = changes.ToDictionary(c => (c.PartnershipId, c.ThemeId));
        var byPartnership = partnershipIds.Where(names.ContainsKey).OrderBy(p => names[p], StringComparer.Ordinal)
            .Select(p => new PartnershipDistance(p, names[p], usedThemes.Select(t => byCell.GetValueOrDefault((p, t.Id))).ToList(),
                changes.Where(c => c.PartnershipId == p).Average(c => c.Travelled!.Value)))
            .ToList();
        return new DistanceResult(followUp, baselineTitle, usedThemes, byTheme, byPartnership);
    }

    // --- Needs coverage -----------------------------------------------------------------------------------

    public sealed record NeedCoverage(int PartnershipId, string Partnership, int ThemeId, string Theme, int ThemePosition, double Mean,
        int ActivitiesAttended, int Placements, int Reviews, int Projects = 0)
    {
        /// <summary>
        /// Something addresses the need: an activity in the theme attended by the partnership's staff, a placement in the theme,
        /// a review focused on it, or an improvement project of the partnership in the theme accepted into the programme (active or closed).
        /// </summary>
        public bool Covered => ActivitiesAttended + Placements + Reviews + Projects > 0;
    }

    public sealed record CoverageResult(NeedsQueries.SurveyRef? NeedsSurvey, IReadOnlyList<NeedCoverage> Needs, IReadOnlyList<(int Id, string Name)> Themes)
    {
        public int CoveredCount => Needs.Count(n => n.Covered);
        public double? CoverageRate => Figures.Rate(CoveredCount, Needs.Count);
    }

    /// <summary>
    /// Every high need (partnership × theme) of the latest answered survey, uncovered first, then by partnership and theme.
    /// A placement counts from its start date (<paramref name="today"/> decides): a planned one covers nothing yet.
    /// </summary>
    public static async Task<CoverageResult> CoverageAsync(AppDbContext db, int regionId, DateOnly today, CancellationToken cancellationToken)
    {
        var (survey, means) = await NeedsAsync(db, regionId, cancellationToken);
        var themes = await db.Themes.AsNoTracking().OrderBy(t => t.Position).Select(t => new { t.Id, t.Name, t.Position }).ToListAsync(cancellationToken);
        var names = await db.Partnerships.AsNoTracking().Where(p => p.RegionId == regionId && p.IsActive)
            .Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var attended = await db.Bookings.AsNoTracking()
            .Where(b => b.Attendance == Attendance.Attended && b.PartnershipId != null)
            .Where(CoDeliveryQueries.CountsFor(regionId))
            .SelectMany(b => b.Activity!.Themes, (b, t) => new { PartnershipId = b.PartnershipId!.Value, t.ThemeId, b.ActivityId })
            .GroupBy(x => new { x.PartnershipId, x.ThemeId })
            .Select(g => new { g.Key.PartnershipId, g.Key.ThemeId, Count = g.Select(x => x.ActivityId).Distinct().Count() })
            .ToDictionaryAsync(x => (x.PartnershipId, x.ThemeId), x => x.Count, cancellationToken);
        var placements = await db.Placements.AsNoTracking().Where(p => p.RegionId == regionId && p.StartsOn <= today)
            .SelectMany(p => p.Themes, (p, t) => new { p.MenteePartnershipId, t.ThemeId })
            .GroupBy(x => new { x.MenteePartnershipId, x.ThemeId })
            .Select(g => new { g.Key.MenteePartnershipId, g.Key.ThemeId, Count = g.Count() })
            .ToDictionaryAsync(x => (x.MenteePartnershipId, x.ThemeId), x => x.Count, cancellationToken);
        var reviews = await Reviews.AddressingNeedsAsync(db, regionId, cancellationToken);
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.RegionId == regionId && (p.Status == Domain.Projects.ProjectStatus.Active || p.Status == Domain.Projects.ProjectStatus.Closed))
            .SelectMany(p => p.Themes, (p, t) => new { p.PartnershipId, t.ThemeId })
            .GroupBy(x => new { x.PartnershipId, x.ThemeId })
            .Select(g => new { g.Key.PartnershipId, g.Key.ThemeId, Count = g.Count() })
            .ToDictionaryAsync(x => (x.PartnershipId, x.ThemeId), x => x.Count, cancellationToken);
        var themeById = themes.ToDictionary(t => t.Id);

        var needs = means.Where(m => m.Level == NeedLevel.High && names.ContainsKey(m.PartnershipId) && themeById.ContainsKey(m.ThemeId))
            .Select(m => new NeedCoverage(m.PartnershipId, names[m.PartnershipId], m.ThemeId, themeById[m.ThemeId].Name, themeById[m.ThemeId].Position,
                m.Mean, attended.GetValueOrDefault((m.PartnershipId, m.ThemeId)), placements.GetValueOrDefault((m.PartnershipId, m.ThemeId)),
                reviews.GetValueOrDefault((m.PartnershipId, m.ThemeId)), projects.GetValueOrDefault((m.PartnershipId, m.ThemeId))))
            .OrderBy(n => n.Covered).ThenBy(n => n.Partnership, StringComparer.Ordinal).ThenBy(n => n.ThemePosition)
            .ToList();
        return new CoverageResult(survey, needs, themes.Select(t => (t.Id, t.Name)).ToList());
    }

    public sealed record AttendedActivity(int PartnershipId, int ThemeId, int ActivityId, string Title, DateTime StartsAt);

    /// <summary>
    /// The activities attended behind the given needs, latest first: all of them, or the latest
    /// <paramref name="perNeed"/> of each. Two queries: the (partnership, theme, activity) keys, then
    /// the titles of only the activities kept (a region's needs can stand on thousands of bookings).
    /// </summary>
    public static async Task<ILookup<(int PartnershipId, int ThemeId), AttendedActivity>> AttendedActivitiesAsync(AppDbContext db, int regionId,
        IReadOnlyCollection<NeedCoverage> needs, int? perNeed, CancellationToken cancellationToken)
    {
        var partnershipIds = needs.Select(n => n.PartnershipId).Distinct().ToList();
        var themeIds = needs.Select(n => n.ThemeId).Distinct().ToList();
        var keys = await db.Bookings.AsNoTracking()
            .Where(b => b.Attendance == Attendance.Attended && b.PartnershipId != null && partnershipIds.Contains(b.PartnershipId!.Value)
                        && b.Activity!.RegionId == regionId)
            .SelectMany(b => b.Activity!.Themes.Where(t => themeIds.Contains(t.ThemeId)),
                (b, t) => new { PartnershipId = b.PartnershipId!.Value, t.ThemeId, b.ActivityId, b.Activity!.StartsAt })
            .Distinct()
            .ToListAsync(cancellationToken);
        var wanted = needs.Select(n => (n.PartnershipId, n.ThemeId)).ToHashSet();
        var kept = keys.Where(k => wanted.Contains((k.PartnershipId, k.ThemeId)))
            .GroupBy(k => (k.PartnershipId, k.ThemeId))
            .SelectMany(g => g.OrderByDescending(k => k.StartsAt).ThenBy(k => k.ActivityId).Take(perNeed ?? int.MaxValue))
            .ToList();
        var activityIds = kept.Select(k => k.ActivityId).Distinct().ToList();
        var titles = await db.Activities.AsNoTracking().Where(a => EF.Parameter(activityIds).Contains(a.Id))
            .Select(a => new { a.Id, a.Title }).ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken);
        return kept.Select(k => new AttendedActivity(k.PartnershipId, k.ThemeId, k.ActivityId, titles[k.ActivityId], k.StartsAt))
            .ToLookup(r => (r.PartnershipId, r.ThemeId));
    }

    public sealed record AddressingReview(int PartnershipId, int ThemeId, int ReviewId, ReviewStage Stage, DateOnly OnSiteStartsOn);

    /// <summary>The peer reviews behind the given needs (one page of them): the partnership's reviews focused on the theme, in one query.</summary>
    public static async Task<ILookup<(int PartnershipId, int ThemeId), AddressingReview>> AddressingReviewsAsync(AppDbContext db, int regionId,
        IReadOnlyCollection<NeedCoverage> needs, CancellationToken cancellationToken)
    {
        var partnershipIds = needs.Select(n => n.PartnershipId).Distinct().ToList();
        var themeIds = needs.Select(n => n.ThemeId).Distinct().ToList();
        var rows = await db.PeerReviews.AsNoTracking()
            .Where(r => r.RegionId == regionId && partnershipIds.Contains(r.HostPartnershipId))
            .SelectMany(r => r.FocusThemes.Where(t => themeIds.Contains(t.ThemeId)),
                (r, t) => new AddressingReview(r.HostPartnershipId, t.ThemeId, r.Id, r.Stage, r.OnSiteStartsOn))
            .ToListAsync(cancellationToken);
        var wanted = needs.Select(n => (n.PartnershipId, n.ThemeId)).ToHashSet();
        return rows.Where(r => wanted.Contains((r.PartnershipId, r.ThemeId))).OrderBy(r => r.OnSiteStartsOn).ThenBy(r => r.ReviewId)
            .ToLookup(r => (r.PartnershipId, r.ThemeId));
    }

    public sealed record AddressingProject(int PartnershipId, int ThemeId, int ProjectId, string Title, Domain.Projects.ProjectStatus Status);

    /// <summary>The accepted (active or closed) projects behind the given needs: the partnership's projects in the theme, in one query.</summary>
    public static async Task<ILookup<(int PartnershipId, int ThemeId), AddressingProject>> AddressingProjectsAsync(AppDbContext db, int regionId,
        IReadOnlyCollection<NeedCoverage> needs, CancellationToken cancellationToken)
    {
        var partnershipIds = needs.Select(n => n.PartnershipId).Distinct().ToList();
        var themeIds = needs.Select(n => n.ThemeId).Distinct().ToList();
        var rows = await db.Projects.AsNoTracking()
            .Where(p => p.RegionId == regionId && partnershipIds.Contains(p.PartnershipId)
                        && (p.Status == Domain.Projects.ProjectStatus.Active || p.Status == Domain.Projects.ProjectStatus.Closed))
            .SelectMany(p => p.Themes.Where(t => themeIds.Contains(t.ThemeId)),
                (p, t) => new AddressingProject(p.PartnershipId, t.ThemeId, p.Id, p.Title, p.Status))
            .ToListAsync(cancellationToken);
        var wanted = needs.Select(n => (n.PartnershipId, n.ThemeId)).ToHashSet();
        return rows.Where(r => wanted.Contains((r.PartnershipId, r.ThemeId))).OrderBy(r => r.Title, StringComparer.Ordinal).ThenBy(r => r.ProjectId)
            .ToLookup(r => (r.PartnershipId, r.ThemeId));
    }

    // --- End-of-programme report -----------------------------------------------------------------------

    public sealed record Collaboration(int ActivitiesDelivered, int HostedByPartnerships, int HostPartnerships, int PeerPlacements,
        int Placements, int PublishedCaseStudies, int PartnershipsTakingPart, int Partnerships)
    {
        public double? HostedShare => Figures.Rate(HostedByPartnerships, ActivitiesDelivered);
        public double? PeerPlacementShare => Figures.Rate(PeerPlacements, Placements);
        public double? TakingPartShare => Figures.Rate(PartnershipsTakingPart, Partnerships);
    }

    public sealed record NeedsAnalysisDone(int BaselineResponded, int Partnerships)
    {
        public double? Rate => Figures.Rate(BaselineResponded, Partnerships);
        public bool AllDone => Partnerships > 0 && BaselineResponded >= Partnerships;
    }

    public sealed record PlacementOutcomes(int WithOutcomes, double? GoalsMet, int WouldRecommend, int Outcomes);

    /// <summary>The active partnerships that submitted a response to a baseline survey of the region.</summary>
    public static async Task<NeedsAnalysisDone> NeedsAnalysisDoneAsync(AppDbContext db, int regionId, CancellationToken cancellationToken)
    {
        var partnerships = db.Partnerships.AsNoTracking().Where(p => p.RegionId == regionId && p.IsActive);
        var responded = await partnerships.CountAsync(p => db.SurveyResponses.Any(r => r.PartnershipId == p.Id && r.Status == ResponseStatus.Submitted
            && db.Surveys.Any(s => s.Id == r.SurveyId && s.RegionId == regionId && s.Round == SurveyRound.Baseline)), cancellationToken);
        return new NeedsAnalysisDone(responded, await partnerships.CountAsync(cancellationToken));
    }

    /// <param name="participation">From <see cref="ParticipationAsync"/>: who took part.</param>
    public static async Task<Collaboration> CollaborationAsync(AppDbContext db, int regionId, IReadOnlyList<Participation> participation,
        CancellationToken cancellationToken)
    {
        var delivered = db.Activities.AsNoTracking()
            .Where(a => a.RegionId == regionId && (a.Status == ActivityStatus.Published || a.Status == ActivityStatus.Completed));
        var hosting = await delivered.GroupBy(_ => 1).Select(g => new
        {
            Count = g.Count(),
            Hosted = g.Count(a => a.HostPartnershipId != null),
            Hosts = g.Where(a => a.HostPartnershipId != null).Select(a => a.HostPartnershipId).Distinct().Count(),
        }).FirstOrDefaultAsync(cancellationToken);
        // A peer placement: the mentor, coach or host works in another of the region's partnerships.
        var placements = await db.Placements.AsNoTracking().Where(p => p.RegionId == regionId)
            .GroupBy(_ => 1).Select(g => new
            {
                Count = g.Count(),
                Peer = g.Count(p => db.Users.Any(u => u.Id == p.MentorId && u.PartnershipId != null && u.PartnershipId != p.MenteePartnershipId)),
            }).FirstOrDefaultAsync(cancellationToken);
        var published = await db.CaseStudies.AsNoTracking().CountAsync(c => c.RegionId == regionId && c.Status == CaseStudyStatus.Published, cancellationToken);
        return new Collaboration(hosting?.Count ?? 0, hosting?.Hosted ?? 0, hosting?.Hosts ?? 0, placements?.Peer ?? 0, placements?.Count ?? 0,
            published, participation.Count(p => p.Engagements > 0), participation.Count);
    }

    public static async Task<PlacementOutcomes> PlacementOutcomesAsync(AppDbContext db, int regionId, CancellationToken cancellationToken)
    {
        var outcomes = db.Placements.AsNoTracking().Where(p => p.RegionId == regionId).SelectMany(p => p.Outcomes);
        var totals = await outcomes.GroupBy(_ => 1).Select(g => new
        {
            Count = g.Count(),
            GoalsMet = g.Average(o => (double)o.GoalsMet),
            Recommend = g.Count(o => o.WouldRecommend),
        }).FirstOrDefaultAsync(cancellationToken);
        var placements = await db.Placements.AsNoTracking().CountAsync(p => p.RegionId == regionId && p.Outcomes.Any(), cancellationToken);
        return new PlacementOutcomes(placements, totals?.GoalsMet, totals?.Recommend ?? 0, totals?.Count ?? 0);
    }
}
