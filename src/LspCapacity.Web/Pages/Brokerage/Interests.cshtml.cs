using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Brokerage;

/// <summary>
/// A broker's declared interests: the organisations they are linked to (employer, board seat, relative…). The app
/// refuses any recommendation of theirs that would place work with one of them. Only the broker keeps this list.
/// </summary>
public class InterestsModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public InterestInput Input { get; set; } = new();

    public IReadOnlyList<Row> Interests { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!me.IsBroker)
        {
            return Forbid();
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!me.IsBroker)
        {
            return Forbid();
        }
        await LoadAsync(cancellationToken);
        if (Input.OrganisationId is { } organisationId && Organisations.All(o => o.Value != organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            ModelState.AddModelError("Input.OrganisationId", "Select an organisation of the register");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            if (Interests.Any(i => i.OrganisationId == Input.OrganisationId))
            {
                throw new DomainException("You have already declared an interest in that organisation.");
            }
            var interest = new BrokerInterest(me.RequiredId, Input.OrganisationId!.Value, Input.Note, clock.GetUtcNow().UtcDateTime);
            db.BrokerInterests.Add(interest);
            db.Audit(me.Id, "brokerage.interest-declared", interest);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, field: "Input.OrganisationId");
        }
        catch (DbUpdateException)
        {
            return await this.RefusedAsync(new DomainException("You have already declared an interest in that organisation."), db, field: "Input.OrganisationId");
        }
        TempData.SetSuccess("Your interest has been declared. You cannot recommend work with that organisation.");
        return RedirectToPage("/Brokerage/Interests");
    }

    public async Task<IActionResult> OnPostRemoveAsync(int interestId, CancellationToken cancellationToken)
    {
        if (!me.IsBroker)
        {
            return Forbid();
        }
        var interest = await db.BrokerInterests.SingleOrDefaultAsync(i => i.Id == interestId && i.BrokerId == me.RequiredId, cancellationToken);
        if (interest is null)
        {
            return NotFound();
        }
        db.BrokerInterests.Remove(interest);
        db.Audit(me.Id, "brokerage.interest-removed", interest);
        await db.SaveChangesAsync(cancellationToken);
        TempData.SetSuccess("The interest has been removed.");
        return RedirectToPage("/Brokerage/Interests");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Brokerage);
        var brokerId = me.RequiredId;
        Interests = await db.BrokerInterests.AsNoTracking().Where(i => i.BrokerId == brokerId)
            .Join(db.Organisations, i => i.OrganisationId, o => o.Id, (i, o) => new { i.Id, i.OrganisationId, o.Name, i.Note, i.DeclaredAt })
            .OrderBy(r => r.Name).Select(r => new Row(r.Id, r.OrganisationId, r.Name, r.Note, r.DeclaredAt)).ToListAsync(cancellationToken);
        Organisations = await db.Organisations.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(cancellationToken);
    }

    public sealed record Row(int Id, int OrganisationId, string Organisation, string? Note, DateTime DeclaredAt);

    public sealed class InterestInput
    {
        [Required(ErrorMessage = "Select the organisation you are linked to")]
        [Display(Name = "organisation")]
        public int? OrganisationId { get; set; }

        [StringLength(1000, ErrorMessage = "The note must be 1,000 characters or fewer")]
        public string? Note { get; set; }
    }
}
