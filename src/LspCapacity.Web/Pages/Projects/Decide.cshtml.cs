using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Projects;

/// <summary>The region's coordinator accepts a proposed project with a support plan, or declines it with a reason; both are emailed.</summary>
public class DecideModel(AppDbContext db, CurrentUser me, TimeProvider clock, Outbox outbox, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter the support plan")]
    [StringLength(4000, ErrorMessage = "The support plan must be 4,000 characters or fewer")]
    [Display(Name = "support plan")]
    public string? SupportPlan { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the reason for declining")]
    [StringLength(2000, ErrorMessage = "The reason must be 2,000 characters or fewer")]
    public string? Reason { get; set; }

    public Project Project { get; private set; } = default!;
    public string Partnership { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, tracked: false, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        return await ShowAsync(cancellationToken); // a decided project shows what was decided, without the forms
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Reason));
        return DecideAsync(id, p => p.Accept(me.RequiredId, SupportPlan!, clock.GetUtcNow().UtcDateTime), "project.accepted",
            "The project has been accepted and its lead told by email.", cancellationToken);
    }

    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(SupportPlan));
        return DecideAsync(id, p => p.Decline(me.RequiredId, Reason!, clock.GetUtcNow().UtcDateTime), "project.declined",
            "The project has been declined and its lead told why by email.", cancellationToken);
    }

    private async Task<IActionResult> DecideAsync(int id, Action<Project> decide, string action, string done, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, tracked: true, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }
        try
        {
            decide(Project);
            db.Audit(me.Id, action, Project);
            await ProjectEmails.QueueDecisionAsync(db, outbox, Project, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(cancellationToken));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else has just decided this project. Open it again to see what they decided.");
            return await ShowAsync(cancellationToken);
        }
        TempData.SetSuccess(done);
        return RedirectToPage("/Projects/Details", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.Projects : db.Projects.AsNoTracking();
        var project = await query.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, project, Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        Project = project;
        return null;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Projects);
        Partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == Project.PartnershipId).Select(p => p.Name).SingleAsync(cancellationToken);
        return Page();
    }
}
