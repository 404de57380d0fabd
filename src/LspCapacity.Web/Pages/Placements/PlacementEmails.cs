using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Email;
using LspCapacity.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Placements;

/// <summary>Introduces the pair of a new placement to each other, in the unit of work that created it.</summary>
public static class PlacementEmails
{
    public static async Task QueueIntroductionsAsync(AppDbContext db, Outbox outbox, Placement placement, CancellationToken cancellationToken)
    {
        var people = await db.Users.AsNoTracking().Where(u => u.Id == placement.MentorId || u.Id == placement.MenteeId)
            .ToDictionaryAsync(u => u.Id, u => (Name: u.DisplayName, Email: u.Email!), cancellationToken);
        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == placement.MenteePartnershipId).Select(p => p.Name).SingleAsync(cancellationToken);
        var mentor = people[placement.MentorId];
        var mentee = people[placement.MenteeId];
        foreach (var (personId, other) in new[] { (placement.MentorId, mentee), (placement.MenteeId, mentor) })
        {
            var person = people[personId];
            await outbox.QueueAsync(db, new OutgoingEmail($"placement:{placement.Id}:introduction:{personId}", person.Email, person.Name,
                "placement-introduction", new Dictionary<string, string?>
                {
                    ["KindName"] = PlacementText.Kind(placement.Kind),
                    ["KindLower"] = PlacementText.Kind(placement.Kind).ToLowerInvariant(),
                    ["MenteeName"] = mentee.Name,
                    ["MentorName"] = mentor.Name,
                    ["PartnershipName"] = partnership,
                    ["StartsOn"] = UkTime.Date(placement.StartsOn),
                    ["EndsOn"] = UkTime.Date(placement.EndsOn),
                    ["Goals"] = placement.Goals,
                    ["OtherName"] = other.Name,
                    ["OtherEmail"] = other.Email,
                    ["Link"] = outbox.PageLink("/Placements/Details", new { id = placement.Id }),
                }) { RegionId = placement.RegionId }, cancellationToken);
        }
    }
}
