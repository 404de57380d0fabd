using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Proposals;

/// <summary>
/// One proposal: the need with the needs-analysis evidence beside it, the endorsements grouped by partnership, and
/// the endorse form for staff of the region's other partnerships (endorse, change, withdraw). A fixed number of
/// queries whatever the number of endorsements.
/// </summary>
public class DetailsModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization, ReferenceData reference,
    Outbox outbox, FiguresCache cache) : PageModel
{
    [BindProperty] public EndorseInput Endorsement { get; set; } = new();

    public Proposal Proposal { get; private set; } = default!;
    public string Partnership { get; private set; } = "";
    public string ProposedBy { get; private set; } = "";
    public NeedEvidence Evidence { get; private set; } = default!;
    public IReadOnlyList<(int Id, string Name)> Themes { get; private set; } = [];
    public IReadOnlyList<PartnershipEndorsements> Endorsements { get; private set; } = [];
    public bool CanChange { get; private set; }

    /// <summary>The signed-in person's own endorsement, if they have made one.</summary>
    public ProposalEndorsement? Mine { get; private set; }

    /// <summary>The person is staff of the proposer's own partnership: the proposal is already theirs.</summary>
    public bool IsOwnPartnership => me.PartnershipId == Proposal.PartnershipId;

    /// <summary>The endorse form is offered: staff of another partnership of the region, while undecided.</summary>
    public bool CanEndorse => me.IsLspStaff && me.PartnershipId is not null && !IsOwnPartnership && me.RegionId == Proposal.RegionId && !Proposal.IsDecided;

    public string PartnershipName(int id) => _partnershipNames.GetValueOrDefault(id, "");

    private IReadOnlyDictionary<int, string> _partnershipNames = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: false, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (Mine is { } mine)
        {
            Endorsement = new EndorseInput
            {
                Kinds = ProposalLabels.EveryEndorsementKind.Where(k => mine.Kinds.HasFlag(k)).ToList(),
                Comment = mine.Comment,
            };
        }
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostEndorseAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: true, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (Endorsement.Kinds.Count == 0 && CanEndorse)
        {
            ModelState.AddModelError($"{nameof(Endorsement)}.{nameof(EndorseInput.Kinds)}",
                "Select at least one: you need it too, you would come, or you can co-deliver");
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }
        var first = Mine is null;
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var kinds = Endorsement.Kinds.Aggregate(EndorsementKinds.None, (all, k) => all | k);
            // Whether this person's partnership is new behind the proposal: then the proposer hears of it.
            var partnershipIsNew = me.PartnershipId is { } partnershipId
                && !await db.ProposalEndorsements.AnyAsync(e => e.ProposalId == id && e.PartnershipId == partnershipId, cancellationToken);
            var endorsement = Proposal.Endorse(Mine, me.RequiredId, me.PartnershipId, me.RegionId, kinds, Endorsement.Comment, now);
            if (first)
            {
                db.ProposalEndorsements.Add(endorsement);
            }
            if (partnershipIsNew)
            {
                await QueueEndorsedEmailAsync(endorsement, cancellationToken);
            }
            db.Audit(me.Id, first ? "proposal.endorsed" : "proposal.endorsement-changed", Proposal);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            this.Refused(e, db);
            return await ReloadAsync(id, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person endorsed twice at once (the unique index holds): the other request won.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", "You have already endorsed this proposal. Change your endorsement below.");
            return await ReloadAsync(id, cancellationToken);
        }
        TempData.SetSuccess(first ? $"You have endorsed the proposal for {PartnershipName(me.PartnershipId ?? 0)}." : "Your endorsement has been changed.");
        return RedirectToPage("/Proposals/Details", new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: true, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        if (Mine is not { } mine)
        {
            TempData.SetSuccess("You had not endorsed this proposal.");
            return RedirectToPage("/Proposals/Details", new { id });
        }
        try
        {
            Proposal.WithdrawEndorsement(mine, me.RequiredId);
            db.ProposalEndorsements.Remove(mine);
            db.Audit(me.Id, "proposal.endorsement-withdrawn", Proposal);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            this.Refused(e, db);
            return await ReloadAsync(id, cancellationToken);
        }
        TempData.SetSuccess("Your endorsement has been withdrawn.");
        return RedirectToPage("/Proposals/Details", new { id });
    }

    /// <summary>Loads the proposal and the person's own endorsement, after checking they may read it (people of its region).</summary>
    private async Task<IActionResult?> LoadAsync(int id, bool tracked, CancellationToken cancellationToken)
    {
        var proposal = await (tracked ? db.Proposals : db.Proposals.AsNoTracking()).Include(p => p.Themes)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return NotFound();
        }
        if (!(await authorization.AuthorizeAsync(User, proposal, Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        Proposal = proposal;
        var personId = me.RequiredId;
        Mine = await (tracked ? db.ProposalEndorsements : db.ProposalEndorsements.AsNoTracking())
            .SingleOrDefaultAsync(e => e.ProposalId == id && e.UserId == personId, cancellationToken);
        _partnershipNames = await reference.PartnershipNamesAsync(db, cancellationToken);
        return null;
    }

    private async Task<IActionResult> ReloadAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, tracked: false, cancellationToken) ?? await ShowAsync(cancellationToken);

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Proposals);
        var proposal = Proposal;
        CanChange = (await authorization.AuthorizeAsync(User, proposal, Operations.Change)).Succeeded;
        Partnership = PartnershipName(proposal.PartnershipId);
        var themeNames = await reference.ThemeNamesAsync(db, cancellationToken);
        Themes = proposal.Themes.Select(t => (t.ThemeId, themeNames.GetValueOrDefault(t.ThemeId, ""))).OrderBy(t => t.Item2).ToList();
        Evidence = await NeedEvidence.LoadAsync(db, cache, proposal.RegionId, cancellationToken);
        var endorsements = await db.ProposalEndorsements.AsNoTracking().Where(e => e.ProposalId == proposal.Id)
            .Join(db.Users, e => e.UserId, u => u.Id, (e, u) => new { e.PartnershipId, e.Kinds, e.Comment, e.CreatedAt, u.DisplayName })
            .ToListAsync(cancellationToken);
        Endorsements = endorsements.GroupBy(e => e.PartnershipId)
            .Select(g => new PartnershipEndorsements(PartnershipName(g.Key),
                g.OrderBy(e => e.CreatedAt).Select(e => new PersonEndorsement(e.DisplayName, e.Kinds, e.Comment, e.CreatedAt)).ToList()))
            .OrderBy(p => p.People.Min(e => e.At)).ToList();
        ProposedBy = await db.Users.AsNoTracking().Where(u => u.Id == proposal.ProposedById).Select(u => u.DisplayName).SingleAsync(cancellationToken);
        return Page();
    }

    /// <summary>Tells the proposer that another partnership is behind their proposal: once per partnership (the key).</summary>
    private async Task QueueEndorsedEmailAsync(ProposalEndorsement endorsement, CancellationToken cancellationToken)
    {
        var proposer = await db.Users.AsNoTracking().Where(u => u.Id == Proposal.ProposedById && u.IsActive)
            .Select(u => new { u.Email, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (proposer?.Email is null)
        {
            return;
        }
        var partnerships = await db.ProposalEndorsements.Where(e => e.ProposalId == Proposal.Id).Select(e => e.PartnershipId).Distinct()
            .CountAsync(cancellationToken) + 1;
        await outbox.QueueAsync(db, new OutgoingEmail($"proposal:{Proposal.Id}:endorsed:{endorsement.PartnershipId}", proposer.Email, proposer.DisplayName,
            "proposal-endorsed", new Dictionary<string, string?>
            {
                ["Title"] = Proposal.Title,
                ["PartnershipName"] = PartnershipName(endorsement.PartnershipId),
                ["Said"] = ProposalLabels.Endorsements(endorsement.Kinds),
                ["Comment"] = endorsement.Comment is { } comment ? $"Their comment: {comment}" : "",
                ["Count"] = partnerships == 1 ? "1 partnership" : $"{partnerships} partnerships",
                ["Link"] = outbox.PageLink("/Proposals/Details", new { id = Proposal.Id }),
            }) { RegionId = Proposal.RegionId }, cancellationToken);
    }

    public sealed class EndorseInput
    {
        public List<EndorsementKinds> Kinds { get; set; } = [];

        [System.ComponentModel.DataAnnotations.StringLength(2000, ErrorMessage = "The comment must be 2,000 characters or fewer")]
        public string? Comment { get; set; }
    }

    public sealed record PersonEndorsement(string Name, EndorsementKinds Kinds, string? Comment, DateTime At);

    public sealed record PartnershipEndorsements(string Partnership, IReadOnlyList<PersonEndorsement> People);
}
