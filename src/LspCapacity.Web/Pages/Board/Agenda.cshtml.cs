using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Board;

/// <summary>A coordinator puts the region's open and deferred proposals on a meeting's agenda, or takes undecided ones off.</summary>
public class AgendaModel(AppDbContext db, CurrentUser me, TimeProvider clock, ReferenceData reference, IAuthorizationService authorization) : PageModel
{
    public const int PageSize = 25;

    public BoardMeeting Meeting { get; private set; } = default!;
    public IReadOnlyList<Row> OnAgenda { get; private set; } = [];
    public Paged<Row> Candidates { get; private set; } = default!;
    public IReadOnlyDictionary<int, string> Partnerships { get; private set; } = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        var meeting = await db.BoardMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, meeting, Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        return await ShowAsync(meeting, page, cancellationToken);
    }

    public Task<IActionResult> OnPostAddAsync(int id, int proposalId, CancellationToken cancellationToken) =>
        ChangeAsync(id, proposalId, (m, p, now) => m.AddToAgenda(p, now), "board.agenda.added", p => $"“{p.Title}” is on the agenda.", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(int id, int proposalId, CancellationToken cancellationToken) =>
        ChangeAsync(id, proposalId, (m, p, now) => m.RemoveFromAgenda(p, now), "board.agenda.removed", p => $"“{p.Title}” has been taken off the agenda.",
            cancellationToken);

    private async Task<IActionResult> ChangeAsync(int id, int proposalId, Action<BoardMeeting, Proposal, DateTime> change, string action,
        Func<Proposal, string> done, CancellationToken cancellationToken)
    {
        var meeting = await db.BoardMeetings.Include(m => m.Agenda).Include(m => m.Decisions).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, meeting, Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        var proposal = await db.Proposals.SingleOrDefaultAsync(p => p.Id == proposalId && p.RegionId == meeting.RegionId, cancellationToken);
        try
        {
            if (proposal is null)
            {
                throw new DomainException("Choose a proposal of this region.");
            }
            change(meeting, proposal, clock.GetUtcNow().UtcDateTime);
            db.Audit(me.Id, action, proposal);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(meeting, 1, cancellationToken));
        }
        catch (DbUpdateException)
        {
            // Another coordinator changed the proposal or this agenda at the same moment.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", "Someone else has just changed this proposal or agenda. Look again and try once more.");
            return await ShowAsync(meeting, 1, cancellationToken);
        }
        TempData.SetSuccess(done(proposal));
        return RedirectToPage("/Board/Agenda", new { id });
    }

    private async Task<IActionResult> ShowAsync(BoardMeeting meeting, int page, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Board);
        Meeting = meeting;
        Partnerships = await reference.PartnershipNamesAsync(db, cancellationToken);
        OnAgenda = await db.BoardAgendaItems.AsNoTracking().Where(a => a.MeetingId == meeting.Id)
            .Join(db.Proposals, a => a.ProposalId, p => p.Id, (a, p) => new { a.Position, p })
            .OrderBy(x => x.Position)
            .Select(x => new Row(x.p.Id, x.p.Title, x.p.PartnershipId, x.p.Status, db.ProposalEndorsements.Where(e => e.ProposalId == x.p.Id).Select(e => e.PartnershipId).Distinct().Count(),
                db.BoardDecisions.Any(d => d.MeetingId == meeting.Id && d.ProposalId == x.p.Id)))
            .ToListAsync(cancellationToken);
        Candidates = await db.Proposals.AsNoTracking()
            .Where(p => p.RegionId == meeting.RegionId && (p.Status == ProposalStatus.Open || p.Status == ProposalStatus.Deferred))
            .Select(p => new { p.Id, p.Title, p.PartnershipId, p.Status,
                Endorsers = db.ProposalEndorsements.Where(e => e.ProposalId == p.Id).Select(e => e.PartnershipId).Distinct().Count() })
            .OrderByDescending(x => x.Endorsers).ThenBy(x => x.Id)
            .Select(x => new Row(x.Id, x.Title, x.PartnershipId, x.Status, x.Endorsers, false))
            .ToPagedAsync(Math.Max(1, page), PageSize, cancellationToken);
        return Page();
    }

    public string PageUrl(int page) => Url.Page("/Board/Agenda", new { id = Meeting.Id })!.WithPageNumber(page);

    public sealed record Row(int Id, string Title, int PartnershipId, ProposalStatus Status, int EndorsingPartnerships, bool Decided);
}
