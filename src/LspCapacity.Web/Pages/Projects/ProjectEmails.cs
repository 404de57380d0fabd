using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Projects;

/// <summary>Tells the lead and the person who registered a project what the coordinator decided, in the decision's own save.</summary>
public static class ProjectEmails
{
    public static async Task QueueDecisionAsync(AppDbContext db, Outbox outbox, Project project, CancellationToken cancellationToken)
    {
        var accepted = project.Status == ProjectStatus.Active;
        var ids = new[] { project.LeadId, project.ProposedById }.Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == project.PartnershipId).Select(p => p.Name).SingleAsync(cancellationToken);
        foreach (var person in people)
        {
            await outbox.QueueAsync(db, new OutgoingEmail($"project:{project.Id}:{(accepted ? "accepted" : "declined")}:{person.Id}", person.Email!,
                person.DisplayName, accepted ? "project-accepted" : "project-declined", new Dictionary<string, string?>
                {
                    ["Title"] = project.Title,
                    ["PartnershipName"] = partnership,
                    ["SupportPlan"] = project.SupportPlan,
                    ["Reason"] = project.DeclineReason,
                    ["Link"] = outbox.PageLink("/Projects/Details", new { id = project.Id }),
                }) { RegionId = project.RegionId }, cancellationToken);
        }
    }
}
