using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Admin;

/// <summary>A programme's form: name, aim, dates, budget, objectives (one a line), themes and partnerships taking part.</summary>
public sealed class ProgrammeInput
{
    [Required(ErrorMessage = "Enter the programme's name")]
    [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter the programme's aim")]
    [StringLength(2000, ErrorMessage = "Aim must be 2000 characters or fewer")]
    public string Aim { get; set; } = "";

    [Required(ErrorMessage = "Enter the start date")]
    [Display(Name = "start date")]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessage = "Enter the end date")]
    [Display(Name = "end date")]
    public DateOnly? EndsOn { get; set; }

    [Required(ErrorMessage = "Enter the budget in pounds")]
    [Range(typeof(decimal), "0", "1000000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = "The budget must be between £0 and £1,000,000,000")]
    [Display(Name = "budget")]
    public decimal? Budget { get; set; }

    [StringLength(8000, ErrorMessage = "Objectives must be 8000 characters or fewer")]
    public string? Objectives { get; set; }

    public List<int> ThemeIds { get; set; } = [];

    public List<int> PartnershipIds { get; set; } = [];

    public IReadOnlyList<string> ObjectiveLines =>
        (Objectives ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>The rules a form can check before the domain does: the dates in order, a free name, known themes and partnerships.</summary>
    public async Task ValidateAsync(AppDbContext db, int regionId, int? programmeId, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        if (StartsOn is { } starts && EndsOn is { } ends && ends < starts)
        {
            modelState.AddModelError("Input.EndsOn", "The end date must be the same as or after the start date");
        }
        var name = Name?.Trim() ?? "";
        if (name.Length > 0 && await db.Programmes.AnyAsync(p => p.RegionId == regionId && p.Name == name && p.Id != programmeId, cancellationToken))
        {
            modelState.AddModelError("Input.Name", "The region already has a programme with this name");
        }
        if (ObjectiveLines.Any(l => l.Length > 1000))
        {
            modelState.AddModelError("Input.Objectives", "Each objective must be 1000 characters or fewer");
        }
        if (ThemeIds.Count > 0 && await db.Themes.CountAsync(t => ThemeIds.Contains(t.Id), cancellationToken) != ThemeIds.Distinct().Count())
        {
            modelState.AddModelError("Input.ThemeIds", "Select themes from the list");
        }
        if (PartnershipIds.Count > 0
            && await db.Partnerships.CountAsync(p => PartnershipIds.Contains(p.Id) && p.RegionId == regionId, cancellationToken) != PartnershipIds.Distinct().Count())
        {
            modelState.AddModelError("Input.PartnershipIds", "Select partnerships from the list");
        }
    }

    /// <summary>Writes the form onto the programme; the domain refuses what breaks its rules.</summary>
    public void ApplyTo(Domain.Programme.Programme programme)
    {
        programme.Update(Name, Aim, StartsOn!.Value, EndsOn!.Value, Budget!.Value);
        programme.SetObjectives(ObjectiveLines);
        programme.SetThemes(ThemeIds);
        programme.SetPartnerships(PartnershipIds);
    }

    public static ProgrammeInput From(Domain.Programme.Programme p) => new()
    {
        Name = p.Name,
        Aim = p.Aim,
        StartsOn = p.StartsOn,
        EndsOn = p.EndsOn,
        Budget = p.Budget,
        Objectives = string.Join('\n', p.Objectives.OrderBy(o => o.Position).Select(o => o.Text)),
        ThemeIds = [.. p.ThemeIds],
        PartnershipIds = [.. p.PartnershipIds],
    };

    /// <summary>The choices of the form: active themes and active partnerships of the region (and any already chosen).</summary>
    public static async Task<(IReadOnlyList<SelectListItem> Themes, IReadOnlyList<SelectListItem> Partnerships)> ChoicesAsync(AppDbContext db, int regionId,
        ProgrammeInput input, CancellationToken cancellationToken)
    {
        var themes = await db.Themes.AsNoTracking().Where(t => t.IsActive || input.ThemeIds.Contains(t.Id)).OrderBy(t => t.Position)
            .Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync(cancellationToken);
        var partnerships = await db.Partnerships.AsNoTracking()
            .Where(p => p.RegionId == regionId && (p.IsActive || input.PartnershipIds.Contains(p.Id))).OrderBy(p => p.Name)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(cancellationToken);
        return (themes, partnerships);
    }
}
