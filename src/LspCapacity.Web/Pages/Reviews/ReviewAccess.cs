using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Reviews;

/// <summary>
/// A review's header as every review page shows it, and what the signed-in person is to it; who may see
/// it at all is <see cref="ReviewAuthorizationHandler"/>'s rule.
/// </summary>
public static class ReviewAccess
{
    public sealed record Header(int Id, int RegionId, int HostPartnershipId, string HostName, ReviewStage Stage,
        DateOnly SelfAssessmentDueOn, DateOnly OnSiteStartsOn, DateOnly OnSiteEndsOn, IReadOnlyList<TeamRow> Team)
    {
        public string Title => $"Peer review of {HostName}";
    }

    public sealed record TeamRow(string PersonId, TeamRole Role, string Name, string? Organisation);

    /// <summary>The review's header and what the signed-in person is to it, or null when there is no such review.</summary>
    public static async Task<(Header Review, ReviewActor Actor)?> LoadAsync(AppDbContext db, CurrentUser me, int id, CancellationToken cancellationToken)
    {
        var review = await db.PeerReviews.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new
            {
                r.Id, r.RegionId, r.HostPartnershipId, r.Stage, r.SelfAssessmentDueOn, r.OnSiteStartsOn, r.OnSiteEndsOn,
                HostName = db.Partnerships.Where(p => p.Id == r.HostPartnershipId).Select(p => p.Name).First(),
                Team = r.Team.Join(db.Users, m => m.PersonId, u => u.Id, (m, u) => new TeamRow(m.PersonId, m.Role, u.DisplayName,
                    u.PartnershipId != null ? db.Partnerships.Where(p => p.Id == u.PartnershipId).Select(p => p.Name).First() : u.Organisation)).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (review is null)
        {
            return null;
        }
        var team = review.Team.OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
        var header = new Header(review.Id, review.RegionId, review.HostPartnershipId, review.HostName, review.Stage, review.SelfAssessmentDueOn,
            review.OnSiteStartsOn, review.OnSiteEndsOn, team);
        return (header, ReviewRule.ActorOf(me.Principal, header));
    }

    /// <summary>
    /// People who may join a review team in the region (LSP staff and mentors), each with the number of
    /// open reviews they are already on, so the work is spread. The host's own staff are listed but marked.
    /// </summary>
    public static async Task<List<Candidate>> CandidatesAsync(AppDbContext db, int regionId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.RegionId == regionId && u.IsActive && (u.Role == Roles.LspStaff || u.Role == Roles.Mentor))
            .OrderBy(u => u.DisplayName)
            .Select(u => new Candidate(u.Id, u.DisplayName, u.PartnershipId,
                u.PartnershipId != null ? db.Partnerships.Where(p => p.Id == u.PartnershipId).Select(p => p.Name).First() : u.Organisation,
                db.PeerReviews.Count(r => r.Stage != ReviewStage.Closed && r.Team.Any(m => m.PersonId == u.Id))))
            .ToListAsync(cancellationToken);

    public sealed record Candidate(string Id, string Name, int? PartnershipId, string? Where, int OpenReviews)
    {
        public string Label => $"{Name}{(Where is null ? "" : $" ({Where})")}: on {OpenReviews} open review{(OpenReviews == 1 ? "" : "s")}";
        public SelectListItem Item => new(Label, Id);
    }

    public static string StageTagClass(ReviewStage stage) => stage switch
    {
        ReviewStage.Closed => "govuk-tag--grey",
        ReviewStage.Scoping or ReviewStage.SelfAssessment => "govuk-tag--light-blue",
        ReviewStage.OnSite or ReviewStage.Findings => "govuk-tag--purple",
        ReviewStage.ReportAgreed or ReviewStage.ActionPlan => "govuk-tag--green",
        _ => "govuk-tag--yellow",
    };

    public static string RoleNames(ReviewActor actor)
    {
        var names = new List<string>();
        if (actor.HasFlag(ReviewActor.Coordinator)) names.Add("coordinator");
        if (actor.HasFlag(ReviewActor.Lead)) names.Add("lead reviewer");
        if (actor.HasFlag(ReviewActor.Peer)) names.Add("peer reviewer");
        if (actor.HasFlag(ReviewActor.Host)) names.Add("host partnership");
        return string.Join(", ", names);
    }
}
