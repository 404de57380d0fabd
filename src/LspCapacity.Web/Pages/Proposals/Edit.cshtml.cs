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

/// <summary>The proposer (or the region's coordinator) changes a proposal until the board decides it.</summary>
public class EditModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization, ReferenceData reference) : PageModel
{
    [BindProperty] public ProposalInput Input { get; set; } = new();

    public Proposal Proposal { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: false, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Input = ProposalInput.From(Proposal);
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: true, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Input.Validate(ModelState, nameof(Input));
        await ThemeChoices.ValidateAsync(db, Input.ThemeIds, ModelState, $"{nameof(Input)}.{nameof(Input.ThemeIds)}", cancellationToken);
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }
        try
        {
            Input.ApplyTo(Proposal, clock.GetUtcNow().UtcDateTime);
            db.Audit(me.Id, "proposal.edited", Proposal);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(cancellationToken));
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", "The programme board changed the proposal's status while you were editing it. Open it again to see where it stands.");
            return await ShowAsync(cancellationToken);
        }
        TempData.SetSuccess("The proposal has been changed.");
        return RedirectToPage("/Proposals/Details", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, bool tracked, CancellationToken cancellationToken)
    {
        var proposal = await (tracked ? db.Proposals : db.Proposals.AsNoTracking()).Include(p => p.Themes)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, proposal, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        Proposal = proposal;
        if (proposal.IsDecided && (proposal.IsProposer(me.RequiredId) || me.IsCoordinator))
        {
            TempData.SetSuccess("The programme board has decided this proposal, so it can no longer be changed.");
            return RedirectToPage("/Proposals/Details", new { id });
        }
        return (await authorization.AuthorizeAsync(User, proposal, Operations.Change)).Succeeded ? null : Forbid();
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Proposals);
        ViewData["Themes"] = await ThemeChoices.ListAsync(reference, db, cancellationToken);
        return Page();
    }
}
