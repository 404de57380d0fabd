using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Library;

/// <summary>Coordinators publish submitted case studies or return them with comments; published ones can be withdrawn.</summary>
public class ModerationModel(AppDbContext db, CurrentUser me, TimeProvider clock, Outbox outbox, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<Row> Submitted { get; private set; } = [];
    public IReadOnlyList<Row> Published { get; private set; } = [];

    /// <summary>From ?withdraw=: the published case study whose "Are you sure?" is shown.</summary>
    [BindProperty(SupportsGet = true)] public int? Withdraw { get; set; }

    [BindProperty] public int CaseStudyId { get; set; }
    [BindProperty] public string? Comments { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Library);
        var region = RegionRule.Visible(db.CaseStudies.AsNoTracking(), User, c => c.RegionId);
        Submitted = await region.Where(c => c.Status == CaseStudyStatus.Submitted).OrderBy(c => c.UpdatedAt).Select(Project()).ToListAsync(cancellationToken);
        Published = await region.Where(c => c.Status == CaseStudyStatus.Published).OrderByDescending(c => c.PublishedAt).Take(50).Select(Project()).ToListAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken) =>
        ActAsync(async (item, now, author, ct) =>
        {
            item.Publish(now);
            await db.SaveChangesAsync(ct);
            db.Audit(me.Id, "case-study.published", item);
            await outbox.QueueAsync(db, new OutgoingEmail($"case-study:{item.Id}:published", author.Email, author.Name, "case-study-published",
                new Dictionary<string, string?> { ["Title"] = item.Title, ["Link"] = outbox.PageLink("/Library/Details", new { slug = item.Slug }) }) { RegionId = item.RegionId }, ct);
            return $"{item.Title} is published.";
        }, cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(CancellationToken cancellationToken) =>
        ActAsync(async (item, now, author, ct) =>
        {
            if (string.IsNullOrWhiteSpace(Comments))
            {
                ModelState.AddModelError(nameof(Comments), "Enter comments for the author");
                throw new DomainException("Enter comments for the author");
            }
            item.Return(Comments, now);
            db.Audit(me.Id, "case-study.returned", item, Comments);
            await outbox.QueueAsync(db, new OutgoingEmail($"case-study:{item.Id}:returned:{now.Ticks}", author.Email, author.Name, "case-study-returned",
                new Dictionary<string, string?> { ["Title"] = item.Title, ["Comments"] = Comments, ["Link"] = outbox.PageLink("/Library/Write", new { id = item.Id }) }) { RegionId = item.RegionId }, ct);
            return $"{item.Title} has been returned to its author.";
        }, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellationToken) =>
        ActAsync((item, now, _, _) =>
        {
            item.Withdraw(now);
            db.Audit(me.Id, "case-study.withdrawn", item);
            return Task.FromResult($"{item.Title} has been withdrawn from the library.");
        }, cancellationToken);

    private async Task<IActionResult> ActAsync(Func<CaseStudy, DateTime, (string Email, string Name), CancellationToken, Task<string>> action,
        CancellationToken cancellationToken)
    {
        var item = await db.CaseStudies.SingleOrDefaultAsync(c => c.Id == CaseStudyId, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, CaseStudyRecord.Of(item), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        var author = await db.Users.AsNoTracking().Where(u => u.Id == item.AuthorId).Select(u => new { u.Email, u.DisplayName }).SingleAsync(cancellationToken);
        try
        {
            TempData.SetSuccess(await db.InTransactionAsync(async ct =>
            {
                var message = await action(item, clock.GetUtcNow().UtcDateTime, (author.Email!, author.DisplayName), ct);
                await db.SaveChangesAsync(ct);
                return message;
            }, cancellationToken));
            return RedirectToPage("/Library/Moderation");
        }
        catch (DomainException e)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError("", e.Message);
            }
            db.ChangeTracker.Clear();
            await OnGetAsync(cancellationToken);
            return Page();
        }
    }

    private System.Linq.Expressions.Expression<Func<CaseStudy, Row>> Project() => c => new Row(c.Id, c.Slug, c.Title, c.Summary, c.UpdatedAt,
        db.Users.Where(u => u.Id == c.AuthorId).Select(u => u.DisplayName).First());

    public sealed record Row(int Id, string Slug, string Title, string Summary, DateTime UpdatedAt, string Author);
}
