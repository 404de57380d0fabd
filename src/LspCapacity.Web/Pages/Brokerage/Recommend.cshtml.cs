using System.ComponentModel.DataAnnotations;
using System.Globalization;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Brokerage;

/// <summary>
/// The broker records the recommendation: one offer of the ranked shortlist, days, the day rate or quote agreed,
/// the reasoning, the other quotes compared and how long it stands. Never an organisation the broker declared an
/// interest in (the domain refuses it). The person who asked is told.
/// </summary>
public class RecommendModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization, Outbox outbox,
    IFairSharePosition fairShare) : PageModel
{
    /// <summary>How long a recommendation stands unless the broker says otherwise.</summary>
    public const int DefaultValidDays = 14;

    [BindProperty] public RecommendInput Input { get; set; } = new();

    public BrokerageRequest Asked { get; private set; } = default!;
    public IReadOnlyList<ShortlistEntry> Shortlist { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Offers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        Input.ValidUntil = UkTime.Today(clock).AddDays(DefaultValidDays);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }
        var chosen = Shortlist.FirstOrDefault(e => e.Offer.OfferId == Input.OfferId);
        if (Input.OfferId is not null && chosen is null)
        {
            ModelState.AddModelError("Input.OfferId", "Select one of the offers on the shortlist");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var request = await db.BrokerageRequests.SingleAsync(r => r.Id == id, cancellationToken);
            var offer = chosen!.Offer;
            var declared = await BrokerageShortlist.DeclaredAsync(db, me.RequiredId, cancellationToken);
            request.Recommend(me.RequiredId, offer.OfferId, offer.OrganisationId, offer.Organisation, Input.Days!.Value, Input.DayRate ?? offer.DayRate ?? 0,
                Input.Reasoning, Input.QuotesCompared, Input.ValidUntil!.Value, declared, offer.DaysLeft, UkTime.Today(clock), clock.GetUtcNow().UtcDateTime);
            await BrokerageEmails.QueueRecommendedAsync(db, outbox, request, offer.Organisation, cancellationToken);
            db.Audit(me.Id, "brokerage.recommended", request, offer.Organisation);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await this.RefusedAsync(new DomainException("The request changed while you were recommending: look again."), db);
        }
        TempData.SetSuccess("Your recommendation has been sent to the partnership.");
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
        if (!(await authorization.AuthorizeAsync(User, request, BrokerageOperations.Recommend)).Succeeded)
        {
            return Forbid();
        }
        Asked = request;
        Shortlist = await BrokerageShortlist.LoadAsync(db, request, me.Id, fairShare, UkTime.Today(clock), cancellationToken);
        Offers = Shortlist.Select(e => new SelectListItem(
            $"{e.Rank}. {e.Offer.Organisation}: {e.Offer.Title} ({(e.Offer.DayRate is { } rate and > 0 ? BrokerageText.Money(rate) + " a day" : "free")}, {BrokerageText.Days(e.Offer.DaysLeft)} days left)",
            e.Offer.OfferId.ToString(CultureInfo.InvariantCulture))).ToList();
        return null;
    }

    public sealed class RecommendInput
    {
        [Required(ErrorMessage = "Select the offer you recommend")]
        [Display(Name = "offer")]
        public int? OfferId { get; set; }

        [Required(ErrorMessage = "Enter the number of days")]
        [Range(0.5, 365, ErrorMessage = "The number of days must be between 0.5 and 365")]
        [Display(Name = "days")]
        public decimal? Days { get; set; }

        [Range(typeof(decimal), "0", "100000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "The day rate must be between £0 and £100,000")]
        [Display(Name = "day rate")]
        public decimal? DayRate { get; set; }

        [Required(ErrorMessage = "Give your reasoning")]
        [StringLength(4000, ErrorMessage = "The reasoning must be 4,000 characters or fewer")]
        public string Reasoning { get; set; } = "";

        [StringLength(4000, ErrorMessage = "The quotes compared must be 4,000 characters or fewer")]
        public string? QuotesCompared { get; set; }

        [Required(ErrorMessage = "Enter the date the recommendation stands until")]
        [Display(Name = "valid until date")]
        public DateOnly? ValidUntil { get; set; }
    }
}
