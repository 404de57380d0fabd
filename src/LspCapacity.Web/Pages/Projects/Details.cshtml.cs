using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Dashboard;
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
/// the timeline of updates and, once closed, its results. Two commands whatever its size (with one more for a
/// supporter's right to read it).
/// </summary>
public class DetailsModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public sealed record MilestoneRow(int Id, string Title, DateOnly DueOn, DateOnly? DoneOn);

    public sealed record MeasureRow(int Id, string Name, string Unit, decimal BaselineValue, DateOnly BaselineOn, decimal TargetValue, DateOnly TargetOn,
        decimal? FinalValue)
    {
        public bool? TargetMet => FinalValue is { } final ? ProjectFigures.TargetMet(BaselineValue, TargetValue, final) : null;
    }

    public sealed record ReadingRow(int MeasureId, decimal Value, DateOnly On);

    public sealed record UpdateRow(DateTime PostedAt, RagStatus Rag, string Narrative, string Author, IReadOnlyList<int> MilestonesDone,
        IReadOnlyList<ReadingRow> Readings);

    public DateOnly Today => UkTime.Today(clock);
    public Project Project { get; private set; } = default!;
    public ProjectResults? Results { get; private set; }
    public string Partnership { get; private set; } = "";
    public string Lead { get; private set; } = "";
    public string ProposedBy { get; private set; } = "";
    public string DecidedBy { get; private set; } = "";
    public IReadOnlyList<string> Themes { get; private set; } = [];
    public IReadOnlyList<(string Theme, Domain.Needs.NeedLevel Level)> Needs { get; private set; } = [];
    public IReadOnlyList<(string Name, bool IsDeprived)> Neighbourhoods { get; private set; } = [];
    public IReadOnlyList<MilestoneRow> Milestones { get; private set; } = [];
    public IReadOnlyList<MeasureRow> Measures { get; private set; } = [];
    public IReadOnlyList<MeasureSeries> Series { get; private set; } = [];
    public IReadOnlyList<UpdateRow> Updates { get; private set; } = [];
    public IReadOnlyList<(int Id, string FileName, long Size)> Documents { get; private set; } = [];
    public bool CanChange { get; private set; }
    public bool CanManage { get; private set; }

    /// <summary>The places, placements, peer reviews and case studies linked to the project (see ProjectSupport).</summary>
    public ProjectSupport Support { get; private set; } = default!;
    public bool IsLead => me.Id is { } id && Project.IsLead(id);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Projects);
        // Two commands whatever the project's size: its row (with its results and the names it shows), then every list (ProjectParts).
        cancellationToken.ThrowIfCancellationRequested();
        var found = await ProjectOf.For(db)(db, id);
        if (found is null)
        {
            return NotFound();
        }
        var project = found.Project;
        if (!(await authorization.AuthorizeAsync(User, project, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        Project = project;
        Results = found.Results;
        (Partnership, Lead, ProposedBy, DecidedBy) = (found.Partnership ?? "", found.Lead ?? "", found.ProposedBy ?? "", found.DecidedBy ?? "");
        CanChange = (await authorization.AuthorizeAsync(User, project, Operations.Change)).Succeeded;
        CanManage = (await authorization.AuthorizeAsync(User, project, Operations.Manage)).Succeeded;

        var parts = await ProjectParts.LoadAsync(db, id, cancellationToken);
        var of = parts.ToLookup(p => p.Kind);
        Themes = of[ProjectParts.PartKind.Theme].OrderBy(t => t.Order).ThenBy(t => t.Id).Select(t => t.Text ?? "").ToList();
        Needs = of[ProjectParts.PartKind.Need].OrderByDescending(n => n.As<Domain.Needs.NeedLevel>()).ThenBy(n => n.Ref).ThenBy(n => n.Id)
            .Select(n => (n.Text ?? "", n.As<Domain.Needs.NeedLevel>())).ToList();
        Neighbourhoods = of[ProjectParts.PartKind.Neighbourhood].OrderBy(n => n.Id).Select(n => (n.Text ?? "", n.Flag)).ToList();
        Milestones = of[ProjectParts.PartKind.Milestone].OrderBy(m => m.On).ThenBy(m => m.Id)
            .Select(m => new MilestoneRow(m.Id, m.Text ?? "", m.On!.Value, m.Until)).ToList();
        Measures = of[ProjectParts.PartKind.Measure].OrderBy(m => m.Order).ThenBy(m => m.Id)
            .Select(m => new MeasureRow(m.Id, m.Text ?? "", m.Text2 ?? "", m.Value!.Value, m.On!.Value, m.Value2!.Value, m.Until!.Value, m.Value3)).ToList();
        var readings = of[ProjectParts.PartKind.Reading].OrderBy(r => r.Ref).ThenBy(r => r.Id).ToLookup(r => r.Ref, r => new ReadingRow(r.Order, r.Value!.Value, r.On!.Value));
        Updates = of[ProjectParts.PartKind.Update].OrderByDescending(u => u.At).ThenBy(u => u.Id)
            .Select(u => new UpdateRow(u.At!.Value, u.As<RagStatus>(), u.Text ?? "", u.Text2 ?? "", u.MilestonesDone ?? [], readings[u.Id].ToList())).ToList();
        Series = Measures.Select(m => MeasureSeries.For(m, readings.SelectMany(r => r).Where(r => r.MeasureId == m.Id).Select(r => (r.On, r.Value)))).ToList();
        Documents = of[ProjectParts.PartKind.Document].OrderBy(d => d.Text, StringComparer.Ordinal).ThenBy(d => d.Id)
            .Select(d => (d.Id, d.Text ?? "", d.Size!.Value)).ToList();
        // Names of the people booked and paired are for the partnership's staff and coordinators, not for its supporters.
        Support = ProjectSupport.From(parts, showNames: CanChange || CanManage);
        return Page();
    }

    /// <summary>The project's row with its results and the names it shows.</summary>
    private sealed record Found(Project Project, ProjectResults? Results, string? Partnership, string? Lead, string? ProposedBy, string? DecidedBy);

    /// <summary>
    /// <see cref="OnGetAsync"/>'s first command, compiled once (as <see cref="ProjectParts"/>' is): composed on every visit, EF's
    /// work to match it to its cached SQL cost more CPU than SQLite's.
    /// </summary>
    private static readonly PerEngine<Func<AppDbContext, int, Task<Found?>>> ProjectOf = new(() => EF.CompileAsyncQuery(
        (AppDbContext db, int id) => db.Projects.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new Found(
                p,
                p.Results,
                db.Partnerships.Where(x => x.Id == p.PartnershipId).Select(x => x.Name).FirstOrDefault(),
                db.Users.Where(u => u.Id == p.LeadId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Where(u => u.Id == p.ProposedById).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Where(u => u.Id == p.DecidedById).Select(u => u.DisplayName).FirstOrDefault()))
            .SingleOrDefault()));

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

    public string MilestoneTitle(int id) => Milestones.FirstOrDefault(m => m.Id == id)?.Title ?? "";

    public string MeasureName(int id) => Measures.FirstOrDefault(m => m.Id == id)?.Name ?? "";

    public string MeasureValue(int id, decimal value) =>
        Measures.FirstOrDefault(m => m.Id == id) is { } m ? MeasureSeries.Value(value, m.Unit) : ProjectInput.Number(value);
}
