using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using LspCapacity.Web.Pages.Activities;
using LspCapacity.Web.Pages.Projects;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.My;

/// <summary>A person says which of their partnership's supported projects one of their places is for (or none), after booking.</summary>
public class BookingProjectModel(AppDbContext db, CurrentUser me, IAuthorizationService authorization) : PageModel
{
    public const string None = "none";

    /// <summary>The project's id, or <see cref="None"/>.</summary>
    [BindProperty] public string? Choice { get; set; }

    public View Booking { get; private set; } = default!;
    public IReadOnlyList<SelectListItem> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var refusal = await LoadAsync(id, cancellationToken);
        Choice ??= Booking?.ProjectId?.ToString() ?? None;
        return refusal ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        int? projectId = null;
        if (Choice is null)
        {
            ModelState.AddModelError(nameof(Choice), "Select a project, or “None”");
        }
        else if (Choice != None)
        {
            if (int.TryParse(Choice, out var parsed)) projectId = parsed;
            else ModelState.AddModelError(nameof(Choice), "Select a project from the list");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var booking = await db.Bookings.SingleAsync(b => b.Id == id, cancellationToken);
        try
        {
            booking.ServeProject(await SupportLinks.RequireAsync(db, projectId, cancellationToken));
        }
        catch (DomainException e)
        {
            this.Refused(e, db, nameof(Choice));
            return Page();
        }
        db.Audit(me.Id, "booking.project-chosen", booking, projectId?.ToString() ?? "none");
        await db.SaveChangesAsync(cancellationToken);
        TempData.SetSuccess(projectId is null
            ? $"Your place on {Booking.Title} is no longer linked to a project."
            : $"Your place on {Booking.Title} is for “{Choices.FirstOrDefault(c => c.Value == Choice)?.Text ?? "your project"}”.");
        return RedirectToPage("/My/Bookings");
    }

    /// <summary>The booking (the signed-in person's own) and the choices; a refusal when it is not theirs.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.MyBookings);
        var booking = await db.Bookings.AsNoTracking().Where(b => b.Id == id)
            .Select(b => new View(b.Id, b.PersonId, b.PartnershipId, b.ActivityId, b.Activity!.Title, b.Activity.StartsAt, b.ProjectId, b.Activity.RegionId))
            .SingleOrDefaultAsync(cancellationToken);
        if (booking is null)
        {
            return NotFound();
        }
        // A booking is its person's: the place and what it is for.
        if (!(await authorization.AuthorizeAsync(User, new BookingRecord(booking.PersonId, booking.RegionId), Operations.Change)).Succeeded)
        {
            return Forbid();
        }
        Booking = booking;
        var choices = await SupportLinks.ChoicesAsync(db, booking.PartnershipId, closedToo: false, cancellationToken);
        Choices = [.. choices, new SelectListItem("None: not for a supported project", None)];
        return null;
    }

    public sealed record View(int Id, string PersonId, int? PartnershipId, int ActivityId, string Title, DateTime StartsAt, int? ProjectId, int RegionId);
}
