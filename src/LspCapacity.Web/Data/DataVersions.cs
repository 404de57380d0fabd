using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace LspCapacity.Web.Data;

/// <summary>
/// A counter the database keeps for one family of figures (<see cref="DataScopes"/>). Every saved change
/// that can alter those figures adds one to it in the same transaction, so a figure worked out at
/// version N is right for as long as the counter reads N — on every web node, since the counter lives
/// in the shared database. <see cref="Infrastructure.FiguresCache"/> keys what it keeps by it.
/// </summary>
public class DataVersion
{
    private DataVersion() { }

    public DataVersion(string name) => Name = name;

    public string Name { get; private set; } = "";
    public long Version { get; private set; }
}

/// <summary>The families of cached figures, and which saved changes alter each: the one place that says so.</summary>
public static class DataScopes
{
    /// <summary>Needs figures: survey means and results, needs coverage (attendance, placements, peer reviews, projects).</summary>
    public const string Needs = "needs";

    /// <summary>The good-practice library's search: published case studies, their themes and partnerships.</summary>
    public const string Library = "library";

    /// <summary>Reference data every page reads: themes, regions, programmes and partnerships (<see cref="Infrastructure.ReferenceData"/>).</summary>
    public const string Reference = "reference";

    /// <summary>
    /// Programme figures the other scopes do not cover: what support cost and who delivered it (activity status, origin,
    /// costs and co-deliverers, placement sessions, brokered commitments: fair shares, co-delivery), improvement projects
    /// and the places linked to them (the dashboard's project figures), and how the programme was decided (proposals,
    /// endorsements, the board, its members' partnerships and its decisions: ownership), and which activities each view of
    /// the catalogue lists, in which order.
    /// </summary>
    public const string Programme = "programme";

    public static readonly IReadOnlyList<string> All = [Needs, Library, Reference, Programme];

    /// <summary>The scopes the pending changes in <paramref name="tracker"/> touch (call after DetectChanges).</summary>
    public static IReadOnlyList<string> Touched(ChangeTracker tracker)
    {
        var needs = false;
        var library = false;
        var reference = false;
        var programme = false;
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            switch (entry.Entity)
            {
                // Bookings change all day; only attendance feeds the figures (a new booking is never attended).
                case Booking booking:
                    needs |= entry.State == EntityState.Modified
                        ? entry.Property(nameof(Booking.Attendance)).IsModified
                        : booking.Attendance is not null;
                    // The share of places linked to a supported project: a place's project, or an attended place's status.
                    programme |= entry.State == EntityState.Modified && (entry.Property(nameof(Booking.ProjectId)).IsModified
                        || (entry.Property(nameof(Booking.Status)).IsModified && booking.Attendance is not null));
                    break;
                // Activities change with every place taken; only what the figures show or group by counts.
                case Activity:
                    needs |= entry.State != EntityState.Modified || entry.Property(nameof(Activity.Title)).IsModified
                        || entry.Property(nameof(Activity.StartsAt)).IsModified || entry.Property(nameof(Activity.RegionId)).IsModified;
                    // The catalogue's kept order too: dates and kind (Pages/Activities/Index, Listing).
                    programme |= entry.State != EntityState.Modified || entry.Property(nameof(Activity.Status)).IsModified
                        || entry.Property(nameof(Activity.RegionId)).IsModified || entry.Property(nameof(Activity.IsNational)).IsModified
                        || entry.Property(nameof(Activity.ProposalId)).IsModified || entry.Property(nameof(Activity.StartsAt)).IsModified
                        || entry.Property(nameof(Activity.EndsAt)).IsModified || entry.Property(nameof(Activity.Kind)).IsModified;
                    break;
                // The needs figures, and the catalogue's kept order (a theme filter).
                case ActivityTheme:
                    needs = programme = true;
                    break;
                case CostLine or ActivityContributor or PlacementSession or Commitment or ProjectMeasure
                    or Proposal or ProposalEndorsement or ProposalTheme or BoardMember or BoardMeeting or BoardDecision
                    // The provider register's list is kept per version too.
                    or Organisation or OrganisationRegion or Offer or OfferTheme or OfferRegion:
                    programme = true;
                    break;
                // People sign in all day; only the partnership a board member sits for counts (ownership).
                case AppUser:
                    programme |= entry.State == EntityState.Deleted
                        || (entry.State == EntityState.Modified && entry.Property(nameof(AppUser.PartnershipId)).IsModified);
                    break;
                // A project covers the needs it answers once accepted: its status and needs count, not its updates.
                case Project:
                    needs |= entry.State != EntityState.Modified || entry.Property(nameof(Project.Status)).IsModified;
                    programme = true; // the dashboard's project figures: status, updates, results
                    break;
                case ProjectNeed:
                    needs = true;
                    break;
                case Survey or SurveySection or Question or SurveyResponse or Answer
                    or Placement or PlacementTheme or PeerReview or ReviewFocusTheme:
                    needs = true;
                    break;
                case Theme:
                    needs = reference = true;
                    break;
                case Partnership:
                    needs = library = reference = true;
                    break;
                case Region or Domain.Programme.Programme or ProgrammeObjective:
                    reference = true;
                    break;
                case CaseStudy or CaseStudyTheme or CaseStudyAttachment:
                    library = true;
                    break;
            }
        }
        if (!needs && !library && !reference && !programme)
        {
            return [];
        }
        var touched = new List<string>(4);
        if (needs) touched.Add(Needs);
        if (library) touched.Add(Library);
        if (reference) touched.Add(Reference);
        if (programme) touched.Add(Programme);
        return touched;
    }
}
