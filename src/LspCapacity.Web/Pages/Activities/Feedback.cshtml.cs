using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Activities;

/// <summary>An attendee's feedback on an activity they attended: once, after it has ended.</summary>
public class FeedbackModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Title { get; private set; } = "";
    public bool AlreadyGiven { get; private set; }

    public static readonly IReadOnlyList<SelectListItem> Scale =
    [
        new("1 – poor", "1"), new("2", "2"), new("3", "3"), new("4", "4"), new("5 – excellent", "5"),
    ];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var booking = await FindAsync(id, cancellationToken);
        return booking is null ? Forbid() : Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var booking = await FindAsync(id, cancellationToken);
        if (booking is null)
        {
            return Forbid();
        }
        if (AlreadyGiven)
        {
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        try
        {
            var feedback = new Feedback(booking.Value, Input.Usefulness!.Value, Input.Quality!.Value, Input.ApplyLocally, Input.Comments,
                clock.GetUtcNow().UtcDateTime);
            db.Feedback.Add(feedback);
            db.Audit(me.Id, "feedback.given", feedback);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db);
        }
        catch (DbUpdateException e) when (Transactions.IsLostRace(e))
        {
            // Submitted twice at once: the unique index kept the first.
        }
        TempData.SetSuccess("Thank you for your feedback.");
        return RedirectToPage("/Activities/Details", new { id });
    }

    /// <summary>The viewer's attended booking of this activity, once it has ended; null when they may not give feedback.</summary>
    private async Task<int?> FindAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Activities);
        var now = clock.GetUtcNow().UtcDateTime;
        var personId = me.RequiredId;
        // One live booking per person, so at most one confirmed place here.
        var found = await db.Bookings.AsNoTracking()
            .Where(BookingRule.Of(personId)).Where(b => b.ActivityId == id && b.Status == BookingStatus.Confirmed)
            .Select(b => new { b.Id, b.PersonId, b.Activity!.RegionId, b.Status, b.Attendance, b.Activity.EndsAt, b.Activity.Title, Given = db.Feedback.Any(f => f.BookingId == b.Id) })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || !(await authorization.AuthorizeAsync(User, new BookingRecord(found.PersonId, found.RegionId), Operations.Change)).Succeeded
            || !Booking.CanGiveFeedback(found.Status, found.Attendance, found.EndsAt, now))
        {
            return null;
        }
        Title = found.Title;
        AlreadyGiven = found.Given;
        return found.Id;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Select how useful it was")]
        [Range(1, 5, ErrorMessage = "Select how useful it was, from 1 to 5")]
        public int? Usefulness { get; set; }

        [Required(ErrorMessage = "Select how good the content and delivery were")]
        [Range(1, 5, ErrorMessage = "Select how good the content and delivery were, from 1 to 5")]
        public int? Quality { get; set; }

        [Required(ErrorMessage = "Enter what you will apply locally")]
        [StringLength(2000, ErrorMessage = "This must be 2,000 characters or fewer")]
        public string ApplyLocally { get; set; } = "";

        [StringLength(2000, ErrorMessage = "Comments must be 2,000 characters or fewer")]
        public string? Comments { get; set; }
    }
}
