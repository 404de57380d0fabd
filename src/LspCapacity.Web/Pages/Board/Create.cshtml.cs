using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LspCapacity.Web.Pages.Board;

/// <summary>A coordinator sets up a board meeting of their region: when (UK time) and where, and its papers.</summary>
[Authorize(Policy = Policies.Coordinator)]
[Authorize(Policy = Policies.InARegion)]
public class CreateModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty] public MeetingInput Input { get; set; } = new();

    public IActionResult OnGet()
    {
        ViewData.SetSection(SiteSection.Board);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Board);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var meeting = default(BoardMeeting);
        try
        {
            meeting = new BoardMeeting(me.RequiredRegionId, UkTime.ToUtc(Input.Date!.Value.ToDateTime(Input.Time!.Value)), Input.Place!, Input.Papers,
                me.RequiredId, clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db);
        }
        db.BoardMeetings.Add(meeting);
        db.Audit(me.Id, "board.meeting.created", meeting);
        await db.SaveChangesAsync(cancellationToken);
        TempData.SetSuccess("The meeting has been set up. Now put proposals on its agenda.");
        return RedirectToPage("/Board/Meeting", new { id = meeting.Id });
    }

    public sealed class MeetingInput
    {
        [Required(ErrorMessage = "Enter the date of the meeting")]
        [Display(Name = "meeting date")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Enter the time the meeting starts")]
        [Display(Name = "start time")]
        public TimeOnly? Time { get; set; }

        [Required(ErrorMessage = "Enter where the meeting is")]
        [StringLength(300, ErrorMessage = "The place must be 300 characters or fewer")]
        public string? Place { get; set; }

        [StringLength(20000, ErrorMessage = "The papers must be 20,000 characters or fewer")]
        public string? Papers { get; set; }
    }
}
