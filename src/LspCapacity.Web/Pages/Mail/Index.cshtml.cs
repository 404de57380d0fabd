using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Mail;

/// <summary>
/// What the service has emailed, what is waiting and what failed, with a retry for failures.
/// Coordinators see their region's email; account emails (password resets) only admins see.
/// </summary>
public class IndexModel(AppDbContext db, CurrentUser me, TimeProvider clock, IOutboxSignal signal, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public OutboxStatus? Status { get; set; }
    /// <summary>From ?page= (bound on the handler: "page" is also Razor Pages' own route value).</summary>
    public int PageNumber { get; private set; } = 1;

    public Paged<Row> Messages { get; private set; } = default!;
    public int FailedCount { get; private set; }
    public int PendingCount { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        PageNumber = Math.Max(1, page);
        ViewData.SetSection(SiteSection.Outbox);
        var visible = Visible();
        FailedCount = await visible.CountAsync(m => m.Status == OutboxStatus.Failed, cancellationToken);
        PendingCount = await visible.CountAsync(m => m.Status == OutboxStatus.Pending, cancellationToken);
        var query = Status is null ? visible : visible.Where(m => m.Status == Status);
        Messages = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Select(m => new Row(m.Id, m.ToAddress, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.SentAt, m.NextAttemptAt, m.LastError))
            .ToPagedAsync(PageNumber, 50, cancellationToken);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(message.RegionId), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        try
        {
            message.Retry(clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, async () =>
            {
                await OnGetAsync(1, cancellationToken);
                return Page();
            });
        }
        db.Audit(me.Id, "email.retried", message, message.DeduplicationKey);
        await db.SaveChangesAsync(cancellationToken);
        signal.EmailQueued();
        TempData.SetSuccess($"The email to {message.ToAddress} will be sent again.");
        return RedirectToPage("/Mail/Index", new { status = "Failed" });
    }

    private IQueryable<OutboxMessage> Visible()
    {
        return RegionRule.Visible(db.OutboxMessages.AsNoTracking(), User, m => m.RegionId);
    }

    public string PageUrl(int page) => Url.Page("/Mail/Index", new { status = Status })!.WithPageNumber(page);

    public sealed record Row(long Id, string To, string Subject, OutboxStatus Status, int Attempts, DateTime CreatedAt,
        DateTime? SentAt, DateTime NextAttemptAt, string? LastError);
}
