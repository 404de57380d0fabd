using LspCapacity.Web.Domain.Placements;

namespace LspCapacity.Web.Pages.Placements;

/// <summary>The words for placements, as pages and emails show them.</summary>
public static class PlacementText
{
    public static string Kind(PlacementKind kind) => kind switch
    {
        PlacementKind.Shadowing => "Shadowing",
        PlacementKind.Secondment => "Secondment",
        _ => kind.ToString(),
    };

    public static string Status(PlacementStatus status) => status switch
    {
        PlacementStatus.EndedEarly => "Ended early",
        _ => status.ToString(),
    };

    /// <summary>The status as a person reads it: an active placement that has not started yet is planned.</summary>
    public static string Status(PlacementStatus status, DateOnly startsOn, DateOnly today) =>
        status == PlacementStatus.Active && today < startsOn ? "Planned" : Status(status);

    public static string Mode(SessionMode mode) => mode switch
    {
        SessionMode.InPerson => "In person",
        SessionMode.ShadowingDay => "Shadowing day",
        _ => mode.ToString(),
    };
}
