using System.ComponentModel.DataAnnotations;
using System.Globalization;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Accounts;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Pages.Needs;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Projects;

/// <summary>What the register and edit forms ask for: the project, its milestones and its measures of success.</summary>
public sealed class ProjectInput
{
    public const int MilestoneRows = 6;
    public const int NeighbourhoodRows = 4;

    [Required(ErrorMessage = "Enter the project's title")]
    [StringLength(200, ErrorMessage = "The title must be 200 characters or fewer")]
    public string Title { get; set; } = "";

    [Required(ErrorMessage = "Describe the problem the project tackles")]
    [StringLength(4000, ErrorMessage = "The problem must be 4,000 characters or fewer")]
    public string Problem { get; set; } = "";

    public List<int> ThemeIds { get; set; } = [];

    /// <summary>Themes of the partnership's latest needs profile that the project answers.</summary>
    public List<int> NeedThemeIds { get; set; } = [];

    public List<LaaBlocks> LaaBlocks { get; set; } = [];

    public List<NeighbourhoodRow> Neighbourhoods { get; set; } = [];

    [Required(ErrorMessage = "Select the lead officer")]
    public string? LeadId { get; set; }

    [StringLength(4000, ErrorMessage = "Partner organisations must be 4,000 characters or fewer")]
    public string? PartnerOrganisations { get; set; }

    [Required(ErrorMessage = "Enter the start date")]
    [Display(Name = "start date")]
    public DateOnly? StartsOn { get; set; }

    [Required(ErrorMessage = "Enter the end date")]
    [Display(Name = "end date")]
    public DateOnly? EndsOn { get; set; }

    public List<MilestoneRow> Milestones { get; set; } = [];

    public List<MeasureRow> Measures { get; set; } = [];

    public sealed class NeighbourhoodRow
    {
        [StringLength(200, ErrorMessage = "A neighbourhood's name must be 200 characters or fewer")]
        public string? Name { get; set; }
        public bool IsDeprived { get; set; }
    }

    public sealed class MilestoneRow
    {
        public int? Id { get; set; }

        [StringLength(200, ErrorMessage = "A milestone's title must be 200 characters or fewer")]
        public string? Title { get; set; }
        [Display(Name = "milestone's due date")]
        public DateOnly? DueOn { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Title) && DueOn is null;
    }

    public sealed class MeasureRow
    {
        public int? Id { get; set; }

        [StringLength(200, ErrorMessage = "A measure's name must be 200 characters or fewer")]
        public string? Name { get; set; }

        [StringLength(50, ErrorMessage = "A unit must be 50 characters or fewer")]
        public string? Unit { get; set; }
        public string? Baseline { get; set; }
        [Display(Name = "baseline date")]
        public DateOnly? BaselineOn { get; set; }
        public string? Target { get; set; }
        [Display(Name = "target date")]
        public DateOnly? TargetOn { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Unit) && string.IsNullOrWhiteSpace(Baseline)
                               && BaselineOn is null && string.IsNullOrWhiteSpace(Target) && TargetOn is null;
    }

    /// <summary>Pads the repeating rows so the form always offers blank ones to fill.</summary>
    public void Pad()
    {
        while (Neighbourhoods.Count < NeighbourhoodRows)
        {
            Neighbourhoods.Add(new NeighbourhoodRow());
        }
        while (Milestones.Count < Math.Max(MilestoneRows, Milestones.Count(m => !m.IsBlank) + 2) && Milestones.Count < Project.MaxMilestones)
        {
            Milestones.Add(new MilestoneRow());
        }
        while (Measures.Count < Project.MaxMeasures)
        {
            Measures.Add(new MeasureRow());
        }
    }

    public static ProjectInput From(Project project) => new()
    {
        Title = project.Title,
        Problem = project.Problem,
        ThemeIds = project.Themes.Select(t => t.ThemeId).ToList(),
        NeedThemeIds = project.Needs.Select(n => n.ThemeId).ToList(),
        LaaBlocks = ProjectText.EveryBlock.Where(b => project.LaaBlocks.HasFlag(b)).ToList(),
        Neighbourhoods = project.Neighbourhoods.Select(n => new NeighbourhoodRow { Name = n.Name, IsDeprived = n.IsDeprived }).ToList(),
        LeadId = project.LeadId,
        PartnerOrganisations = string.Join("\n", project.PartnerOrganisations),
        StartsOn = project.StartsOn,
        EndsOn = project.EndsOn,
        Milestones = project.Milestones.OrderBy(m => m.DueOn).Select(m => new MilestoneRow { Id = m.Id, Title = m.Title, DueOn = m.DueOn }).ToList(),
        Measures = project.Measures.OrderBy(m => m.Position).Select(m => new MeasureRow
        {
            Id = m.Id, Name = m.Name, Unit = m.Unit, Baseline = Number(m.BaselineValue), BaselineOn = m.BaselineOn,
            Target = Number(m.TargetValue), TargetOn = m.TargetOn,
        }).ToList(),
    };

    public static string Number(decimal value) => value.ToString("0.####", UkTime.Culture);

    /// <summary>Reads a number as people write it here ("1,250", "12.5", "40%"); null when it is not one.</summary>
    public static decimal? ParseNumber(string? text)
    {
        var trimmed = text?.Trim().TrimEnd('%').Trim();
        return decimal.TryParse(trimmed, NumberStyles.Number, UkTime.Culture, out var value) && Math.Abs(value) < 1_000_000_000_000m ? value : null;
    }

    public IEnumerable<string> PartnerList() =>
        (PartnerOrganisations ?? "").Split('\n').Select(s => s.Trim()).Where(s => s.Length > 0);

    public LaaBlocks Blocks() => LaaBlocks.Aggregate(Domain.Projects.LaaBlocks.None, (all, b) => all | b);

    /// <summary>
    /// Every check a person can fix on the form, each against its field: dates in order, milestones within
    /// the project's dates, measures with a unit, numbers that are numbers, targets dated after baselines.
    /// </summary>
    public void Validate(ModelStateDictionary state, string prefix, IReadOnlyCollection<int> knownThemeIds, IReadOnlyCollection<int> needThemeIds,
        IReadOnlyCollection<string> leadIds)
    {
        if (ThemeIds.Count == 0 && NeedThemeIds.Count == 0)
        {
            state.AddModelError($"{prefix}.ThemeIds", "Select at least one theme or need");
        }
        else if (ThemeIds.Any(id => !knownThemeIds.Contains(id)))
        {
            state.AddModelError($"{prefix}.ThemeIds", "Select themes from the list");
        }
        if (NeedThemeIds.Any(id => !needThemeIds.Contains(id)))
        {
            state.AddModelError($"{prefix}.NeedThemeIds", "Select needs from your partnership's needs profile");
        }
        if (LaaBlocks.Count == 0 || LaaBlocks.Any(b => !ProjectText.EveryBlock.Contains(b)))
        {
            state.AddModelError($"{prefix}.LaaBlocks", "Select at least one Local Area Agreement block");
        }
        if (LeadId is not null && !leadIds.Contains(LeadId))
        {
            state.AddModelError($"{prefix}.LeadId", "Select a lead officer from your partnership's staff");
        }
        if (StartsOn is { } start && EndsOn is { } end && end <= start)
        {
            state.AddModelError($"{prefix}.EndsOn", "The end date must be after the start date");
        }
        if (PartnerList().Count() > Project.MaxPartnerOrganisations)
        {
            state.AddModelError($"{prefix}.PartnerOrganisations", $"Name up to {Project.MaxPartnerOrganisations} partner organisations");
        }
        for (var i = 0; i < Milestones.Count; i++)
        {
            var m = Milestones[i];
            var key = $"{prefix}.Milestones[{i}]";
            if (m.IsBlank)
            {
                continue;
            }
            if (string.IsNullOrWhiteSpace(m.Title))
            {
                state.AddModelError($"{key}.Title", $"Enter the title of milestone {i + 1}");
            }
            if (m.DueOn is not { } due)
            {
                AddUnlessInvalid(state, $"{key}.DueOn", $"Enter the due date of milestone {i + 1}");
            }
            else if (StartsOn is { } s && EndsOn is { } e && (due < s || due > e))
            {
                state.AddModelError($"{key}.DueOn", $"Milestone {i + 1} must be due between the project's start and end dates");
            }
        }
        var measures = 0;
        for (var i = 0; i < Measures.Count; i++)
        {
            var m = Measures[i];
            var key = $"{prefix}.Measures[{i}]";
            if (m.IsBlank)
            {
                continue;
            }
            measures++;
            var n = i + 1;
            if (string.IsNullOrWhiteSpace(m.Name))
            {
                state.AddModelError($"{key}.Name", $"Enter the name of measure {n}");
            }
            if (string.IsNullOrWhiteSpace(m.Unit))
            {
                state.AddModelError($"{key}.Unit", $"Enter the unit of measure {n}, for example % or young people");
            }
            if (string.IsNullOrWhiteSpace(m.Baseline))
            {
                state.AddModelError($"{key}.Baseline", $"Enter the baseline value of measure {n}");
            }
            else if (ParseNumber(m.Baseline) is null)
            {
                state.AddModelError($"{key}.Baseline", $"The baseline value of measure {n} must be a number, like 12 or 4.5");
            }
            if (string.IsNullOrWhiteSpace(m.Target))
            {
                state.AddModelError($"{key}.Target", $"Enter the target value of measure {n}");
            }
            else if (ParseNumber(m.Target) is null)
            {
                state.AddModelError($"{key}.Target", $"The target value of measure {n} must be a number, like 12 or 4.5");
            }
            else if (ParseNumber(m.Baseline) is { } b && ParseNumber(m.Target) == b)
            {
                state.AddModelError($"{key}.Target", $"The target of measure {n} must differ from its baseline");
            }
            if (m.BaselineOn is null)
            {
                AddUnlessInvalid(state, $"{key}.BaselineOn", $"Enter the baseline date of measure {n}");
            }
            if (m.TargetOn is null)
            {
                AddUnlessInvalid(state, $"{key}.TargetOn", $"Enter the target date of measure {n}");
            }
            else if (m.BaselineOn is { } from && m.TargetOn < from)
            {
                state.AddModelError($"{key}.TargetOn", $"The target date of measure {n} must be on or after its baseline date");
            }
        }
        if (measures == 0)
        {
            state.AddModelError($"{prefix}.Measures[0].Name", "Give at least one measure of success");
        }
    }

    // A date the binder could not read already has its own error.
    private static void AddUnlessInvalid(ModelStateDictionary state, string key, string message)
    {
        if (state[key] is not { ValidationState: ModelValidationState.Invalid })
        {
            state.AddModelError(key, message);
        }
    }

    public IEnumerable<MilestonePlan> MilestonePlans() =>
        Milestones.Where(m => !m.IsBlank).Select(m => new MilestonePlan(m.Id, m.Title!, m.DueOn!.Value));

    public IEnumerable<MeasurePlan> MeasurePlans() =>
        Measures.Where(m => !m.IsBlank).Select(m => new MeasurePlan(m.Id, m.Name!, m.Unit!, ParseNumber(m.Baseline)!.Value, m.BaselineOn!.Value,
            ParseNumber(m.Target)!.Value, m.TargetOn!.Value));

    public IEnumerable<NeighbourhoodPlan> NeighbourhoodPlans() =>
        Neighbourhoods.Where(n => !string.IsNullOrWhiteSpace(n.Name)).Select(n => new NeighbourhoodPlan(n.Name!, n.IsDeprived));
}

/// <summary>What the register and edit forms offer: themes, the partnership's latest needs (high first), its staff as leads.</summary>
public sealed record ProjectChoices(IReadOnlyList<SelectListItem> Themes, IReadOnlyList<ProjectChoices.Need> Needs, int? NeedsSurveyId,
    string? NeedsSurveyTitle, IReadOnlyList<SelectListItem> Leads)
{
    public sealed record Need(int ThemeId, string Theme, NeedLevel Level, double Mean);

    public IReadOnlyList<SelectListItem> NeedItems => Needs
        .Select(n => new SelectListItem($"{n.Theme}: {n.Level.ToString().ToLowerInvariant()} need (capacity {n.Mean.ToString("0.0", UkTime.Culture)} of 5)",
            n.ThemeId.ToString(CultureInfo.InvariantCulture)))
        .ToList();

    public static async Task<ProjectChoices> LoadAsync(AppDbContext db, int partnershipId, CancellationToken cancellationToken)
    {
        var themes = await db.Themes.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Position)
            .Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var latest = await db.SurveyResponses.AsNoTracking()
            .Where(r => r.PartnershipId == partnershipId && r.Status == ResponseStatus.Submitted)
            .OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.SurveyId)
            .Join(db.Surveys, r => r.SurveyId, s => s.Id, (r, s) => new { s.Id, s.Title })
            .FirstOrDefaultAsync(cancellationToken);
        var needs = new List<Need>();
        if (latest is not null)
        {
            var means = await NeedsQueries.MeansAsync(db, latest.Id, partnershipId, cancellationToken);
            needs = themes.Join(means, t => t.Id, m => m.ThemeId, (t, m) => new Need(t.Id, t.Name, m.Level, m.Mean))
                .OrderByDescending(n => n.Level).ThenBy(n => n.Mean).ToList();
        }
        var leads = await db.Users.AsNoTracking()
            .Where(u => u.PartnershipId == partnershipId && u.IsActive && u.Role == Roles.LspStaff)
            .OrderBy(u => u.DisplayName).Select(u => new SelectListItem(u.DisplayName, u.Id)).ToListAsync(cancellationToken);
        return new ProjectChoices(themes.Select(t => new SelectListItem(t.Name, t.Id.ToString(CultureInfo.InvariantCulture))).ToList(),
            needs, latest?.Id, latest?.Title, leads);
    }

    public IReadOnlyCollection<int> ThemeIds => Themes.Select(t => int.Parse(t.Value, CultureInfo.InvariantCulture)).ToList();

    public IReadOnlyCollection<int> NeedThemeIds => Needs.Select(n => n.ThemeId).ToList();

    public IReadOnlyCollection<string> LeadIds => Leads.Select(l => l.Value).ToList();

    public IEnumerable<NeedAnswered> Answered(IEnumerable<int> themeIds) => NeedsSurveyId is { } surveyId
        ? Needs.Where(n => themeIds.Contains(n.ThemeId)).Select(n => new NeedAnswered(surveyId, n.ThemeId, n.Level))
        : [];
}
