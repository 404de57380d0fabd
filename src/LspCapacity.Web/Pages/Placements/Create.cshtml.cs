using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Placements;

/// <summary>A coordinator pairs two people directly, without a request: the same rules and introductions.</summary>
[Authorize(Policy = Policies.InARegion)]
public class CreateModel(AppDbContext db, CurrentUser me, TimeProvider clock, Outbox outbox) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Mentors { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Mentees { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];
    public IReadOnlyList<SelectListItem> SecondeeOffers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        Input = new InputModel { Kind = PlacementKind.Mentoring, StartsOn = today, EndsOn = today.AddMonths(6) };
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var regionId = me.RequiredRegionId;
        var mentor = await db.MentorProfiles.AsNoTracking().Where(m => m.PersonId == Input.MentorId && m.RegionId == regionId)
            .Join(db.Users.Where(u => u.IsActive), m => m.PersonId, u => u.Id, (m, u) => new { u.Id, u.PartnershipId, m.Capacity, m.Kinds })
            .SingleOrDefaultAsync(cancellationToken);
        var mentee = await db.Users.AsNoTracking()
            .Where(u => u.Id == Input.MenteeId && u.RegionId == regionId && u.IsActive && u.Role == Roles.LspStaff && u.PartnershipId != null)
            .Select(u => new { u.Id, u.PartnershipId }).SingleOrDefaultAsync(cancellationToken);
        if (Input.MentorId is not null && mentor is null)
        {
            ModelState.AddModelError("Input.MentorId", "Select a mentor from the list");
        }
        if (Input.MenteeId is not null && mentee is null)
        {
            ModelState.AddModelError("Input.MenteeId", "Select a member of LSP staff from the list");
        }
        if (mentor is not null && mentee is not null && mentor.PartnershipId == mentee.PartnershipId)
        {
            ModelState.AddModelError("Input.MentorId", "The mentor must come from another partnership");
        }
        if (mentor is not null && Input.Kind is { } kind && !mentor.Kinds.Contains(kind))
        {
            ModelState.AddModelError("Input.Kind", "This mentor does not offer that kind of support");
        }
        if (mentor is not null && await db.Placements.CountAsync(p => p.MentorId == mentor.Id && p.Status == PlacementStatus.Active, cancellationToken) >= mentor.Capacity)
        {
            ModelState.AddModelError("Input.MentorId", "This mentor has no spare capacity");
        }
        await ThemeChoices.ValidateAsync(db, Input.ThemeIds, ModelState, "Input.ThemeIds", cancellationToken);
        var offerIsAvailableSecondee = Input.SecondmentOfferId is { } offerId
            && await Providers.SecondeeOffers.Available(db, regionId).AnyAsync(o => o.Id == offerId, cancellationToken);
        if (Input.SecondmentOfferId is not null && Input.Kind is { } chosen && chosen != PlacementKind.Secondment)
        {
            ModelState.AddModelError("Input.SecondmentOfferId", "Only a secondment takes up a secondee offer: choose \"None\" or the kind secondment");
        }
        else if (Input.SecondmentOfferId is not null && !offerIsAvailableSecondee)
        {
            ModelState.AddModelError("Input.SecondmentOfferId", "Select a secondee offer from the list");
        }
        if (Input.StartsOn is { } starts && Input.EndsOn is { } ends && ends <= starts)
        {
            ModelState.AddModelError("Input.EndsOn", "The end date must be after the start date");
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }
        try
        {
            var placementId = await db.InTransactionAsync(async ct =>
            {
                var placement = new Placement(regionId, Input.Kind!.Value, mentor!.Id, mentee!.Id, mentee.PartnershipId!.Value, Input.Goals,
                    Input.StartsOn!.Value, Input.EndsOn!.Value, Input.ThemeIds, null, Input.HostOrganisation, Input.TimeCommitment);
                placement.TakeUpSecondeeOffer(Input.SecondmentOfferId, offerIsAvailableSecondee);
                db.Placements.Add(placement);
                await db.SaveChangesAsync(ct);
                db.Audit(me.Id, "placement.paired-directly", placement);
                await PlacementEmails.QueueIntroductionsAsync(db, outbox, placement, ct);
                await db.SaveChangesAsync(ct);
                return placement.Id;
            }, cancellationToken);
            TempData.SetSuccess("The pairing is made and both people have been introduced by email.");
            return RedirectToPage("/Placements/Details", new { id = placementId });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(cancellationToken));
        }
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Placements);
        var regionId = me.RequiredRegionId;
        Mentors = await db.MentorProfiles.AsNoTracking().Where(m => m.RegionId == regionId && m.IsAvailable)
            .Join(db.Users.Where(u => u.IsActive), m => m.PersonId, u => u.Id, (m, u) => u)
            .OrderBy(u => u.DisplayName).Select(u => new SelectListItem(u.DisplayName, u.Id)).ToListAsync(cancellationToken);
        Mentees = await db.Users.AsNoTracking().Where(u => u.RegionId == regionId && u.IsActive && u.Role == Roles.LspStaff && u.PartnershipId != null)
            .OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName + " (" + db.Partnerships.Where(p => p.Id == u.PartnershipId).Select(p => p.Name).First() + ")", u.Id))
            .ToListAsync(cancellationToken);
        Themes = await ThemeChoices.ListAsync(db, cancellationToken);
        SecondeeOffers = await Providers.SecondeeOffers.Available(db, regionId).OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(cancellationToken);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Select the kind of support")]
        [EnumDataType(typeof(PlacementKind), ErrorMessage = "Select the kind of support")]
        [Display(Name = "kind of support")]
        public PlacementKind? Kind { get; set; }

        [Required(ErrorMessage = "Select who gives the support")]
        public string? MentorId { get; set; }

        [Required(ErrorMessage = "Select who receives the support")]
        public string? MenteeId { get; set; }

        [Display(Name = "themes")]
        public List<int> ThemeIds { get; set; } = [];

        [Required(ErrorMessage = "Enter the goals")]
        [StringLength(2000, ErrorMessage = "Goals must be 2,000 characters or fewer")]
        public string Goals { get; set; } = "";

        [Required(ErrorMessage = "Enter the start date")]
        [Display(Name = "start date")]
        public DateOnly? StartsOn { get; set; }

        [Required(ErrorMessage = "Enter the end date")]
        [Display(Name = "end date")]
        public DateOnly? EndsOn { get; set; }

        [StringLength(200, ErrorMessage = "The host organisation must be 200 characters or fewer")]
        public string? HostOrganisation { get; set; }

        [StringLength(200, ErrorMessage = "The time commitment must be 200 characters or fewer")]
        public string? TimeCommitment { get; set; }

        /// <summary>A secondment: the secondee offer on the provider register it takes up.</summary>
        [Display(Name = "secondee offer")]
        public int? SecondmentOfferId { get; set; }
    }
}
