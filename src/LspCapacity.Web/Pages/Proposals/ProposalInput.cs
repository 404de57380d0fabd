using System.ComponentModel.DataAnnotations;
using System.Globalization;
using LspCapacity.Web.Domain.Proposals;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace LspCapacity.Web.Pages.Proposals;

/// <summary>What the propose and edit forms ask for.</summary>
public sealed class ProposalInput
{
    [Required(ErrorMessage = "Enter a title for the proposal")]
    [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Select the kind of support")]
    public ProposalKind? Kind { get; set; }

    public List<int> ThemeIds { get; set; } = [];

    [Required(ErrorMessage = "Describe the need it answers")]
    [StringLength(4000, ErrorMessage = "The need must be 4,000 characters or fewer")]
    public string Need { get; set; } = "";

    [Required(ErrorMessage = "Say who would come")]
    [StringLength(2000, ErrorMessage = "Who would come must be 2,000 characters or fewer")]
    public string WhoWouldCome { get; set; } = "";

    [Required(ErrorMessage = "Select whether your partnership offers to host or co-deliver it")]
    public HostOffer? HostOffer { get; set; }

    [StringLength(20, ErrorMessage = "Enter the rough cost as a number of pounds, like 1500")]
    public string? RoughCost { get; set; }

    /// <summary>The rough cost as pounds, once <see cref="Validate"/> has read it.</summary>
    public decimal? Cost { get; private set; }

    /// <summary>Reads the rough cost ("£1,500" is 1500); adds an error beside it when it is not a sum of pounds of zero or more.</summary>
    public void Validate(ModelStateDictionary modelState, string prefix)
    {
        var text = RoughCost?.Trim().Replace("£", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(text))
        {
            Cost = null;
            return;
        }
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var cost))
        {
            modelState.AddModelError($"{prefix}.{nameof(RoughCost)}", "Enter the rough cost as a number of pounds, like 1500");
        }
        else if (cost < 0)
        {
            modelState.AddModelError($"{prefix}.{nameof(RoughCost)}", "The rough cost cannot be below zero");
        }
        else if (cost > Proposal.MaxRoughCost)
        {
            modelState.AddModelError($"{prefix}.{nameof(RoughCost)}", "The rough cost must be £10,000,000 or less");
        }
        else
        {
            Cost = cost;
        }
    }

    public static ProposalInput From(Proposal proposal) => new()
    {
        Title = proposal.Title,
        Kind = proposal.Kind,
        ThemeIds = proposal.Themes.Select(t => t.ThemeId).ToList(),
        Need = proposal.Need,
        WhoWouldCome = proposal.WhoWouldCome,
        HostOffer = proposal.HostOffer,
        RoughCost = proposal.RoughCost?.ToString("0.##", CultureInfo.InvariantCulture),
    };

    /// <summary>Describes the proposal from a valid form.</summary>
    public void ApplyTo(Proposal proposal, DateTime now) =>
        proposal.Describe(Title, Kind!.Value, ThemeIds, Need, WhoWouldCome, HostOffer!.Value, Cost, now);
}
