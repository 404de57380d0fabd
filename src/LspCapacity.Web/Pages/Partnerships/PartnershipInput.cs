using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Programme;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Partnerships;

/// <summary>The partnership form, shared by Create and Edit.</summary>
public class PartnershipInput
{
    [Required(ErrorMessage = "Enter the partnership's name")]
    [StringLength(200, ErrorMessage = "Name must be 200 characters or fewer")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Select the type of area")]
    [EnumDataType(typeof(AreaType), ErrorMessage = "Select the type of area")]
    [Display(Name = "type of area")]
    public AreaType? AreaType { get; set; }

    public bool ReceivesNrf { get; set; }

    [Display(Name = "county")]
    public int? CountyId { get; set; }

    public static IEnumerable<SelectListItem> AreaTypes =>
        Enum.GetValues<AreaType>().Select(t => new SelectListItem(t.ToString(), t.ToString()));

    public static async Task<IReadOnlyList<SelectListItem>> CountiesAsync(AppDbContext db, int regionId, CancellationToken cancellationToken) =>
        await db.Partnerships.AsNoTracking()
            .Where(p => p.RegionId == regionId && p.AreaType == Domain.Programme.AreaType.County && p.IsActive)
            .OrderBy(p => p.Name).Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(cancellationToken);

    /// <summary>Checks what needs the database: the county is a county of this region, the name is free.</summary>
    public async Task ValidateAsync(AppDbContext db, int regionId, int? editingId, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        if (AreaType == Domain.Programme.AreaType.District && CountyId is null)
        {
            modelState.AddModelError("Input.CountyId", "Select the county this district belongs to");
        }
        if (AreaType != Domain.Programme.AreaType.District && CountyId is not null)
        {
            modelState.AddModelError("Input.CountyId", "Only a district belongs to a county: choose \"None\"");
        }
        if (CountyId is { } countyId && !await db.Partnerships.AnyAsync(p => p.Id == countyId && p.RegionId == regionId
                && p.AreaType == Domain.Programme.AreaType.County, cancellationToken))
        {
            modelState.AddModelError("Input.CountyId", "Select a county from the list");
        }
        var name = Name?.Trim() ?? "";
        if (name.Length > 0 && await db.Partnerships.AnyAsync(p => p.RegionId == regionId && p.Name == name && p.Id != editingId, cancellationToken))
        {
            modelState.AddModelError("Input.Name", "A partnership with this name already exists in the region");
        }
    }
}
