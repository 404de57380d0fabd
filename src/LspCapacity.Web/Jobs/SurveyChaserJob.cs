using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Jobs;

/// <summary>The "Needs" section.</summary>
public class NeedsOptions
{
    public const string Section = "Needs";

    /// <summary>Days before a survey closes when partnerships that have not submitted are chased.</summary>
    public int[] ChaserDays { get; set; } = [7, 2];
}

/// <summary>
/// Chases the staff of partnerships with no submitted response as an open survey's close date nears.
/// Each (survey, offset, person) is emailed once, whatever how often the job runs; nothing once submitted.
/// </summary>
public sealed class SurveyChaserJob(AppDbContext db, Outbox outbox, TimeProvider clock, IOptions<NeedsOptions> options)
{
    [Hangfire.AutomaticRetry(Attempts = 3)]
    [Hangfire.DisableConcurrentExecution(RecurringJobs.OneRunAtATimeSeconds)]
    public async Task<int> ChaseAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var surveys = await db.Surveys.AsNoTracking()
            .Where(s => s.Status == SurveyStatus.Open && s.OpensAt <= now && s.ClosesAt > now)
            .Select(s => new { s.Id, s.Title, s.RegionId, ClosesAt = s.ClosesAt!.Value })
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var survey in surveys)
        {
            // The offsets whose moment has come; only the nearest is sent, so a late run does not send a stale one too.
            var offset = options.Value.ChaserDays.Where(d => now >= survey.ClosesAt.AddDays(-d)).DefaultIfEmpty(-1).Min();
            if (offset < 0)
            {
                continue;
            }
            var people = await db.Users.AsNoTracking()
                .Where(u => u.RegionId == survey.RegionId && u.IsActive && u.Role == Roles.LspStaff && u.PartnershipId != null
                            && !db.SurveyResponses.Any(r => r.SurveyId == survey.Id && r.PartnershipId == u.PartnershipId && r.Status == ResponseStatus.Submitted))
                .Join(db.Partnerships.Where(p => p.IsActive), u => u.PartnershipId, p => p.Id, (u, p) => new { u.Id, u.Email, u.DisplayName, Partnership = p.Name })
                .ToListAsync(cancellationToken);
            foreach (var person in people)
            {
                if (await outbox.QueueAsync(db, new OutgoingEmail($"survey:{survey.Id}:chaser:{offset}d:{person.Id}", person.Email!, person.DisplayName,
                        "survey-chaser", new Dictionary<string, string?>
                        {
                            ["Title"] = survey.Title,
                            ["PartnershipName"] = person.Partnership,
                            ["ClosesOn"] = UkTime.Date(survey.ClosesAt.AddTicks(-1)),
                            ["Link"] = outbox.PageLink("/Needs/Surveys/Response", new { id = survey.Id }),
                        }) { RegionId = survey.RegionId }, cancellationToken))
                {
                    queued++;
                }
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return queued;
    }
}
