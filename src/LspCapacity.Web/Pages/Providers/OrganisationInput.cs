using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Brokerage;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Providers;

/// <summary>The organisation form, shared by Create and Edit.</summary>
public sealed class OrganisationInput
{
    [Required(ErrorMessage = "Enter the organisation's name")]
    [StringLength(Organisation.NameLength, ErrorMessage = "The name must be 200 characters or fewer")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Select what kind of organisation it is")]
    [EnumDataType(typeof(OrganisationKind), ErrorMessage = "Select what kind of organisation it is")]
    [Display(Name = "kind of organisation")]
    public OrganisationKind? Kind { get; set; }

    [StringLength(Organisation.WebsiteLength, ErrorMessage = "The website must be 400 characters or fewer")]
    public string? Website { get; set; }

    [StringLength(Organisation.DescriptionLength, ErrorMessage = "The description must be 4,000 characters or fewer")]
    public string? Description { get; set; }

    [Display(Name = "regions")]
    public List<int> RegionIds { get; set; } = [];

    public static OrganisationInput From(Organisation organisation) => new()
    {
        Name = organisation.Name,
        Kind = organisation.Kind,
        Website = organisation.Website,
        Description = organisation.Description,
        RegionIds = organisation.Regions.Select(r => r.RegionId).ToList(),
    };

    /// <summary>What needs the database or a rule the attributes cannot say: the name is free, the website is an address, the regions exist.</summary>
    public async Task ValidateAsync(AppDbContext db, int? editingId, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var name = Name?.Trim() ?? "";
        if (name.Length > 0)
        {
            var lower = name.ToLowerInvariant();
            if (await db.Organisations.AnyAsync(o => o.Name.ToLower() == lower && o.Id != editingId, cancellationToken))
            {
                modelState.AddModelError("Input.Name", "An organisation with this name is already on the register");
            }
        }
        var site = Website?.Trim();
        if (!string.IsNullOrEmpty(site) && (!Uri.TryCreate(site, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            modelState.AddModelError("Input.Website", "Enter the website as a full address, like https://www.example.org.uk");
        }
        if (RegionIds.Count == 0)
        {
            modelState.AddModelError("Input.RegionIds", "Select at least one region the organisation works in");
        }
        else if (await db.Regions.CountAsync(r => RegionIds.Contains(r.Id), cancellationToken) != RegionIds.Distinct().Count())
        {
            modelState.AddModelError("Input.RegionIds", "Select regions from the list");
        }
    }
}
