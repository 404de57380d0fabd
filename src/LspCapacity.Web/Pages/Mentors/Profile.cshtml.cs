using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Mentors;

/// <summary>A person's own mentor profile: mentors, and LSP staff who volunteer.</summary>
[Authorize(Policy = Policies.InARegion)]
public class ProfileModel(AppDbContext db, CurrentUser me) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];

    /// <summary>The person's active pairings as mentor: capacity cannot go below them.</summary>
    public int PairingsInUse { get; private set; }
    public IReadOnlyList<SelectListItem> Kinds { get; } = Enum.GetValues<PlacementKind>()
        .Select(k => new SelectListItem(k switch
        {
            PlacementKind.Shadowing => "Hosting someone to shadow me",
            PlacementKind.Secondment => "Hosting a secondment",
            _ => k.ToString(),
        }, ((int)k).ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var profile = await db.MentorProfiles.AsNoTracking().SingleOrDefaultAsync(m => m.PersonId == me.RequiredId, cancellationToken);
        Input = profile is null
            ? new InputModel { Capacity = 1, Available = true }
            : new InputModel
            {
                Organisation = profile.Organisation, Biography = profile.Biography, Capacity = profile.Capacity,
                Kinds = profile.Kinds.Select(k => (int)k).ToList(), ThemeIds = profile.ThemeIds, Available = profile.IsAvailable,
            };
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var regionId = me.RequiredRegionId;
        if (Input.Kinds.Count == 0 || Input.Kinds.Any(k => !Enum.IsDefined(typeof(PlacementKind), k)))
        {
            ModelState.AddModelError("Input.Kinds", "Select the kinds of support you offer");
        }
        await ThemeChoices.ValidateAsync(db, Input.ThemeIds, ModelState, "Input.ThemeIds", cancellationToken, "Select at least one theme of expertise");
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }
        PairingsInUse = await PairingsInUseAsync(cancellationToken);
        var profile = await db.MentorProfiles.SingleOrDefaultAsync(m => m.PersonId == me.RequiredId, cancellationToken);
        if (profile is null)
        {
            profile = new MentorProfile(me.RequiredId, regionId);
            db.MentorProfiles.Add(profile);
        }
        try
        {
            profile.Update(Input.Organisation, Input.Biography, Input.Capacity!.Value, PairingsInUse, Input.Kinds.Select(k => (PlacementKind)k), Input.ThemeIds, Input.Available);
            db.Audit(me.Id, "mentor.profile-saved", profile);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(cancellationToken), Input.Capacity < PairingsInUse ? "Input.Capacity" : "");
        }
        TempData.SetSuccess("Your mentor profile is saved. Coordinators will see you when they match requests.");
        return RedirectToPage("/Mentors/Index");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Placements);
        Themes = await ThemeChoices.ListAsync(db, cancellationToken);
        PairingsInUse = await PairingsInUseAsync(cancellationToken);
        return Page();
    }

    private Task<int> PairingsInUseAsync(CancellationToken cancellationToken) =>
        db.Placements.CountAsync(p => p.MentorId == me.RequiredId && p.Status == PlacementStatus.Active, cancellationToken);

    public sealed class InputModel
    {
        [StringLength(200, ErrorMessage = "Organisation must be 200 characters or fewer")]
        public string? Organisation { get; set; }

        [StringLength(2000, ErrorMessage = "The biography must be 2,000 characters or fewer")]
        public string? Biography { get; set; }

        [Required(ErrorMessage = "Enter how many pairings you can take at once")]
        [Range(0, 20, ErrorMessage = "Enter a number of pairings from 0 to 20")]
        [Display(Name = "number of pairings")]
        public int? Capacity { get; set; }

        [Display(Name = "kinds of support")]
        public List<int> Kinds { get; set; } = [];

        [Display(Name = "themes")]
        public List<int> ThemeIds { get; set; } = [];

        public bool Available { get; set; }
    }
}
