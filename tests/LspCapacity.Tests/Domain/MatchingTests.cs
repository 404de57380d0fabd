using LspCapacity.Web.Domain.Placements;

namespace LspCapacity.Tests.Domain;

public class MatchingTests
{
    private static readonly Dictionary<int, string> Themes = new() { [1] = "Governance", [2] = "Performance", [3] = "Budgets", [4] = "Engagement" };

    private static SupportRequest Request(params int[] themes) =>
        new(regionId: 1, partnershipId: 10, requesterId: "requester", PlacementKind.Mentoring, themes, "Goals", null, DateTime.UtcNow);

    private static MentorCandidate Mentor(string id, int? partnership = 20, int capacity = 2, int active = 0, int[]? themes = null,
        PlacementKind[]? kinds = null, bool available = true) =>
        new(id, id, partnership, capacity, active, kinds ?? [PlacementKind.Mentoring], themes ?? [1], available);

    [Fact]
    public void Rank_OrdersByRequestedThemes_ThenNeeds_ThenSpareCapacity()
    {
        var ranked = Matching.Rank(Request(1, 2), [
            Mentor("one-theme", themes: [1]),                       // 2 + spare 1
            Mentor("two-themes", themes: [1, 2]),                   // 4 + spare 1
            Mentor("need-only", themes: [3]),                       // 1 (high need in 3) + spare 1
            Mentor("one-theme-and-need", themes: [2, 3], capacity: 1), // 2 + 1 = 3, no spare bonus
            Mentor("nothing", themes: [4], capacity: 3),            // 0 + spare 1
        ], partnershipHighNeedThemes: [3], Themes);

        // Ties (3 and 3) go to the mentor with fewer active pairings, then by name.
        Assert.Equal(["two-themes", "one-theme", "one-theme-and-need", "need-only", "nothing"], ranked.Select(m => m.Mentor.PersonId));
        Assert.Equal([5, 3, 3, 2, 1], ranked.Select(m => m.Score));
        Assert.Contains("Knows Governance, Performance, as requested", ranked[0].Reasons);
        Assert.Contains(ranked[2].Reasons, r => r.Contains("high needs in Budgets", StringComparison.Ordinal));
    }

    [Fact]
    public void Rank_NeverProposes_TheSamePartnership_AtCapacity_Unavailable_OrTheWrongKind()
    {
        var ranked = Matching.Rank(Request(1), [
            Mentor("same-partnership", partnership: 10),
            Mentor("full", capacity: 2, active: 2),
            Mentor("away", available: false),
            Mentor("coach-only", kinds: [PlacementKind.Coaching]),
            Mentor("requester"),
            Mentor("fits", partnership: null),
        ], [], Themes);

        Assert.Equal(["fits"], ranked.Select(m => m.Mentor.PersonId));
    }
}
