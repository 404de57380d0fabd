using System.Globalization;
using CsvHelper;
using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using static LspCapacity.Web.Pages.National.ComparisonQueries;

namespace LspCapacity.Web.Pages.National;

/// <summary>Regions side by side (the national team and admins): the dashboard's headline figures for every region, with CSV.</summary>
public class RegionsModel(AppDbContext db, FiguresCache cache, TimeProvider clock) : PageModel
{
    public IReadOnlyList<RegionFigures> Regions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.National);
        Regions = await AllAsync(db, cache, clock.GetUtcNow().UtcDateTime, UkTime.Today(clock), cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var rows = await AllAsync(db, cache, clock.GetUtcNow().UtcDateTime, UkTime.Today(clock), cancellationToken);
        var invariant = CultureInfo.InvariantCulture;
        string Pct(double? rate) => rate is { } r ? Math.Round(r * 100, MidpointRounding.AwayFromZero).ToString("0", invariant) : "";
        using var writer = new StringWriter(invariant);
        using (var csv = CsvWriter.Create(writer, null, leaveOpen: true))
        {
            csv.WriteRecord(new[]
            {
                "Region", "Active partnerships", "Latest survey", "Responses submitted", "Response rate (%)", "Upcoming places", "Upcoming places confirmed",
                "Fill rate (%)", "Spent on completed activities (GBP)", "Places attended at them", "Cost per attended place (GBP)",
                "Follow-up survey", "Distance travelled (mean change, 1-5 scale)", "Support given (attended places and placements)",
                "Support linked to projects", "Linked to projects (%)",
            });
            foreach (var r in rows)
            {
                csv.WriteRecord(new[]
                {
                    CsvCells.Safe(r.Region), r.Partnerships.ToString(invariant), CsvCells.Safe(r.Survey ?? ""), r.Submitted.ToString(invariant), Pct(r.ResponseRate),
                    r.UpcomingPlaces.ToString(invariant), r.UpcomingConfirmed.ToString(invariant), Pct(r.FillRate),
                    r.SpentOnCompleted.ToString("0.00", invariant), r.AttendedAtCompleted.ToString(invariant),
                    r.CostPerAttendedPlace?.ToString("0.00", invariant) ?? "",
                    CsvCells.Safe(r.FollowUp ?? ""), r.Distance?.ToString("0.00", invariant) ?? "",
                    r.SupportGiven.ToString(invariant), r.SupportLinked.ToString(invariant), Pct(r.LinkedShare),
                });
            }
        }
        return new CsvFileResult(writer.ToString(), "regions-compared.csv");
    }
}
