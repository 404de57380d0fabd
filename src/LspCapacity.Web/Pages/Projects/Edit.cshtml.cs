using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Projects;

/// <summary>The partnership's staff change a project while it is proposed or active; a declined or closed one stays as it was.</summary>
public class EditModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty] public ProjectInput Input { get; set; } = new();

    public Project Project { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: false, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Input = ProjectInput.From(Project);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: true, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var choices = await ProjectChoices.LoadAsync(db, Project.PartnershipId, cancellationToken);
        Input.Validate(ModelState, nameof(Input), choices.ThemeIds, choices.NeedThemeIds.Concat(Project.Needs.Select(n => n.ThemeId)).ToList(),
            choices.LeadIds);
        if (!ModelState.IsValid)
        {
            return Show(choices);
        }
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // Needs chosen earlier from an older profile are kept as they were recorded.
            var needs = Project.Needs.Where(n => Input.NeedThemeIds.Contains(n.ThemeId) && choices.Needs.All(c => c.ThemeId != n.ThemeId))
                .Select(n => new NeedAnswered(n.SurveyId, n.ThemeId, n.Level))
                .Concat(choices.Answered(Input.NeedThemeIds));
            // Milestones first when the dates widen, last when they narrow: each check sees the dates it belongs with.
            Project.Describe(Input.Title, Input.Problem, Input.ThemeIds, needs, Input.Blocks(), Input.NeighbourhoodPlans(), Input.LeadId!,
                Input.PartnerList(), Project.StartsOn < Input.StartsOn!.Value ? Project.StartsOn : Input.StartsOn.Value,
                Project.EndsOn > Input.EndsOn!.Value ? Project.EndsOn : Input.EndsOn.Value, now);
            Project.PlanMilestones(Input.MilestonePlans(), now);
            Project.Describe(Input.Title, Input.Problem, Input.ThemeIds, needs, Input.Blocks(), Input.NeighbourhoodPlans(), Input.LeadId!,
                Input.PartnerList(), Input.StartsOn.Value, Input.EndsOn.Value, now);
            Project.PlanMeasures(Input.MeasurePlans(), now);
            db.Audit(me.Id, "project.edited", Project);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            this.Refused(e, db);
            return Show(choices);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "The project's status changed while you were editing it. Open it again and make your change there.");
            return Show(choices);
        }
        TempData.SetSuccess("The project has been changed.");
        return RedirectToPage("/Projects/Details", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, bool tracked, CancellationToken cancellationToken)
    {
        var query = (tracked ? db.Projects : db.Projects.AsNoTracking()).AsSplitQuery()
            .Include(p => p.Themes).Include(p => p.Needs).Include(p => p.Neighbourhoods).Include(p => p.Milestones).Include(p => p.Measures);
        var project = await query.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, project, Operations.Change)).Succeeded)
        {
            return Forbid();
        }
        Project = project;
        if (!project.IsOpen)
        {
            TempData.SetSuccess("A declined or closed project cannot be changed.");
            return RedirectToPage("/Projects/Details", new { id });
        }
        return null;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken) =>
        Show(await ProjectChoices.LoadAsync(db, Project.PartnershipId, cancellationToken));

    private PageResult Show(ProjectChoices choices)
    {
        ViewData.SetSection(SiteSection.Projects);
        ViewData["Choices"] = choices;
        Input.Pad();
        return Page();
    }
}
