using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Reviews;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Jobs;

/// <summary>The "Reviews" section.</summary>
public class ReviewOptions
{
    public const string Section = "Reviews";

    /// <summary>Days before the on-site visit when the team are sent their briefing reminder.</summary>
    public int BriefingDays { get; set; } = 7;

    /// <summary>Days before the self-assessment deadline when the host's staff are reminded; a missed deadline is reminded once more.</summary>
    public int SelfAssessmentDays { get; set; } = 3;

    /// <summary>Days before an action's due date when the host's staff and the lead are reminded; an overdue action is reminded once more.</summary>
    public int ActionDueDays { get; set; } = 7;

    /// <summary>Days before the progress review when the coordinators and the lead are told the follow-up is due.</summary>
    public int FollowUpDays { get; set; } = 14;
}

/// <summary>
/// Every peer review reminder, re-derived from the database each run: the team's briefing before the
/// visit, the host's self-assessment deadline, actions coming due and overdue, and the follow-up. Each
/// email's key names the item and its date, so a reminder goes once per due item and person however
/// often the job runs; a closed review gets nothing.
/// </summary>
public sealed class ReviewReminderJob(AppDbContext db, Outbox outbox, TimeProvider clock, IOptions<ReviewOptions> options)
{
    [Hangfire.AutomaticRetry(Attempts = 3)]
    [Hangfire.DisableConcurrentExecution(RecurringJobs.OneRunAtATimeSeconds)]
    public async Task<int> RemindAsync(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var today = UkTime.Today(clock);
        var briefingBy = today.AddDays(o.BriefingDays);
        var selfAssessmentBy = today.AddDays(o.SelfAssessmentDays);
        var followUpBy = today.AddDays(o.FollowUpDays);
        var actionsBy = today.AddDays(o.ActionDueDays);

        var reviews = await db.PeerReviews.AsNoTracking()
            .Where(r => r.Stage != ReviewStage.Closed)
            .Where(r => (r.Stage <= ReviewStage.OnSite && r.OnSiteStartsOn > today && r.OnSiteStartsOn <= briefingBy)
                        || (r.Stage <= ReviewStage.SelfAssessment && r.SelfAssessmentSubmittedAt == null && r.SelfAssessmentDueOn <= selfAssessmentBy)
                        || (r.Stage == ReviewStage.ActionPlan && r.ProgressReviewOn <= followUpBy)
                        || ((r.Stage == ReviewStage.ReportAgreed || r.Stage == ReviewStage.ActionPlan || r.Stage == ReviewStage.FollowUp)
                            && r.Actions.Any(a => (a.Status == ActionStatus.NotStarted || a.Status == ActionStatus.InProgress) && a.DueOn <= actionsBy)))
            .Select(r => new
            {
                r.Id, r.RegionId, r.Stage, r.HostPartnershipId, r.OnSiteStartsOn, r.OnSiteEndsOn, r.SelfAssessmentDueOn,
                r.SelfAssessmentSubmittedAt, r.ProgressReviewOn,
                Host = db.Partnerships.Where(p => p.Id == r.HostPartnershipId).Select(p => p.Name).First(),
                Team = r.Team.Select(m => new { m.PersonId, m.Role }).ToList(),
                Actions = r.Actions.Where(a => (a.Status == ActionStatus.NotStarted || a.Status == ActionStatus.InProgress) && a.DueOn <= actionsBy)
                    .Select(a => new { a.Id, a.Description, a.Owner, a.DueOn }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        if (reviews.Count == 0)
        {
            return 0;
        }

        // Everyone these reminders could go to, in one query: team members, host staff, coordinators.
        var teamIds = reviews.SelectMany(r => r.Team.Select(m => m.PersonId)).Distinct().ToList();
        var hostIds = reviews.Select(r => r.HostPartnershipId).Distinct().ToList();
        var regionIds = reviews.Select(r => r.RegionId).Distinct().ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null
                        && (teamIds.Contains(u.Id)
                            || (u.Role == Roles.LspStaff && u.PartnershipId != null && hostIds.Contains(u.PartnershipId.Value))
                            || (u.Role == Roles.Coordinator && u.RegionId != null && regionIds.Contains(u.RegionId.Value))))
            .Select(u => new Person(u.Id, u.DisplayName, u.Email!, u.Role, u.RegionId, u.PartnershipId))
            .ToListAsync(cancellationToken);
        var byId = people.ToDictionary(p => p.Id);

        var queued = 0;
        foreach (var r in reviews)
        {
            var team = r.Team.Where(m => byId.ContainsKey(m.PersonId)).Select(m => byId[m.PersonId]).ToList();
            var lead = r.Team.Where(m => m.Role == TeamRole.Lead && byId.ContainsKey(m.PersonId)).Select(m => byId[m.PersonId]).ToList();
            var hostStaff = people.Where(p => p.Role == Roles.LspStaff && p.PartnershipId == r.HostPartnershipId).ToList();
            var coordinators = people.Where(p => p.Role == Roles.Coordinator && p.RegionId == r.RegionId).ToList();
            var values = new Dictionary<string, string?>
            {
                ["HostName"] = r.Host,
                ["OnSite"] = UkTime.Date(r.OnSiteStartsOn) + (r.OnSiteEndsOn != r.OnSiteStartsOn ? $" to {UkTime.Date(r.OnSiteEndsOn)}" : ""),
                ["SelfAssessmentDueOn"] = UkTime.Date(r.SelfAssessmentDueOn),
                ["ProgressReviewOn"] = r.ProgressReviewOn is { } p ? UkTime.Date(p) : "",
                ["Link"] = outbox.PageLink("/Reviews/Details", new { id = r.Id }),
                ["SelfAssessmentLink"] = outbox.PageLink("/Reviews/SelfAssessment", new { id = r.Id }),
            };

            if (r.Stage <= ReviewStage.OnSite && r.OnSiteStartsOn > today && r.OnSiteStartsOn <= briefingBy)
            {
                queued += await QueueAsync(team, $"review:{r.Id}:briefing:{r.OnSiteStartsOn:yyyy-MM-dd}", "review-briefing", values, r.RegionId, cancellationToken);
            }
            if (r.Stage <= ReviewStage.SelfAssessment && r.SelfAssessmentSubmittedAt is null && r.SelfAssessmentDueOn <= selfAssessmentBy)
            {
                var overdue = r.SelfAssessmentDueOn < today;
                queued += await QueueAsync(hostStaff, $"review:{r.Id}:self-assessment-{(overdue ? "overdue" : "due")}:{r.SelfAssessmentDueOn:yyyy-MM-dd}",
                    "review-self-assessment-due",
                    new Dictionary<string, string?>(values) { ["When"] = overdue ? $"was due on {UkTime.Date(r.SelfAssessmentDueOn)}" : $"is due on {UkTime.Date(r.SelfAssessmentDueOn)}" },
                    r.RegionId, cancellationToken);
            }
            if (r.Stage == ReviewStage.ActionPlan && r.ProgressReviewOn is { } review && review <= followUpBy)
            {
                queued += await QueueAsync(coordinators.Concat(lead).ToList(), $"review:{r.Id}:follow-up:{review:yyyy-MM-dd}", "review-follow-up-due", values, r.RegionId, cancellationToken);
            }
            if (r.Stage is ReviewStage.ReportAgreed or ReviewStage.ActionPlan or ReviewStage.FollowUp)
            {
                foreach (var action in r.Actions)
                {
                    var overdue = action.DueOn < today;
                    queued += await QueueAsync(hostStaff.Concat(lead).ToList(), $"review-action:{action.Id}:{(overdue ? "overdue" : "due")}:{action.DueOn:yyyy-MM-dd}",
                        "review-action-due", new Dictionary<string, string?>(values)
                        {
                            ["Action"] = action.Description,
                            ["Owner"] = action.Owner,
                            ["When"] = overdue ? $"was due on {UkTime.Date(action.DueOn)} and is overdue" : $"is due on {UkTime.Date(action.DueOn)}",
                            ["Status"] = overdue ? "overdue" : "due soon",
                            ["ActionLink"] = outbox.PageLink("/Reviews/Action", new { id = r.Id, actionId = action.Id }),
                        }, r.RegionId, cancellationToken);
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }

    private async Task<int> QueueAsync(IReadOnlyList<Person> to, string key, string template, IReadOnlyDictionary<string, string?> values, int regionId,
        CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var person in to.DistinctBy(p => p.Id))
        {
            if (await outbox.QueueAsync(db, new OutgoingEmail($"{key}:{person.Id}", person.Email, person.Name, template, values) { RegionId = regionId },
                    cancellationToken))
            {
                queued++;
            }
        }
        return queued;
    }

    private sealed record Person(string Id, string Name, string Email, string Role, int? RegionId, int? PartnershipId);
}
