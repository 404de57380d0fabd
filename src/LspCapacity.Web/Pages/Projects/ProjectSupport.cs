using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Domain.Reviews;

namespace LspCapacity.Web.Pages.Projects;

/// <summary>
/// The support a project has had: the places booked for it, the placements and peer reviews that serve it and
/// the case studies that came from it, each with its dates and status, read with the page's other lists in one command (<see cref="ProjectParts"/>); shown
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

    /// <summary>The support among a project's <see cref="ProjectParts"/>, each list in the page's order.</summary>
    /// <param name="showNames">Whose places and pairings they are, and the case studies not yet published: for the partnership's staff and coordinators, not for the people supporting it.</param>
    public static ProjectSupport From(IReadOnlyList<ProjectParts.Part> parts, bool showNames) => new(
        parts.Where(p => p.Kind == ProjectParts.PartKind.Place).OrderByDescending(p => p.At).ThenBy(p => p.Ref)
            .Select(p => new Place(p.Id, p.Text ?? "", p.At!.Value, p.AtEnd!.Value, showNames ? p.Text2 : null, p.As<BookingStatus>(), p.Code2 is null ? null : p.As2<Attendance>(), p.Flag)).ToList(),
        parts.Where(p => p.Kind == ProjectParts.PartKind.Placement).OrderByDescending(p => p.On).ThenBy(p => p.Id)
            .Select(p => new PlacementRow(p.Id, p.As<PlacementKind>(), showNames ? p.Text2 : null, showNames ? p.Text3 : null, p.On!.Value, p.Until!.Value,
                p.As2<PlacementStatus>())).ToList(),
        parts.Where(p => p.Kind == ProjectParts.PartKind.Review).OrderByDescending(p => p.On).ThenBy(p => p.Id)
            .Select(p => new ReviewRow(p.Id, p.Text ?? "", p.On!.Value, p.Until!.Value, p.As<ReviewStage>())).ToList(),
        parts.Where(p => p.Kind == ProjectParts.PartKind.CaseStudy && (showNames || p.As<CaseStudyStatus>() == CaseStudyStatus.Published))
            .OrderByDescending(p => p.At).ThenByDescending(p => p.Id)
            .Select(p => new CaseStudyRow(p.Id, p.Text2 ?? "", p.Text ?? "", p.As<CaseStudyStatus>(), p.At)).ToList(),
        showNames);
}
