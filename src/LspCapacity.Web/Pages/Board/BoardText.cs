using LspCapacity.Web.Domain.Proposals;
using LspCapacity.Web.Infrastructure;

namespace LspCapacity.Web.Pages.Board;

/// <summary>How the board's records read on pages and in emails.</summary>
public static class BoardText
{
    public static string Outcome(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approved => "Approved",
        DecisionOutcome.Merged => "Merged",
        DecisionOutcome.Deferred => "Deferred",
        DecisionOutcome.Declined => "Declined",
        _ => outcome.ToString(),
    };

    /// <summary>"Approved with a budget of £1,200", "Merged into “Peer learning on commissioning”".</summary>
    public static string Decision(DecisionOutcome outcome, decimal? budget, string? mergedInto) => outcome switch
    {
        DecisionOutcome.Approved => $"Approved with a budget of {Money(budget ?? 0)}",
        DecisionOutcome.Merged => $"Merged into “{mergedInto}”",
        DecisionOutcome.Deferred => "Deferred to a later meeting",
        DecisionOutcome.Declined => "Declined",
        _ => outcome.ToString(),
    };

    public static string Money(decimal amount) =>
        amount == decimal.Truncate(amount) ? amount.ToString("£#,##0", UkTime.Culture) : amount.ToString("£#,##0.00", UkTime.Culture);

    public static string Kind(ProposalKind kind) => kind switch
    {
        ProposalKind.StudyVisit => "Study visit",
        ProposalKind.PeerLearningSet => "Peer learning set",
        ProposalKind.BespokeSupport => "Bespoke support",
        _ => kind.ToString(),
    };

    public static string Status(ProposalStatus status) => status switch
    {
        ProposalStatus.OnAgenda => "On an agenda",
        _ => status.ToString(),
    };

    /// <summary>"endorsed by 1 partnership", "endorsed by 9 partnerships".</summary>
    public static string Partnerships(int count) => count == 1 ? "1 partnership" : $"{count.ToString("N0", UkTime.Culture)} partnerships";
}
