using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Projects;

/// <summary>
/// The support a project has had: the places booked for it, the placements and peer reviews that serve it and
/// the case studies that came from it, each with its dates and status. Four queries whatever the numbers; shown
/// by the project page (<c>_ProjectSupport.cshtml</c>).
/// </summary>
public sealed record ProjectSupport(IReadOnlyList<ProjectSupport.Place> Places, IReadOnlyList<ProjectSupport.PlacementRow> Placements,
    IReadOnlyList<ProjectSupport.ReviewRow> Reviews, IReadOnlyList<ProjectSupport.CaseStudyRow> CaseStudies, bool ShowsNames)
{
    /// <summary>Places (confirmed, waiting, requested or taken up) on activities for the project, latest first.</summary>
    public sealed record Place(int ActivityId, string Activity, DateTime StartsAt, DateTime EndsAt, string? Person, BookingStatus Status,
        Attendance? Attendance, bool ActivityCancelled);

    public sealed record PlacementRow(int Id, PlacementKind Kind, string? Mentee, string? Mentor, DateOnly StartsOn, DateOnly EndsOn, PlacementStatus Status);

    public sealed record ReviewRow(int Id, string Host, DateOnly OnSiteStartsOn, DateOnly OnSiteEndsOn, ReviewStage Stage);

    public sealed record CaseStudyRow(int Id, string Slug, string Title, CaseStudyStatus Status, DateTime? PublishedAt);

    public int Total => Places.Count + Placements.Count + Reviews.Count + CaseStudies.Count;

    /// <param name="showNames">Whose places and pairings they are: for the partnership's staff and coordinators, not for the people supporting it.</param>
    public static async Task<ProjectSupport> LoadAsync(AppDbContext db, int projectId, bool showNames, CancellationToken cancellationToken)
    {
        var places = await db.Bookings.AsNoTracking()
            .Where(b => b.ProjectId == projectId && b.Status != BookingStatus.Cancelled && b.Status != BookingStatus.Declined)
            .OrderByDescending(b => b.Activity!.StartsAt).ThenBy(b => b.Id)
            .Select(b => new Place(b.ActivityId, b.Activity!.Title, b.Activity.StartsAt, b.Activity.EndsAt,
                showNames ? db.Users.Where(u => u.Id == b.PersonId).Select(u => u.DisplayName).FirstOrDefault() : null,
                b.Status, b.Attendance, b.Activity.Status == ActivityStatus.Cancelled))
            .ToListAsync(cancellationToken);
        var placements = await db.Placements.AsNoTracking().Where(p => p.ProjectId == projectId)
            .OrderByDescending(p => p.StartsOn).ThenBy(p => p.Id)
            .Select(p => new PlacementRow(p.Id, p.Kind,
                showNames ? db.Users.Where(u => u.Id == p.MenteeId).Select(u => u.DisplayName).FirstOrDefault() : null,
                showNames ? db.Users.Where(u => u.Id == p.MentorId).Select(u => u.DisplayName).FirstOrDefault() : null,
                p.StartsOn, p.EndsOn, p.Status))
            .ToListAsync(cancellationToken);
        var reviews = await db.PeerReviews.AsNoTracking().Where(r => r.ProjectId == projectId)
            .OrderByDescending(r => r.OnSiteStartsOn).ThenBy(r => r.Id)
            .Select(r => new ReviewRow(r.Id, db.Partnerships.Where(p => p.Id == r.HostPartnershipId).Select(p => p.Name).First(),
                r.OnSiteStartsOn, r.OnSiteEndsOn, r.Stage))
            .ToListAsync(cancellationToken);
        var caseStudies = await db.CaseStudies.AsNoTracking()
            .Where(c => c.ProjectId == projectId && c.Status != CaseStudyStatus.Withdrawn && (showNames || c.Status == CaseStudyStatus.Published))
            .OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id)
            .Select(c => new CaseStudyRow(c.Id, c.Slug, c.Title, c.Status, c.PublishedAt))
            .ToListAsync(cancellationToken);
        return new ProjectSupport(places, placements, reviews, caseStudies, showNames);
    }
}
