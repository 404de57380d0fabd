using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Brokerage;

/// <summary>The partnership rates delivered work, once, from 1 to 5 with a comment: the provider's ratings inform later shortlists.</summary>
public class RateModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public static readonly IReadOnlyList<SelectListItem> Ratings =
    [
        new("5: excellent", "5"), new("4: good", "4"), new("3: adequate", "3"), new("2: poor", "2"), new("1: very poor", "1"),
    ];

    [BindProperty] public RatingInput Input { get; set; } = new();

    public BrokerageRequest Asked { get; private set; } = default!;
    public string Organisation { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var request = await db.BrokerageRequests.SingleAsync(r => r.Id == id, cancellationToken);
            var commitment = await db.Commitments.SingleOrDefaultAsync(c => c.RequestId == id, cancellationToken)
                ?? throw new DomainException("There is no delivered work to rate yet.");
            commitment.Rate(Input.Rating!.Value, Input.Comment);
            request.MarkRated(clock.GetUtcNow().UtcDateTime);
            db.Audit(me.Id, "brokerage.rated", request);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await this.RefusedAsync(new DomainException("The work has just been rated."), db);
        }
        TempData.SetSuccess("Thank you: your rating has been recorded.");
        return RedirectToPage("/Brokerage/Details", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Brokerage);
        var request = await db.BrokerageRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, request, Operations.Change)).Succeeded)
        {
            return Forbid();
        }
        Asked = request;
        Organisation = request.OrganisationId is { } organisationId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken)
            : "";
        return null;
    }

    public sealed class RatingInput
    {
        [Required(ErrorMessage = "Select a rating from 1 to 5")]
        [Range(1, 5, ErrorMessage = "Select a rating from 1 to 5")]
        [Display(Name = "rating")]
        public int? Rating { get; set; }

        [StringLength(2000, ErrorMessage = "The comment must be 2,000 characters or fewer")]
        public string? Comment { get; set; }
    }
}
