using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Reviews;

/// <summary>The review's report on one page, laid out to print: summary, findings and recommendations per theme, the action plan.</summary>
public class ReportModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    public ReviewAccess.Header Review { get; private set; } = default!;
    public ReportQueries.Report Report { get; private set; } = default!;
    public IReadOnlyList<ActionsModel.PlanRow> Plan { get; private set; } = [];
    public string? Scope { get; private set; }
    public DateOnly? ReportAgreedOn { get; private set; }
    public DateOnly? ProgressReviewOn { get; private set; }
    public string? AgreedBy { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Reviews);
        if (await ReviewAccess.LoadAsync(db, me, id, cancellationToken) is not { } loaded)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, loaded.Review, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        Review = loaded.Review;
        var head = await db.PeerReviews.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Scope, r.ReportAgreedOn, r.ProgressReviewOn, By = db.Users.Where(u => u.Id == r.ReportAgreedById).Select(u => u.DisplayName).FirstOrDefault() })
            .SingleAsync(cancellationToken);
        (Scope, ReportAgreedOn, ProgressReviewOn, AgreedBy) = (head.Scope, head.ReportAgreedOn, head.ProgressReviewOn, head.By);
        Report = await ReportQueries.LoadAsync(db, id, cancellationToken);
        Plan = await ActionsModel.PlanAsync(db, id, cancellationToken);
        Today = UkTime.Today(clock);
        return Page();
    }
}
