using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Brokerage;

/// <summary>
/// After delivery the broker (or a coordinator) records the days used and the actual cost: the work moves from
/// committed to spent, and the programme's brokered total by the difference. A week later the partnership is
/// asked to rate it (<see cref="Jobs.BrokerageRatingJob"/>).
/// </summary>
public class DeliverModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty] public DeliveryInput Input { get; set; } = new();

    public BrokerageRequest Asked { get; private set; } = default!;
    public Commitment Commitment { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        Input.DaysUsed = Commitment.Days;
        Input.ActualCost = Commitment.CommittedCost;
        return Page();
    }

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
            var today = UkTime.Today(clock);
            var now = clock.GetUtcNow().UtcDateTime;
            await db.InTransactionAsync(async ct =>
            {
                var request = await db.BrokerageRequests.SingleAsync(r => r.Id == id, ct);
                var commitment = await db.Commitments.SingleAsync(c => c.RequestId == id, ct);
                var programme = await db.Programmes.SingleAsync(p => p.Id == commitment.ProgrammeId, ct);
                programme.AdjustBrokered(commitment.Deliver(Input.DeliveredOn!.Value, Input.DaysUsed!.Value, Input.ActualCost!.Value, today));
                request.MarkDelivered(now);
                db.Audit(me.Id, "brokerage.delivered", request);
                await db.SaveChangesAsync(ct);
            }, cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db);
        }
        TempData.SetSuccess("The delivery has been recorded: its actual cost is now spent.");
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
        if (!(await authorization.AuthorizeAsync(User, request, Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        var commitment = await db.Commitments.AsNoTracking().SingleOrDefaultAsync(c => c.RequestId == id, cancellationToken);
        if (commitment is null)
        {
            return NotFound();
        }
        Asked = request;
        Commitment = commitment;
        return null;
    }

    public sealed class DeliveryInput
    {
        [Required(ErrorMessage = "Enter the date the work was delivered")]
        [Display(Name = "delivery date")]
        public DateOnly? DeliveredOn { get; set; }

        [Required(ErrorMessage = "Enter the days used")]
        [Range(0.5, 365, ErrorMessage = "The days used must be between 0.5 and 365")]
        [Display(Name = "days used")]
        public decimal? DaysUsed { get; set; }

        [Required(ErrorMessage = "Enter the actual cost, in pounds")]
        [Range(typeof(decimal), "0", "10000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "The actual cost must be between £0 and £10,000,000")]
        [Display(Name = "actual cost")]
        public decimal? ActualCost { get; set; }
    }
}
