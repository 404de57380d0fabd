using LspCapacity.Web.Domain.Placements;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace LspCapacity.Web.Pages.Placements;

public static class PlacementLists
{
    public static IEnumerable<SelectListItem> Kinds =>
        Enum.GetValues<PlacementKind>().Select(k => new SelectListItem(k switch
        {
            PlacementKind.Mentoring => "Mentoring",
            PlacementKind.Coaching => "Coaching",
            PlacementKind.Shadowing => "Shadowing someone in their role",
            _ => "A secondment",
        }, k.ToString()));

    public static IEnumerable<SelectListItem> Modes =>
        Enum.GetValues<SessionMode>().Select(m => new SelectListItem(PlacementText.Mode(m), m.ToString()));
}
