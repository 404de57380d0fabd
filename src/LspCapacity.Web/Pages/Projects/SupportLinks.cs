using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Projects;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Projects;

/// <summary>
/// The projects a booking, placement, peer review or case study may name, for the pages that link them:
/// one query for the choices, one to load the chosen project for the entity's rule
/// (<see cref="ProjectForSupport.CheckServes"/>).
/// </summary>
public static class SupportLinks
{
    /// <summary>The chosen project as the rule needs it, or null when none was chosen (an unknown id is refused by the caller).</summary>
    public static async Task<ProjectForSupport?> FindAsync(AppDbContext db, int? projectId, CancellationToken cancellationToken) =>
        projectId is not { } id ? null
            : await db.Projects.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new ProjectForSupport(p.Id, p.PartnershipId, p.Title, p.Status == ProjectStatus.Active, p.Status == ProjectStatus.Closed))
                .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The chosen project, or a domain refusal for an id that names no project (a tampered form); null when none was chosen.
    /// </summary>
    public static async Task<ProjectForSupport?> RequireAsync(AppDbContext db, int? projectId, CancellationToken cancellationToken) =>
        projectId is null ? null
            : await FindAsync(db, projectId, cancellationToken) ?? throw new Domain.DomainException("Select a project from the list.");

    /// <summary>The partnership's active projects (and closed ones when <paramref name="closedToo"/>), newest first, for a select.</summary>
    public static async Task<List<SelectListItem>> ChoicesAsync(AppDbContext db, int? partnershipId, bool closedToo, CancellationToken cancellationToken)
    {
        if (partnershipId is not { } id)
        {
            return [];
        }
        return await db.Projects.AsNoTracking()
            .Where(p => p.PartnershipId == id && (p.Status == ProjectStatus.Active || closedToo && p.Status == ProjectStatus.Closed))
            .OrderBy(p => p.Status).ThenByDescending(p => p.StartsOn).ThenBy(p => p.Title)
            .Select(p => new SelectListItem(p.Status == ProjectStatus.Closed ? p.Title + " (closed)" : p.Title, p.Id.ToString()))
            .ToListAsync(cancellationToken);
    }
}
