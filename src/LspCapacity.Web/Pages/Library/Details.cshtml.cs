using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Library;

/// <summary>
/// One case study at its stable address. Published ones are public; anything else only its author and
/// the region's coordinators can preview.
/// </summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicPageCache.Policy)] // visitors only
public class DetailsModel(AppDbContext db, CurrentUser me, IAuthorizationService authorization, ReferenceData reference) : PageModel
{
    public CaseStudy Item { get; private set; } = default!;
    public string BodyHtml { get; private set; } = "";
    public string? Partnership { get; private set; }

    /// <summary>The activity the practice came out of, if any: the golden thread from event to result.</summary>
    public SourceActivityView? SourceActivity { get; private set; }

    public sealed record SourceActivityView(int Id, string Title, DateTime StartsAt);

    /// <summary>The improvement project it came from, if any, and whether the reader may open the project's page.</summary>
    public (int Id, string Title, bool CanRead)? SourceProject { get; private set; }
    public IReadOnlyList<string> Themes { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Title)> Related { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Library);
        var item = await db.CaseStudies.AsNoTracking().Include(c => c.Themes).Include(c => c.Attachments.OrderBy(a => a.FileName))
            .AsSplitQuery()
            .FirstOrDefaultAsync(c => c.Slug == slug || (c.Slug == "" && c.Id.ToString() == slug), cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, CaseStudyRecord.Of(item), Operations.Read)).Succeeded)
        {
            return NotFound(); // unpublished work does not exist for anyone else
        }
        Item = item;
        BodyHtml = SafeMarkdown.ToHtml(item.Body);
        // Names of the partnership and the themes from memory (ReferenceData), not two more round trips.
        Partnership = item.PartnershipId is { } partnershipId
            ? (await reference.PartnershipNamesAsync(db, cancellationToken)).GetValueOrDefault(partnershipId)
            : null;
        if (item.SourceActivityId is { } activityId)
        {
            SourceActivity = await db.Activities.AsNoTracking().Where(a => a.Id == activityId)
                .Select(a => new SourceActivityView(a.Id, a.Title, a.StartsAt)).FirstOrDefaultAsync(cancellationToken);
        }
        if (item.ProjectId is { } projectId && await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken) is { } project)
        {
            var canRead = me.IsSignedIn && (await authorization.AuthorizeAsync(User, project, Infrastructure.Authorization.Operations.Read)).Succeeded;
            SourceProject = (project.Id, project.Title, canRead);
        }
        var themeIds = item.Themes.Select(t => t.ThemeId).ToList();
        Themes = (await reference.ThemesAsync(db, cancellationToken)).Where(t => themeIds.Contains(t.Id)).Select(t => t.Name).ToList();
        Related = (await db.CaseStudies.AsNoTracking()
                .Where(c => c.Id != item.Id && c.Status == CaseStudyStatus.Published && c.Themes.Any(t => themeIds.Contains(t.ThemeId)))
                .OrderByDescending(c => c.Themes.Count(t => themeIds.Contains(t.ThemeId))).ThenByDescending(c => c.PublishedAt)
                .Take(5).Select(c => new { c.Slug, c.Title }).ToListAsync(cancellationToken))
            .Select(c => (c.Slug, c.Title)).ToList();
        return Page();
    }

    /// <summary>Attachments are always downloads (never rendered in the page), with the type we allowed, not the uploader's.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(string slug, int attachmentId, CancellationToken cancellationToken)
    {
        var found = await db.CaseStudies.AsNoTracking().Where(c => c.Slug == slug || c.Id.ToString() == slug)
            .SelectMany(c => c.Attachments.Where(a => a.Id == attachmentId), (c, a) => new { c.Status, c.AuthorId, c.RegionId, a.FileName, a.ContentType, a.Content })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || !(await authorization.AuthorizeAsync(User, new CaseStudyRecord(found.RegionId, found.AuthorId, found.Status), Operations.Read)).Succeeded)
        {
            return NotFound();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(found.Content, found.ContentType, found.FileName);
    }
}
