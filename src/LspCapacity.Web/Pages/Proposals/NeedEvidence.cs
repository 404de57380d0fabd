using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Pages.Needs;

namespace LspCapacity.Web.Pages.Proposals;

/// <summary>
/// The needs-analysis evidence beside a proposal: in the region's latest answered needs survey, which partnerships
/// rated each theme a high need (<see cref="NeedsQueries"/>, the one way need is measured). Two queries for the region,
/// whatever the number of proposals it is used for, and only when a survey answer has changed since: it is read from survey
/// data alone, so it is kept under the <see cref="DataScopes.Needs"/> version (<see cref="FiguresCache"/>). Read-only once
/// made, so one copy serves every request.
/// </summary>
public sealed class NeedEvidence
{
    private readonly Dictionary<int, HashSet<int>> _highByTheme;

    private NeedEvidence(NeedsQueries.SurveyRef? survey, int respondents, Dictionary<int, HashSet<int>> highByTheme)
    {
        Survey = survey;
        Respondents = respondents;
        _highByTheme = highByTheme;
    }

    /// <summary>The survey the evidence comes from; null when the region has no answered survey yet.</summary>
    public NeedsQueries.SurveyRef? Survey { get; }

    /// <summary>How many partnerships answered it.</summary>
    public int Respondents { get; }

    public static Task<NeedEvidence> LoadAsync(AppDbContext db, FiguresCache cache, int regionId, CancellationToken cancellationToken) =>
        cache.GetOrAddAsync(db, DataScopes.Needs, "need-evidence:" + regionId, ct => WorkOutAsync(db, regionId, ct), cancellationToken);

    private static async Task<NeedEvidence> WorkOutAsync(AppDbContext db, int regionId, CancellationToken cancellationToken)
    {
        var survey = await NeedsQueries.LatestAnsweredAsync(db, regionId, cancellationToken);
        if (survey is null)
        {
            return new NeedEvidence(null, 0, []);
        }
        var means = await NeedsQueries.MeansAsync(db, survey.Id, null, cancellationToken);
        var high = means.Where(m => m.Level == NeedLevel.High).GroupBy(m => m.ThemeId)
            .ToDictionary(g => g.Key, g => g.Select(m => m.PartnershipId).ToHashSet());
        return new NeedEvidence(survey, means.Select(m => m.PartnershipId).Distinct().Count(), high);
    }

    /// <summary>The partnerships that rated <paramref name="themeId"/> a high need.</summary>
    public IReadOnlyCollection<int> HighNeed(int themeId) => _highByTheme.TryGetValue(themeId, out var set) ? set : [];

    /// <summary>How many partnerships rated at least one of the themes a high need: a partnership counts once.</summary>
    public int PartnershipsWithHighNeed(IEnumerable<int> themeIds) => themeIds.SelectMany(HighNeed).Distinct().Count();
}
