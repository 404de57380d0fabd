using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Brokerage;

/// <summary>
/// One request: what was asked, the broker's shortlist with its reasons (for the broker and coordinators while it
/// is open), the recommendation with the quotes compared, the commitment and its delivery, and what each person may
/// do next. The partnership accepts (the work is committed against the programme budget), asks again, or withdraws.
/// </summary>
public class DetailsModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization, Outbox outbox,
    IFairSharePosition fairShare) : PageModel
{
    public BrokerageRequest Asked { get; private set; } = default!;
    public string Partnership { get; private set; } = "";
    public string? Need { get; private set; }
    public string? Project { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public string? Broker { get; private set; }
    public (string Organisation, string Offer, Domain.Brokerage.OfferKind Kind)? Recommended { get; private set; }
    public Commitment? Commitment { get; private set; }
    public IReadOnlyList<ShortlistEntry> Shortlist { get; private set; } = [];
    public (string Name, BudgetPosition Position)? Budget { get; private set; }
    public bool CanChange { get; private set; }
    public bool CanRecommend { get; private set; }
    public bool CanManage { get; private set; }
    public DateOnly Today => UkTime.Today(clock);

    [BindProperty] public AskAgainInput AskAgain { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var request = await db.BrokerageRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, request, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        await ShowAsync(request, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear(); // the ask-again reason is not part of accepting
        if (await AllowedAsync(id, cancellationToken) is not true and var found)
        {
            return found is null ? NotFound() : Forbid();
        }
        try
        {
            var today = UkTime.Today(clock);
            var now = clock.GetUtcNow().UtcDateTime;
            // Committed against the programme's budget in one transaction: the programme's brokered total is a concurrency
            // token, so of two acceptances saved at once one fails, is run again from the start and sees the other's cost.
            await db.InTransactionAsync(async ct =>
            {
                var request = await db.BrokerageRequests.SingleAsync(r => r.Id == id, ct);
                request.Accept(me.RequiredId, today, now);
                var programme = await BrokerageBudget.Current(db, request.RegionId, today).FirstOrDefaultAsync(ct)
                    ?? throw new DomainException("The region has no programme to commit the work against.");
                var commitment = new Commitment(programme.Id, request.RegionId, request.PartnershipId, request.OrganisationId!.Value,
                    request.OfferId!.Value, request.Days!.Value, request.DayRate!.Value, now, request.Id);
                programme.CommitBrokered(commitment.CommittedCost, await BrokerageBudget.ActivityCostsAsync(db, request.RegionId, ct));
                db.Commitments.Add(commitment);
                await BrokerageEmails.QueueDecisionAsync(db, outbox, request, ct);
                db.Audit(me.Id, "brokerage.accepted", request);
                await db.SaveChangesAsync(ct);
            }, cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAgainAsync(id, cancellationToken));
        }
        TempData.SetSuccess("You accepted the recommendation. The work is committed against the programme budget.");
        return RedirectToPage("/Brokerage/Details", new { id });
    }

    public async Task<IActionResult> OnPostAskAgainAsync(int id, CancellationToken cancellationToken)
    {
        if (await AllowedAsync(id, cancellationToken) is not true and var found)
        {
            return found is null ? NotFound() : Forbid();
        }
        if (!ModelState.IsValid)
        {
            return await ShowAgainAsync(id, cancellationToken);
        }
        try
        {
            var request = await db.BrokerageRequests.SingleAsync(r => r.Id == id, cancellationToken);
            request.AskAgain(me.RequiredId, AskAgain.Reason, clock.GetUtcNow().UtcDateTime);
            await BrokerageEmails.QueueDecisionAsync(db, outbox, request, cancellationToken);
            db.Audit(me.Id, "brokerage.asked-again", request);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAgainAsync(id, cancellationToken), "AskAgain.Reason");
        }
        catch (DbUpdateConcurrencyException)
        {
            return await this.RefusedAsync(new DomainException("The request changed while you were deciding: look again."), db,
                () => ShowAgainAsync(id, cancellationToken));
        }
        TempData.SetSuccess("The broker has been asked again, with your reason.");
        return RedirectToPage("/Brokerage/Details", new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await AllowedAsync(id, cancellationToken) is not true and var found)
        {
            return found is null ? NotFound() : Forbid();
        }
        try
        {
            var request = await db.BrokerageRequests.SingleAsync(r => r.Id == id, cancellationToken);
            request.Withdraw(clock.GetUtcNow().UtcDateTime);
            db.Audit(me.Id, "brokerage.withdrawn", request);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAgainAsync(id, cancellationToken));
        }
        catch (DbUpdateConcurrencyException)
        {
            return await this.RefusedAsync(new DomainException("The request changed while you were deciding: look again."), db,
                () => ShowAgainAsync(id, cancellationToken));
        }
        TempData.SetSuccess("The request has been withdrawn.");
        return RedirectToPage("/Brokerage/Details", new { id });
    }

    /// <summary>The request if the person may act on it as the partnership (Change); null when it does not exist, false when refused.</summary>
    private async Task<bool?> AllowedAsync(int id, CancellationToken cancellationToken)
    {
        var request = await db.BrokerageRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return null;
        }
        return (await authorization.AuthorizeAsync(User, request, Operations.Change)).Succeeded ? true : false;
    }

    private async Task<IActionResult> ShowAgainAsync(int id, CancellationToken cancellationToken)
    {
        var request = await db.BrokerageRequests.AsNoTracking().SingleAsync(r => r.Id == id, cancellationToken);
        await ShowAsync(request, cancellationToken);
        return Page();
    }

    private async Task ShowAsync(BrokerageRequest request, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Brokerage);
        Asked = request;
        CanChange = (await authorization.AuthorizeAsync(User, request, Operations.Change)).Succeeded;
        CanRecommend = (await authorization.AuthorizeAsync(User, request, BrokerageOperations.Recommend)).Succeeded;
        CanManage = (await authorization.AuthorizeAsync(User, request, Operations.Manage)).Succeeded;
        Partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == request.PartnershipId).Select(p => p.Name).SingleAsync(cancellationToken);
        Need = request.NeedThemeId is { } theme ? await db.Themes.AsNoTracking().Where(t => t.Id == theme).Select(t => t.Name).SingleAsync(cancellationToken) : null;
        Project = request.ProjectId is { } project ? await db.Projects.AsNoTracking().Where(p => p.Id == project).Select(p => p.Title).SingleAsync(cancellationToken) : null;
        var people = new[] { request.RequestedById, request.BrokerId }.OfType<string>().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        RequestedBy = names.GetValueOrDefault(request.RequestedById) ?? "";
        Broker = request.BrokerId is { } broker ? names.GetValueOrDefault(broker) : null;
        if (request.OfferId is { } offerId)
        {
            // An anonymous type, made a tuple in memory: Npgsql cannot read a tuple projected in SQL (a record).
            var recommended = await db.Offers.AsNoTracking().Where(o => o.Id == offerId)
                .Join(db.Organisations, o => o.OrganisationId, g => g.Id, (o, g) => new { g.Name, o.Title, o.Kind })
                .SingleAsync(cancellationToken);
            Recommended = (recommended.Name, recommended.Title, recommended.Kind);
        }
        Commitment = await db.Commitments.AsNoTracking().SingleOrDefaultAsync(c => c.RequestId == request.Id, cancellationToken);
        if (CanManage || CanRecommend)
        {
            Budget = await BrokerageBudget.PositionAsync(db, request.RegionId, Today, cancellationToken);
            if (request.Status is BrokerageRequestStatus.Received or BrokerageRequestStatus.AskedAgain)
            {
                Shortlist = await BrokerageShortlist.LoadAsync(db, request, me.IsBroker ? me.Id : null, fairShare, Today, cancellationToken);
            }
        }
    }

    public bool Expired => Asked.ValidUntil is { } until && until < Today;

    public sealed class AskAgainInput
    {
        [Required(ErrorMessage = "Say why you are asking the broker again")]
        [StringLength(2000, ErrorMessage = "The reason must be 2,000 characters or fewer")]
        public string Reason { get; set; } = "";
    }
}
