using LspCapacity.Web.Domain.Brokerage;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Data;

public sealed partial class Seeder
{
    /// <summary>
    /// Brokerage demo data for the West Midlands: a few organisations of the register with offers (reused when the
    /// register's own demo data made them), the demo broker's declared interest, and requests from Birmingham and
    /// Coventry in every state, with their commitments against the programme budget.
    /// </summary>
    private async Task SeedDemoBrokerageAsync(CancellationToken cancellationToken)
    {
        var broker = await users.FindByEmailAsync("broker@lsp.example");
        var birmingham = await users.FindByEmailAsync("staff.birmingham@lsp.example");
        var coventry = await users.FindByEmailAsync("staff.coventry@lsp.example");
        if (broker?.RegionId is not { } regionId || birmingham?.PartnershipId is null || coventry?.PartnershipId is null
            || await db.BrokerageRequests.AnyAsync(r => r.RegionId == regionId, cancellationToken))
        {
            return;
        }
        var today = Infrastructure.UkTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var programme = await db.Programmes.Where(p => p.RegionId == regionId)
            .OrderByDescending(p => p.StartsOn <= today && p.EndsOn >= today).ThenByDescending(p => p.StartsOn).FirstAsync(cancellationToken);
        var themes = await db.Themes.ToDictionaryAsync(t => t.Code, t => t.Id, cancellationToken);

        async Task<Offer> OfferAsync(string organisation, OrganisationKind kind, OfferKind offerKind, string title, decimal? dayRate, int days, params string[] themeCodes)
        {
            var org = await db.Organisations.SingleOrDefaultAsync(o => o.Name == organisation, cancellationToken);
            if (org is null)
            {
                org = new Organisation(organisation, kind, now);
                db.Organisations.Add(org);
                await db.SaveChangesAsync(cancellationToken);
            }
            var offer = await db.Offers.Include(o => o.Themes).Include(o => o.Regions)
                .FirstOrDefaultAsync(o => o.OrganisationId == org.Id && o.ProgrammeId == programme.Id && o.Title == title, cancellationToken);
            if (offer is null)
            {
                var secondee = offerKind == OfferKind.Secondee;
                offer = Offer.Create(org, programme.Id, new OfferDetails(offerKind, title, null, dayRate, days,
                    themeCodes.Select(c => themes[c]).ToList(), [regionId], secondee ? "Released one day a week by agreement with its home service." : null),
                    secondee ? org : null, now);
                db.Offers.Add(offer);
                await db.SaveChangesAsync(cancellationToken);
            }
            return offer;
        }

        var westfield = await OfferAsync("Westfield Consulting", OrganisationKind.Consultancy, OfferKind.Consultancy,
            "Performance management diagnostic", 650, 30, "performance-management", "evidence-and-intelligence");
        var university = await OfferAsync("University of the Midlands", OrganisationKind.University, OfferKind.Training,
            "Commissioning and pooled budgets masterclass", 400, 20, "commissioning-and-budgets", "laa-delivery");
        var fire = await OfferAsync("West Midlands Fire Service", OrganisationKind.FireAndRescue, OfferKind.Secondee,
            "Community safety secondee", null, 40, "community-engagement", "neighbourhood-renewal");
        var idea = await OfferAsync("Improvement and Development Agency", OrganisationKind.NationalImprovementBody, OfferKind.Facilitation,
            "Partnership board facilitation", 500, 25, "partnership-governance", "sustainable-community-strategy");

        db.BrokerInterests.Add(new BrokerInterest(broker.Id, westfield.OrganisationId, "Worked for Westfield Consulting until 2005.", now.AddDays(-60)));
        await db.SaveChangesAsync(cancellationToken);

        async Task<BrokerageRequest> AskAsync(AppUser staff, string theme, string what, int wantedInDays, decimal ceiling, int askedDaysAgo)
        {
            var request = new BrokerageRequest(regionId, staff.PartnershipId!.Value, staff.Id, themes[theme], null, what,
                today.AddDays(wantedInDays - askedDaysAgo), ceiling, today.AddDays(-askedDaysAgo), now.AddDays(-askedDaysAgo));
            db.BrokerageRequests.Add(request);
            await db.SaveChangesAsync(cancellationToken);
            return request;
        }
        void Recommend(BrokerageRequest request, Offer offer, string organisation, decimal days, string reasoning, int daysAgo) =>
            request.Recommend(broker.Id, offer.Id, offer.OrganisationId, organisation, days, offer.DayRate ?? 0, reasoning,
                "University of the Midlands: 5 days at £400\nWestfield Consulting: 4 days at £650 (declared interest: not considered)",
                today.AddDays(14 - daysAgo), [westfield.OrganisationId], offer.DaysAvailable, today.AddDays(-daysAgo), now.AddDays(-daysAgo));
        async Task<Commitment> AcceptAsync(BrokerageRequest request, AppUser staff, int daysAgo)
        {
            request.Accept(staff.Id, today.AddDays(-daysAgo), now.AddDays(-daysAgo));
            var commitment = new Commitment(programme.Id, regionId, request.PartnershipId, request.OrganisationId!.Value, request.OfferId!.Value,
                request.Days!.Value, request.DayRate!.Value, now.AddDays(-daysAgo), request.Id);
            programme.CommitBrokered(commitment.CommittedCost, 0);
            db.Commitments.Add(commitment);
            await db.SaveChangesAsync(cancellationToken);
            return commitment;
        }

        // Received: waiting for the broker.
        await AskAsync(birmingham, "evidence-and-intelligence", "Help our analysts build a neighbourhood-level performance dashboard for the LAA.", 60, 3000, 2);

        // Recommended: waiting for Birmingham's decision.
        var recommended = await AskAsync(birmingham, "commissioning-and-budgets", "A masterclass on pooled budgets for our theme partnership chairs.", 45, 2500, 10);
        Recommend(recommended, university, "University of the Midlands", 5, "The best fit for pooled budgets, well rated, and within the ceiling.", 3);

        // Asked again: Coventry wanted someone from a partner organisation.
        var askedAgain = await AskAsync(coventry, "partnership-governance", "Facilitate a review of our board's structure and sub-groups.", 50, 3000, 20);
        Recommend(askedAgain, idea, "Improvement and Development Agency", 4, "Experienced board facilitators; free days were not available.", 12);
        askedAgain.AskAgain(coventry.Id, "We would prefer facilitation from a partner organisation who knows the area.", now.AddDays(-9));

        // Accepted: committed against the budget.
        var accepted = await AskAsync(birmingham, "community-engagement", "A community safety secondee to help set up neighbourhood panels.", 30, 1000, 30);
        Recommend(accepted, fire, "West Midlands Fire Service", 10, "A free secondee who knows Birmingham's neighbourhoods.", 25);
        await AcceptAsync(accepted, birmingham, 24);

        // Delivered, waiting for Coventry's rating.
        var delivered = await AskAsync(coventry, "laa-delivery", "Training on LAA outcome planning for our theme leads.", 10, 2400, 60);
        Recommend(delivered, university, "University of the Midlands", 4, "A tailored version of the masterclass, within the ceiling.", 55);
        var deliveredWork = await AcceptAsync(delivered, coventry, 54);
        programme.AdjustBrokered(deliveredWork.Deliver(today.AddDays(-10), 4, 1500, today));
        delivered.MarkDelivered(now.AddDays(-10));

        // Rated: delivered and rated by Birmingham.
        var rated = await AskAsync(birmingham, "sustainable-community-strategy", "Facilitate the refresh of our sustainable community strategy.", 5, 2000, 90);
        Recommend(rated, idea, "Improvement and Development Agency", 3, "Facilitators who have refreshed strategies in three other areas.", 85);
        var ratedWork = await AcceptAsync(rated, birmingham, 84);
        programme.AdjustBrokered(ratedWork.Deliver(today.AddDays(-40), 3, 1500, today));
        rated.MarkDelivered(now.AddDays(-40));
        ratedWork.Rate(4, "Well run: the board agreed its priorities in one session.");
        rated.MarkRated(now.AddDays(-30));

        // Withdrawn by Coventry.
        var withdrawn = await AskAsync(coventry, "neighbourhood-renewal", "Advice on neighbourhood renewal fund exit strategies.", 40, 1500, 15);
        withdrawn.Withdraw(now.AddDays(-5));
        await db.SaveChangesAsync(cancellationToken);
    }
}
