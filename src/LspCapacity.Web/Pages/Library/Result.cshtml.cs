using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Library;

/// <summary>
/// A closed improvement project's results summary in the library: public only while its lead consents, and
/// only the summary (what changed and the measures against their targets), never the project's working record.
/// </summary>
public class ResultModel(AppDbContext db) : PageModel
{
    public View Result { get; private set; } = default!;
    public IReadOnlyList<string> Themes { get; private set; } = [];
    public IReadOnlyList<MeasureView> Measures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Library);
        var result = await PublicResults.Query(db).Where(p => p.Id == id)
            .Select(p => new View(p.Id, p.Title, db.Partnerships.Where(x => x.Id == p.PartnershipId).Select(x => x.Name).First(),
                p.ClosedAt, p.Results!.WhatChanged, p.LaaBlocks))
            .SingleOrDefaultAsync(cancellationToken);
        if (result is null)
        {
            return NotFound(); // not closed, or no consent: for the public it does not exist
        }
        Result = result;
        Themes = await db.Projects.AsNoTracking().Where(p => p.Id == id).SelectMany(p => p.Themes)
            .Join(db.Themes, pt => pt.ThemeId, t => t.Id, (_, t) => t).OrderBy(t => t.Position).Select(t => t.Name).ToListAsync(cancellationToken);
        Measures = await db.ProjectMeasures.AsNoTracking().Where(m => m.ProjectId == id).OrderBy(m => m.Position)
            .Select(m => new MeasureView(m.Name, m.Unit, m.BaselineValue, m.TargetValue, m.FinalValue)).ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record View(int Id, string Title, string Partnership, DateTime? ClosedAt, string WhatChanged, LaaBlocks Blocks);

    public sealed record MeasureView(string Name, string Unit, decimal Baseline, decimal Target, decimal? Final)
    {
        public bool? Met => Final is { } final ? Domain.Dashboard.ProjectFigures.TargetMet(Baseline, Target, final) : null;
    }
}

/// <summary>The results the library shows: closed projects whose lead consents to their summary being public.</summary>
public static class PublicResults
{
    public static IQueryable<Project> Query(AppDbContext db) =>
        db.Projects.AsNoTracking().Where(p => p.Status == ProjectStatus.Closed && p.Results != null && p.Results.PublicConsent);
}
