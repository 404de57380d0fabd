using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LspCapacity.Web.Pages.Projects;

/// <summary>A partnership's staff register an improvement project; it waits as proposed for the coordinator.</summary>
public class CreateModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty] public ProjectInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await NewProjectAsync() is not { } project)
        {
            return Forbid();
        }
        Input.LeadId = me.Id;
        return await ShowAsync(project.PartnershipId, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await NewProjectAsync() is not { } project)
        {
            return Forbid();
        }
        var choices = await ProjectChoices.LoadAsync(db, project.PartnershipId, cancellationToken);
        Input.Validate(ModelState, nameof(Input), choices.ThemeIds, choices.NeedThemeIds, choices.LeadIds);
        if (!ModelState.IsValid)
        {
            return Show(choices);
        }
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            project.Describe(Input.Title, Input.Problem, Input.ThemeIds, choices.Answered(Input.NeedThemeIds), Input.Blocks(),
                Input.NeighbourhoodPlans(), Input.LeadId!, Input.PartnerList(), Input.StartsOn!.Value, Input.EndsOn!.Value, now);
            project.PlanMilestones(Input.MilestonePlans(), now);
            project.PlanMeasures(Input.MeasurePlans(), now);
            db.Projects.Add(project);
            db.Audit(me.Id, "project.registered", project);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            this.Refused(e, db);
            return Show(choices);
        }
        TempData.SetSuccess("Your project has been registered. The programme team will consider it and agree a support plan with you.");
        return RedirectToPage("/Projects/Details", new { id = project.Id });
    }

    /// <summary>A project of the signed-in person's partnership, if they may register one (asked of the handler, as for any project).</summary>
    private async Task<Project?> NewProjectAsync()
    {
        if (me.PartnershipId is not { } partnershipId || me.RegionId is not { } regionId)
        {
            return null;
        }
        var project = new Project(regionId, partnershipId, me.RequiredId, clock.GetUtcNow().UtcDateTime);
        return (await authorization.AuthorizeAsync(User, project, Operations.Change)).Succeeded ? project : null;
    }

    private async Task<IActionResult> ShowAsync(int partnershipId, CancellationToken cancellationToken) =>
        Show(await ProjectChoices.LoadAsync(db, partnershipId, cancellationToken));

    private PageResult Show(ProjectChoices choices)
    {
        ViewData.SetSection(SiteSection.Projects);
        ViewData["Choices"] = choices;
        Input.Pad();
        return Page();
    }
}
