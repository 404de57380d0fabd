using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Needs.Surveys;

/// <summary>
/// One survey: its questions; for coordinators, opening it (which invites every partnership's staff),
/// closing it, and each partnership's response status with a reopen action.
/// </summary>
public class DetailsModel(AppDbContext db, CurrentUser me, TimeProvider clock, Outbox outbox, IAuthorizationService authorization) : PageModel
{
    public Survey Survey { get; private set; } = default!;
    public IReadOnlyList<PartnershipStatus> Responses { get; private set; } = [];
    public ResponseStatus? Mine { get; private set; }

    [BindProperty] public OpenInput Open { get; set; } = new();
    [BindProperty] public int PartnershipId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        Open = new OpenInput { OpensOn = today, ClosesOn = today.AddDays(28) };
        ModelState.Clear();
        return await ShowAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostOpenAsync(int id, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, cancellationToken);
        }
        if (Open.ClosesOn < Open.OpensOn)
        {
            ModelState.AddModelError("Open.ClosesOn", "The close date must be on or after the open date");
            return await ShowAsync(id, cancellationToken);
        }
        if (Open.ClosesOn == DateOnly.MaxValue)
        {
            // The survey closes at the end of that day, which no date can hold.
            ModelState.AddModelError("Open.ClosesOn", $"The close date must be before {UkTime.Date(DateOnly.MaxValue)}");
            return await ShowAsync(id, cancellationToken);
        }
        return await CoordinatorActionAsync(id, async (survey, now, ct) =>
        {
            survey.Open(UkTime.ToUtc(Open.OpensOn!.Value.ToDateTime(TimeOnly.MinValue)),
                UkTime.ToUtc(Open.ClosesOn!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue)), now);
            db.Audit(me.Id, "survey.opened", survey);
            var regionName = await db.Regions.Where(r => r.Id == survey.RegionId).Select(r => r.NameInSentence ?? r.Name).SingleAsync(ct);
            var staff = await db.Users.AsNoTracking()
                .Where(u => u.RegionId == survey.RegionId && u.IsActive && u.Role == Roles.LspStaff && u.PartnershipId != null)
                .Join(db.Partnerships.Where(p => p.IsActive), u => u.PartnershipId, p => p.Id, (u, p) => new { u.Id, u.Email, u.DisplayName, Partnership = p.Name })
                .ToListAsync(ct);
            foreach (var person in staff)
            {
                await outbox.QueueAsync(db, new OutgoingEmail($"survey:{survey.Id}:invitation:{person.Id}", person.Email!, person.DisplayName,
                    "survey-invitation", new Dictionary<string, string?>
                    {
                        ["Title"] = survey.Title,
                        ["RegionName"] = regionName,
                        ["PartnershipName"] = person.Partnership,
                        ["ClosesOn"] = UkTime.Date(Open.ClosesOn!.Value),
                        ["Link"] = outbox.PageLink("/Needs/Surveys/Response", new { id = survey.Id }),
                    }) { RegionId = survey.RegionId }, ct);
            }
            return $"The survey is open. {staff.Count} {(staff.Count == 1 ? "person has" : "people have")} been invited to answer for their partnership.";
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return CoordinatorActionAsync(id, (survey, now, _) =>
        {
            survey.Close(now);
            db.Audit(me.Id, "survey.closed", survey);
            return Task.FromResult("The survey is closed. It accepts no more answers.");
        }, cancellationToken);
    }

    public Task<IActionResult> OnPostReopenAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return CoordinatorActionAsync(id, async (survey, now, ct) =>
        {
            var response = await db.SurveyResponses.SingleOrDefaultAsync(r => r.SurveyId == survey.Id && r.PartnershipId == PartnershipId, ct)
                           ?? throw new DomainException("That partnership has no response to reopen.");
            response.Reopen(survey, now);
            db.Audit(me.Id, "survey.response-reopened", response);
            return "The response is reopened: the partnership's staff can change it and submit it again.";
        }, cancellationToken);
    }

    private async Task<IActionResult> CoordinatorActionAsync(int id, Func<Survey, DateTime, CancellationToken, Task<string>> action,
        CancellationToken cancellationToken)
    {
        var survey = await db.Surveys.Include(s => s.Sections).ThenInclude(s => s.Questions).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (survey is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(survey.RegionId), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        try
        {
            TempData.SetSuccess(await action(survey, clock.GetUtcNow().UtcDateTime, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            return RedirectToPage("/Needs/Surveys/Details", new { id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(id, cancellationToken));
        }
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Needs);
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Sections).ThenInclude(s => s.Questions).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (survey is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(survey.RegionId, survey.Status == SurveyStatus.Draft), Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        Survey = survey;
        if (me.IsCoordinator)
        {
            Responses = await db.Partnerships.AsNoTracking().Where(p => p.RegionId == survey.RegionId && p.IsActive).OrderBy(p => p.Name)
                .Select(p => new PartnershipStatus(p.Id, p.Name,
                    db.SurveyResponses.Where(r => r.SurveyId == id && r.PartnershipId == p.Id).Select(r => (ResponseStatus?)r.Status).FirstOrDefault(),
                    db.SurveyResponses.Where(r => r.SurveyId == id && r.PartnershipId == p.Id).Select(r => r.SubmittedAt).FirstOrDefault()))
                .ToListAsync(cancellationToken);
        }
        if (me.PartnershipId is { } partnershipId)
        {
            Mine = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == id && r.PartnershipId == partnershipId)
                .Select(r => (ResponseStatus?)r.Status).FirstOrDefaultAsync(cancellationToken);
        }
        return Page();
    }

    public sealed class OpenInput
    {
        [Required(ErrorMessage = "Enter the date the survey opens")]
        [Display(Name = "open date")]
        public DateOnly? OpensOn { get; set; }

        [Required(ErrorMessage = "Enter the date the survey closes")]
        [Display(Name = "close date")]
        public DateOnly? ClosesOn { get; set; }
    }

    public sealed record PartnershipStatus(int Id, string Name, ResponseStatus? Status, DateTime? SubmittedAt);
}
