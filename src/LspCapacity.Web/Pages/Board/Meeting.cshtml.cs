using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Board;

/// <summary>
/// One board meeting. Everyone of the region sees when it is (and, once it has been held, its decisions, which
/// the log publishes); the board (members and coordinators) sees its place, papers and agenda with each
/// proposal's evidence; coordinators record the decisions, which are emailed to the proposer and endorsers,
/// and an approval makes a draft activity prefilled from the proposal.
/// </summary>
public class MeetingModel(AppDbContext db, CurrentUser me, TimeProvider clock, Outbox outbox, ReferenceData reference,
    IAuthorizationService authorization) : PageModel
{
    [BindProperty] public DecisionInput Input { get; set; } = new();

    public BoardMeeting Meeting { get; private set; } = default!;
    public bool CanReadPapers { get; private set; }
    public bool CanManage { get; private set; }
    public bool HasStarted { get; private set; }
    public IReadOnlyList<AgendaRow> Agenda { get; private set; } = [];
    public IReadOnlyList<BoardQueries.DecisionRow> Decisions { get; private set; } = [];
    public string? Survey { get; private set; }
    public IReadOnlyDictionary<int, string> Partnerships { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<SelectListItem> Undecided { get; private set; } = [];
    public IReadOnlyList<SelectListItem> MergeTargets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "proposal")] int? proposal, CancellationToken cancellationToken)
    {
        var meeting = await db.BoardMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, meeting, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        Input.ProposalId = proposal;
        return await ShowAsync(meeting, cancellationToken);
    }

    public async Task<IActionResult> OnPostDecideAsync(int id, CancellationToken cancellationToken)
    {
        var found = await db.BoardMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, found, Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        if (Input.Outcome != DecisionOutcome.Approved)
        {
            ModelState.Remove($"{nameof(Input)}.{nameof(DecisionInput.Budget)}");
        }
        if (Input.Outcome == DecisionOutcome.Approved && Input.Budget is null && ModelState[$"{nameof(Input)}.{nameof(DecisionInput.Budget)}"]?.Errors.Count is null or 0)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(DecisionInput.Budget)}", "Enter the approved budget (0 if it needs none)");
        }
        if (Input.Outcome == DecisionOutcome.Merged && Input.MergeIntoId is null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(DecisionInput.MergeIntoId)}", "Choose the proposal it is merged into");
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(found, cancellationToken);
        }
        string done;
        try
        {
            done = await db.InTransactionAsync(ct => DecideAsync(id, ct), cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(found, cancellationToken));
        }
        TempData.SetSuccess(done);
        return RedirectToPage("/Board/Meeting", new { id });
    }

    /// <summary>The decision's unit of work: run again from a clean context if another coordinator's save got there first.</summary>
    private async Task<string> DecideAsync(int id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var meeting = await db.BoardMeetings.Include(m => m.Agenda).Include(m => m.Decisions).SingleAsync(m => m.Id == id, cancellationToken);
        var proposal = await db.Proposals.Include(p => p.Themes)
            .SingleOrDefaultAsync(p => p.Id == Input.ProposalId && p.RegionId == meeting.RegionId, cancellationToken)
            ?? throw new FieldException($"{nameof(Input)}.{nameof(DecisionInput.ProposalId)}", "Choose a proposal on this meeting's agenda.");
        var mergeInto = Input.Outcome == DecisionOutcome.Merged
            ? await db.Proposals.SingleOrDefaultAsync(p => p.Id == Input.MergeIntoId && p.RegionId == meeting.RegionId, cancellationToken)
                ?? throw new FieldException($"{nameof(Input)}.{nameof(DecisionInput.MergeIntoId)}", "Choose a proposal of this region to merge it into.")
            : null;
        var decision = meeting.RecordDecision(proposal, Input.Outcome!.Value, Input.Budget, mergeInto, Input.Reasons, me.RequiredId, now);
        db.Audit(me.Id, $"board.decision.{decision.Outcome.ToString().ToLowerInvariant()}", proposal);
        await BoardEmails.QueueDecisionAsync(db, outbox, meeting, proposal, decision, mergeInto?.Title, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (decision.Outcome != DecisionOutcome.Approved)
        {
            return $"The decision about “{proposal.Title}” has been recorded and the proposer and endorsers told by email.";
        }
        var activity = ProposedActivity.Draft(proposal, now);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        proposal.BecameActivity(activity.Id);
        await db.SaveChangesAsync(cancellationToken);
        return $"“{proposal.Title}” has been approved, the proposer and endorsers told by email, and a draft activity made from it for you to finish.";
    }

    private async Task<IActionResult> ShowAsync(BoardMeeting meeting, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Board);
        Meeting = meeting;
        HasStarted = !meeting.IsBefore(clock.GetUtcNow().UtcDateTime);
        CanReadPapers = (await authorization.AuthorizeAsync(User, meeting, BoardOperations.ReadPapers)).Succeeded;
        CanManage = (await authorization.AuthorizeAsync(User, meeting, Operations.Manage)).Succeeded;
        if (CanReadPapers || HasStarted)
        {
            Decisions = await BoardQueries.Decisions(db, meeting.RegionId, meeting.Id).ToListAsync(cancellationToken);
            Partnerships = await reference.PartnershipNamesAsync(db, cancellationToken);
        }
        if (!CanReadPapers)
        {
            return Page();
        }
        var rows = await db.BoardAgendaItems.AsNoTracking().Where(a => a.MeetingId == meeting.Id)
            .Join(db.Proposals, a => a.ProposalId, p => p.Id, (a, p) => new { a.Position, p })
            .OrderBy(x => x.Position)
            .Select(x => new
            {
                x.p.Id, x.p.Title, x.p.PartnershipId, x.p.Kind, x.p.Status, x.p.Need, x.p.WhoWouldCome, x.p.HostOffer, x.p.RoughCost,
                Endorsers = db.ProposalEndorsements.Where(e => e.ProposalId == x.p.Id).Select(e => e.PartnershipId).Distinct().Count(),
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var themes = await db.Proposals.AsNoTracking().Where(p => ids.Contains(p.Id))
            .SelectMany(p => p.Themes, (p, t) => new { p.Id, t.ThemeId }).ToListAsync(cancellationToken);
        var themeNames = await reference.ThemeNamesAsync(db, cancellationToken);
        var (survey, highNeeds) = await BoardQueries.HighNeedsAsync(db, meeting.RegionId, cancellationToken);
        Survey = survey;
        var decided = Decisions.Select(d => d.ProposalId).ToHashSet();
        Agenda = rows.Select(r => new AgendaRow(r.Id, r.Title, Partnerships.GetValueOrDefault(r.PartnershipId, ""), r.Kind, r.Status, r.Need,
            r.WhoWouldCome, r.HostOffer, r.RoughCost, r.Endorsers,
            themes.Where(t => t.Id == r.Id).Select(t => new ThemeEvidence(themeNames.GetValueOrDefault(t.ThemeId, ""), highNeeds.GetValueOrDefault(t.ThemeId)))
                .OrderByDescending(t => t.HighNeeds).ThenBy(t => t.Theme).ToList(),
            Decisions.FirstOrDefault(d => d.ProposalId == r.Id))).ToList();
        if (CanManage)
        {
            Undecided = Agenda.Where(a => !decided.Contains(a.Id) && a.Status == ProposalStatus.OnAgenda)
                .Select(a => new SelectListItem(a.Title, a.Id.ToString(UkTime.Culture))).ToList();
            MergeTargets = await db.Proposals.AsNoTracking()
                .Where(p => p.RegionId == meeting.RegionId
                            && (p.Status == ProposalStatus.Open || p.Status == ProposalStatus.OnAgenda || p.Status == ProposalStatus.Deferred))
                .OrderBy(p => p.Title).Take(200)
                .Select(p => new SelectListItem(p.Title, p.Id.ToString(UkTime.Culture))).ToListAsync(cancellationToken);
        }
        return Page();
    }

    public sealed record ThemeEvidence(string Theme, int HighNeeds);

    public sealed record AgendaRow(int Id, string Title, string Partnership, ProposalKind Kind, ProposalStatus Status, string Need,
        string WhoWouldCome, HostOffer HostOffer, decimal? RoughCost, int EndorsingPartnerships, IReadOnlyList<ThemeEvidence> Themes,
        BoardQueries.DecisionRow? Decision);

    public sealed class DecisionInput
    {
        [Required(ErrorMessage = "Choose the proposal the decision is about")]
        [Display(Name = "proposal")]
        public int? ProposalId { get; set; }

        [Required(ErrorMessage = "Choose the decision")]
        [EnumDataType(typeof(DecisionOutcome), ErrorMessage = "Choose the decision")]
        [Display(Name = "decision")]
        public DecisionOutcome? Outcome { get; set; }

        [Range(typeof(decimal), "0", "100000000", ErrorMessage = "The approved budget must be £0 or more")]
        [Display(Name = "approved budget")]
        public decimal? Budget { get; set; }

        [Display(Name = "proposal it is merged into")]
        public int? MergeIntoId { get; set; }

        [Required(ErrorMessage = "Enter the reasons for the decision")]
        [StringLength(4000, ErrorMessage = "The reasons must be 4,000 characters or fewer")]
        public string? Reasons { get; set; }
    }
}
