using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages;

/// <summary>Home: an introduction for visitors; for people signed in, their programme and what needs them.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicPageCache.StaticPolicy)] // visitors only
public class IndexModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public ProgrammeSummary? Programme { get; private set; }
    public IReadOnlyList<string> Objectives { get; private set; } = [];
    public RegionFigures? Figures { get; private set; }
    public PartnershipCard? MyPartnership { get; private set; }
    public IReadOnlyList<NextBooking> Bookings { get; private set; } = [];
    public IReadOnlyList<OpenSurvey> Surveys { get; private set; } = [];
    public WorkWaiting? Waiting { get; private set; }
    public IReadOnlyList<MyReview> Reviews { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Home);
        if (me.IsProviderContact)
        {
            await LoadProviderHomeAsync(cancellationToken);
            return;
        }
        if (!me.IsSignedIn || me.RegionId is not { } regionId)
        {
            return;
        }

        var today = UkTime.Today(clock);
        Programme = await db.Programmes.AsNoTracking()
            .Where(p => p.RegionId == regionId)
            .OrderByDescending(p => p.StartsOn <= today && p.EndsOn >= today).ThenByDescending(p => p.StartsOn)
            .Select(p => new ProgrammeSummary(p.Id, p.Name, p.Aim, p.StartsOn, p.EndsOn, p.Budget, p.Region!.Name))
            .FirstOrDefaultAsync(cancellationToken);
        if (Programme is not null)
        {
            Objectives = await db.Programmes.AsNoTracking().Where(p => p.Id == Programme.Id)
                .SelectMany(p => p.Objectives).OrderBy(o => o.Position).Select(o => o.Text)
                .ToListAsync(cancellationToken);
        }

        var utcNow = clock.GetUtcNow().UtcDateTime;
        var personId = me.RequiredId;
        Bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.PersonId == personId && b.Activity!.StartsAt > utcNow
                        && (b.Status == Domain.Activities.BookingStatus.Confirmed || b.Status == Domain.Activities.BookingStatus.Waitlisted || b.Status == Domain.Activities.BookingStatus.Requested))
            .OrderBy(b => b.Activity!.StartsAt).Take(3)
            .Select(b => new NextBooking(b.ActivityId, b.Activity!.Title, b.Activity.StartsAt, b.Status))
            .ToListAsync(cancellationToken);
        var partnership = me.PartnershipId;
        Surveys = await db.Surveys.AsNoTracking()
            .Where(s => s.RegionId == regionId && s.Status == Domain.Needs.SurveyStatus.Open && s.ClosesAt > utcNow)
            .Select(s => new OpenSurvey(s.Id, s.Title, s.ClosesAt!.Value,
                partnership != null && db.SurveyResponses.Any(r => r.SurveyId == s.Id && r.PartnershipId == partnership && r.Status == Domain.Needs.ResponseStatus.Submitted)))
            .ToListAsync(cancellationToken);

        Reviews = await db.PeerReviews.AsNoTracking()
            .Where(r => r.Stage != Domain.Reviews.ReviewStage.Closed && (r.HostPartnershipId == partnership || r.Team.Any(m => m.PersonId == personId)))
            .OrderBy(r => r.Stage).ThenBy(r => r.OnSiteStartsOn).Take(3)
            .Select(r => new MyReview(r.Id, db.Partnerships.Where(p => p.Id == r.HostPartnershipId).Select(p => p.Name).First(), r.Stage))
            .ToListAsync(cancellationToken);

        if (me.IsCoordinator)
        {
            Waiting = new WorkWaiting(
                await db.SupportRequests.AsNoTracking().CountAsync(r => r.RegionId == regionId && r.Status == Domain.Placements.RequestStatus.Open, cancellationToken),
                await db.CaseStudies.AsNoTracking().CountAsync(c => c.RegionId == regionId && c.Status == Domain.Library.CaseStudyStatus.Submitted, cancellationToken),
                await db.Bookings.AsNoTracking().CountAsync(b => b.Activity!.RegionId == regionId && b.Status == Domain.Activities.BookingStatus.Requested, cancellationToken),
                // Reviews a coordinator moves on next: scoping, a follow-up to close, a progress review that has come round.
                await db.PeerReviews.AsNoTracking().CountAsync(r => r.RegionId == regionId
                    && (r.Stage == Domain.Reviews.ReviewStage.Scoping || r.Stage == Domain.Reviews.ReviewStage.FollowUp
                        || (r.Stage == Domain.Reviews.ReviewStage.ActionPlan && r.ProgressReviewOn <= today)), cancellationToken));
            var now = clock.GetUtcNow().UtcDateTime;
            var partnerships = db.Partnerships.AsNoTracking().Where(p => p.RegionId == regionId && p.IsActive);
            Figures = new RegionFigures(
                await partnerships.CountAsync(cancellationToken),
                await partnerships.CountAsync(p => p.ReceivesNrf, cancellationToken),
                await db.Users.AsNoTracking().CountAsync(u => u.RegionId == regionId && u.IsActive, cancellationToken),
                await db.Invitations.AsNoTracking().CountAsync(i => db.Users.Any(u => u.Id == i.UserId && u.RegionId == regionId) && i.AcceptedAt == null
                    && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken),
                await db.OutboxMessages.AsNoTracking().CountAsync(m => m.RegionId == regionId && m.Status == OutboxStatus.Failed, cancellationToken),
                await db.OutboxMessages.AsNoTracking().CountAsync(m => m.RegionId == regionId && m.Status == OutboxStatus.Pending, cancellationToken));
        }
        else if (me.PartnershipId is { } partnershipId)
        {
            MyPartnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId)
                .Select(p => new PartnershipCard(p.Id, p.Name, p.AreaType.ToString(), p.ReceivesNrf,
                    db.Users.Count(u => u.PartnershipId == p.Id && u.IsActive && u.Role == Roles.LspStaff)))
                .FirstOrDefaultAsync(cancellationToken);
        }
    }

    /// <summary>A provider contact's home: their organisation and its offers (they see nothing of a region's).</summary>
    private async Task LoadProviderHomeAsync(CancellationToken cancellationToken)
    {
        if (me.OrganisationId is not { } organisationId)
        {
            return;
        }
        Provider = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new ProviderCard(o.Id, o.Name, o.IsActive)).FirstOrDefaultAsync(cancellationToken);
        ProviderOffers = await db.Offers.AsNoTracking().Where(f => f.OrganisationId == organisationId && !f.IsWithdrawn)
            .OrderBy(f => f.Title)
            .Select(f => new ProviderOffer(f.Id, f.Title, f.Kind, f.DayRate, f.DaysAvailable, f.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    public ProviderCard? Provider { get; private set; }
    public IReadOnlyList<ProviderOffer> ProviderOffers { get; private set; } = [];

    public sealed record ProviderCard(int Id, string Name, bool IsActive);
    public sealed record ProviderOffer(int Id, string Title, Domain.Brokerage.OfferKind Kind, decimal? DayRate, int DaysAvailable, DateTime UpdatedAt);
    public sealed record ProgrammeSummary(int Id, string Name, string Aim, DateOnly StartsOn, DateOnly EndsOn, decimal Budget, string RegionName);
    public sealed record RegionFigures(int Partnerships, int NrfPartnerships, int People, int PendingInvitations, int FailedEmails, int QueuedEmails);
    public sealed record NextBooking(int ActivityId, string Title, DateTime StartsAt, Domain.Activities.BookingStatus Status);
    public sealed record OpenSurvey(int Id, string Title, DateTime ClosesAt, bool SubmittedByMyPartnership);
    public sealed record WorkWaiting(int SupportRequests, int CaseStudies, int BookingRequests, int Reviews);
    public sealed record MyReview(int Id, string Host, Domain.Reviews.ReviewStage Stage);
    public sealed record PartnershipCard(int Id, string Name, string AreaType, bool ReceivesNrf, int StaffCount);
}
