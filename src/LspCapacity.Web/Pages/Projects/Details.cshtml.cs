using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Projects;

/// <summary>
/// One project: what it is, its decision and support plan, milestones, measures (chart and table),
/// the timeline of updates and, once closed, its results. A fixed number of queries whatever its size.
/// </summary>
public class DetailsModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization, ReferenceData reference) : PageModel
{
    public DateOnly Today => UkTime.Today(clock);
    public Project Project { get; private set; } = default!;
    public string Partnership { get; private set; } = "";
    public IReadOnlyDictionary<string, string> People { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<string> Themes { get; private set; } = [];
    public IReadOnlyList<(string Theme, Domain.Needs.NeedLevel Level)> Needs { get; private set; } = [];
    public IReadOnlyList<MeasureSeries> Series { get; private set; } = [];
    public IReadOnlyList<(int Id, string FileName, long Size)> Documents { get; private set; } = [];
    public bool CanChange { get; private set; }
    public bool CanManage { get; private set; }

    /// <summary>The places, placements, peer reviews and case studies linked to the project (see ProjectSupport).</summary>
    public ProjectSupport Support { get; private set; } = default!;
    public bool IsLead => me.Id is { } id && Project.IsLead(id);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Projects);
        var project = await db.Projects.AsNoTracking().AsSplitQuery()
            .Include(p => p.Themes).Include(p => p.Needs).Include(p => p.Neighbourhoods).Include(p => p.Milestones)
            .Include(p => p.Measures).Include(p => p.Updates).ThenInclude(u => u.Readings).Include(p => p.Results)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, project, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        Project = project;
        CanChange = (await authorization.AuthorizeAsync(User, project, Operations.Change)).Succeeded;
        CanManage = (await authorization.AuthorizeAsync(User, project, Operations.Manage)).Succeeded;
        // Names from the reference data held in memory (one read of the versions, not a query each).
        Partnership = (await reference.PartnershipNamesAsync(db, cancellationToken)).GetValueOrDefault(project.PartnershipId, "");
        var personIds = project.Updates.Select(u => u.AuthorId).Append(project.LeadId).Append(project.ProposedById)
            .Concat(project.DecidedById is { } d ? [d] : []).Distinct().ToList();
        People = await db.Users.AsNoTracking().Where(u => personIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var themeNames = await reference.ThemesAsync(db, cancellationToken);
        Themes = themeNames.Where(t => project.Themes.Any(x => x.ThemeId == t.Id)).Select(t => t.Name).ToList();
        Needs = project.Needs.OrderByDescending(n => n.Level)
            .Select(n => (themeNames.FirstOrDefault(t => t.Id == n.ThemeId)?.Name ?? "", n.Level)).ToList();
        var readings = project.Updates.SelectMany(u => u.Readings).ToList();
        Series = project.Measures.OrderBy(m => m.Position)
            .Select(m => MeasureSeries.For(m, readings.Where(r => r.MeasureId == m.Id).Select(r => (r.On, r.Value)))).ToList();
        // Names of the people booked and paired are for the partnership's staff and coordinators, not for its supporters.
        Support = await ProjectSupport.LoadAsync(db, id, showNames: CanChange || CanManage, cancellationToken);
        Documents = (await db.ProjectDocuments.AsNoTracking().Where(d => d.ProjectId == id).OrderBy(d => d.FileName)
            .Select(d => new { d.Id, d.FileName, d.Size }).ToListAsync(cancellationToken)).Select(d => (d.Id, d.FileName, d.Size)).ToList();
        return Page();
    }

    /// <summary>Evidence documents are always downloads, with the type we allowed, never rendered in the page.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(int id, int documentId, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, project, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        var document = await db.ProjectDocuments.AsNoTracking().Where(d => d.ProjectId == id && d.Id == documentId)
            .Select(d => new { d.FileName, d.ContentType, d.Content }).SingleOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return NotFound();
        }
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(document.Content, document.ContentType, document.FileName);
    }

    public string Person(string? id) => id is not null && People.TryGetValue(id, out var name) ? name : "";

    public string MilestoneTitle(int id) => Project.Milestones.FirstOrDefault(m => m.Id == id)?.Title ?? "";

    public string MeasureName(int id) => Project.Measures.FirstOrDefault(m => m.Id == id)?.Name ?? "";

    public string MeasureValue(int id, decimal value) =>
        Project.Measures.FirstOrDefault(m => m.Id == id) is { } m ? MeasureSeries.Value(value, m.Unit) : ProjectInput.Number(value);
}
