using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Proposals;

/// <summary>LSP staff propose support for their partnership; it is open for endorsement at once.</summary>
public class CreateModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization, ReferenceData reference) : PageModel
{
    [BindProperty] public ProposalInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await NewProposalAsync(cancellationToken) is null)
        {
            return Forbid();
        }
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await NewProposalAsync(cancellationToken) is not { } proposal)
        {
            return Forbid();
        }
        Input.Validate(ModelState, nameof(Input));
        await ThemeChoices.ValidateAsync(db, Input.ThemeIds, ModelState, $"{nameof(Input)}.{nameof(Input.ThemeIds)}", cancellationToken);
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }
        try
        {
            Input.ApplyTo(proposal, clock.GetUtcNow().UtcDateTime);
            db.Proposals.Add(proposal);
            db.Audit(me.Id, "proposal.created", proposal);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(cancellationToken));
        }
        TempData.SetSuccess("Your proposal has been sent. Other partnerships of the region can now endorse it.");
        return RedirectToPage("/Proposals/Details", new { id = proposal.Id });
    }

    /// <summary>A proposal of the signed-in person's partnership, in the region's current programme, if they may make one.</summary>
    private async Task<Proposal?> NewProposalAsync(CancellationToken cancellationToken)
    {
        if (!me.IsLspStaff || me.PartnershipId is not { } partnershipId || me.RegionId is not { } regionId)
        {
            return null;
        }
        var today = UkTime.Today(clock);
        var programmeId = await db.Programmes.AsNoTracking().Where(p => p.RegionId == regionId)
            .OrderByDescending(p => p.StartsOn <= today && p.EndsOn >= today).ThenByDescending(p => p.StartsOn)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (programmeId is null)
        {
            return null;
        }
        var proposal = new Proposal(regionId, programmeId.Value, partnershipId, me.RequiredId, clock.GetUtcNow().UtcDateTime);
        return (await authorization.AuthorizeAsync(User, proposal, Operations.Change)).Succeeded ? proposal : null;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Proposals);
        ViewData["Themes"] = await ThemeChoices.ListAsync(reference, db, cancellationToken);
        return Page();
    }
}
