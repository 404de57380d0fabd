using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CsvHelper;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Domain.Dashboard;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Brokerage;

/// <summary>
/// Fair shares: each partnership's fair share of the programme's support budget against what it has received
/// (places attended, placement hours, brokered work, all costed), with a chart, a CSV, and the rule, which the
/// region's coordinator may change. Brokers and coordinators of the region, and admins, see it.
/// </summary>
[Authorize(Policy = Policies.FairShares)]
public class FairSharesModel(AppDbContext db, CurrentUser me, TimeProvider clock, FairShareQueries fairShares, IAuthorizationService authorization)
    : PageModel
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public sealed class RuleInput
    {
        [Required(ErrorMessage = "Choose how the budget is shared")]
        [Display(Name = "how the budget is shared")]
        public FairShareBasis? Basis { get; set; }

        [Required(ErrorMessage = "Enter the weight of a high-need theme")]
        [Display(Name = "weight of a high-need theme")]
        public decimal? HighNeedWeight { get; set; }

        [Required(ErrorMessage = "Enter the weight of a medium-need theme")]
        [Display(Name = "weight of a medium-need theme")]
        public decimal? MediumNeedWeight { get; set; }

        [Required(ErrorMessage = "Enter the uplift for a Neighbourhood Renewal Fund area")]
        [Display(Name = "uplift for a Neighbourhood Renewal Fund area")]
        public decimal? NrfUpliftPercent { get; set; }

        [Required(ErrorMessage = "Enter the percentage under which a partnership is far below its share")]
        [Display(Name = "far below percentage")]
        public int? FarBelowPercent { get; set; }
    }

    public static IReadOnlyList<SelectListItem> Bases { get; } =
    [
        new("Equal: the budget divided equally between the active partnerships", nameof(FairShareBasis.Equal)),
        new("Weighted by need and deprivation (NRF)", nameof(FairShareBasis.Weighted)),
    ];

    [BindProperty]
    public RuleInput Input { get; set; } = new();

    public FairShareResult Result { get; private set; } = default!;
    public bool CanChangeRule { get; private set; }

    public string PlacementRule => fairShares.PlacementRule;

    public BarChart ReceivedChart => new("fair-shares", "Received as a percentage of the fair share of the budget, by partnership",
        Result.Positions.Select(p => new BarChart.Bar(p.Name, (p.OfShare ?? 0) * 100, Figures.Percent(p.OfShare))).ToList());

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await ShowAsync(cancellationToken);
        Input = new RuleInput
        {
            Basis = Result.Rule.Basis, HighNeedWeight = Result.Rule.HighNeedWeight, MediumNeedWeight = Result.Rule.MediumNeedWeight,
            NrfUpliftPercent = Result.Rule.NrfUpliftPercent, FarBelowPercent = Result.Rule.FarBelowPercent,
        };
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var result = await fairShares.ForRegionAsync(me.RequiredRegionId, UkTime.Today(clock), cancellationToken);
        using var writer = new StringWriter(Invariant);
        using (var csv = CsvWriter.Create(writer, null, leaveOpen: true))
        {
            csv.WriteRecord(new[] { "Partnership", "NRF", "High-need themes", "Medium-need themes", "Weight", "Fair share (GBP)", "Places attended",
                "Places attended (GBP)", "Placement hours", "Placement hours (GBP)", "Brokered days", "Brokered work (GBP)", "Received (GBP)",
                "Gap (GBP)", "Fair share of support so far (GBP)", "Far below its share" });
            foreach (var p in result.Positions)
            {
                csv.WriteRecord(new[] { CsvCells.Safe(p.Name), YesNo(p.ReceivesNrf), N(p.HighNeedThemes), N(p.MediumNeedThemes), p.Weight.ToString("0.####", Invariant),
                    Money(p.Share), N(p.PlacesAttended), Money(p.PlacesCost), p.PlacementHours.ToString("0.0", Invariant), Money(p.PlacementValue),
                    p.BrokeredDays.ToString("0.##", Invariant), Money(p.BrokeredCost), Money(p.Received), Money(p.Gap), Money(p.ShareToDate), YesNo(p.FarBelow) });
            }
        }
        return new CsvFileResult(writer.ToString(), "fair-shares.csv");
    }

    public async Task<IActionResult> OnPostRuleAsync(CancellationToken cancellationToken)
    {
        var regionId = me.RequiredRegionId;
        var programmeId = await fairShares.ProgrammeOfRegionAsync(regionId, UkTime.Today(clock), cancellationToken);
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(regionId), Operations.Manage)).Succeeded)
        {
            return Forbid();
        }
        if (programmeId is null)
        {
            ModelState.AddModelError("", "The region has no programme yet: set one up before its fair-share rule.");
        }
        if (!ModelState.IsValid)
        {
            await ShowAsync(cancellationToken);
            return Page();
        }
        var programme = await db.Programmes.SingleAsync(p => p.Id == programmeId, cancellationToken);
        try
        {
            programme.SetFairShareRule(new FairShareRule(Input.Basis!.Value, Input.HighNeedWeight!.Value, Input.MediumNeedWeight!.Value,
                Input.NrfUpliftPercent!.Value, Input.FarBelowPercent!.Value));
            db.Audit(me.Id, "programme.fair-share-rule", programme, $"{Input.Basis} high {Input.HighNeedWeight} medium {Input.MediumNeedWeight} "
                + $"NRF +{Input.NrfUpliftPercent}% far below {Input.FarBelowPercent}%");
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, async () =>
            {
                await ShowAsync(cancellationToken);
                return Page();
            });
        }
        TempData.SetSuccess("The fair-share rule has been changed.");
        return RedirectToPage();
    }

    private async Task ShowAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Dashboard);
        var regionId = me.RequiredRegionId;
        Result = await fairShares.ForRegionAsync(regionId, UkTime.Today(clock), cancellationToken);
        CanChangeRule = Result.ProgrammeId is not null
                        && (await authorization.AuthorizeAsync(User, new RegionRecord(regionId), Operations.Manage)).Succeeded;
    }

    private static string N(int value) => value.ToString(Invariant);
    private static string Money(decimal value) => value.ToString("0.00", Invariant);
    private static string YesNo(bool value) => value ? "yes" : "no";
}
