using System.ComponentModel.DataAnnotations;
using System.Globalization;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Projects;

/// <summary>The lead posts a progress update: RAG status, what happened, milestones done and the latest value of each measure.</summary>
public class UpdateModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public Project Project { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> OpenMilestones => Project.Milestones.Where(m => !m.IsDone).OrderBy(m => m.DueOn)
        .Select(m => new SelectListItem($"{m.Title} (due {UkTime.Date(m.DueOn)})", m.Id.ToString(CultureInfo.InvariantCulture))).ToList();

    public static IReadOnlyList<SelectListItem> Rags { get; } = Enum.GetValues<RagStatus>().Reverse()
        .Select(r => new SelectListItem(r switch
        {
            RagStatus.Green => "Green: on track",
            RagStatus.Amber => "Amber: some problems, in hand",
            _ => "Red: off track, needs help",
        }, r.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: false, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Input.Readings = Project.Measures.OrderBy(m => m.Position).Select(m => new ReadingRow { MeasureId = m.Id }).ToList();
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: true, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var today = UkTime.Today(clock);
        var readings = new List<MeasureReadingInput>();
        for (var i = 0; i < Input.Readings.Count; i++)
        {
            var row = Input.Readings[i];
            var measure = Project.Measures.FirstOrDefault(m => m.Id == row.MeasureId);
            var key = $"Input.Readings[{i}]";
            if (measure is null || (string.IsNullOrWhiteSpace(row.Value) && row.On is null))
            {
                continue;
            }
            var value = ProjectInput.ParseNumber(row.Value);
            if (string.IsNullOrWhiteSpace(row.Value))
            {
                ModelState.AddModelError($"{key}.Value", $"Enter the latest value of {measure.Name}, or clear its date");
            }
            else if (value is null)
            {
                ModelState.AddModelError($"{key}.Value", $"The value of {measure.Name} must be a number, like 12 or 4.5");
            }
            if (row.On is not { } on)
            {
                if (ModelState[$"{key}.On"] is not { ValidationState: Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid })
                {
                    ModelState.AddModelError($"{key}.On", $"Enter the date of the value of {measure.Name}");
                }
            }
            else if (on < measure.BaselineOn || on > today)
            {
                ModelState.AddModelError($"{key}.On", $"The date of the value of {measure.Name} must be between its baseline date, {UkTime.Date(measure.BaselineOn)}, and today");
            }
            else if (value is { } v)
            {
                readings.Add(new MeasureReadingInput(measure.Id, v, on));
            }
        }
        if (Input.MilestonesDone.Any(mid => Project.Milestones.All(m => m.Id != mid || m.IsDone)))
        {
            ModelState.AddModelError("Input.MilestonesDone", "Select milestones from the list");
        }
        if (!ModelState.IsValid)
        {
            return Show();
        }
        try
        {
            var update = Project.PostUpdate(me.RequiredId, Input.Rag!.Value, Input.Narrative, Input.MilestonesDone, readings, today, clock.GetUtcNow().UtcDateTime);
            db.Audit(me.Id, "project.update-posted", Project, update.Rag.ToString());
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            this.Refused(e, db);
            return Show();
        }
        TempData.SetSuccess("Your progress update has been posted.");
        return RedirectToPage("/Projects/Details", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, bool tracked, CancellationToken cancellationToken)
    {
        var query = (tracked ? db.Projects : db.Projects.AsNoTracking()).Include(p => p.Milestones).Include(p => p.Measures).AsSplitQuery();
        var project = await query.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }
        // Only its lead reports progress (ProjectOperations.Report; the domain's rule too).
        if (!(await authorization.AuthorizeAsync(User, project, ProjectOperations.Report)).Succeeded)
        {
            return Forbid();
        }
        Project = project;
        if (project.Status != ProjectStatus.Active)
        {
            TempData.SetSuccess("Progress is posted on an active project.");
            return RedirectToPage("/Projects/Details", new { id });
        }
        return null;
    }

    private PageResult Show()
    {
        ViewData.SetSection(SiteSection.Projects);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Select red, amber or green")]
        [EnumDataType(typeof(RagStatus), ErrorMessage = "Select red, amber or green")]
        public RagStatus? Rag { get; set; }

        [Required(ErrorMessage = "Enter what has happened since the last update")]
        [StringLength(4000, ErrorMessage = "The update must be 4,000 characters or fewer")]
        public string Narrative { get; set; } = "";

        public List<int> MilestonesDone { get; set; } = [];

        public List<ReadingRow> Readings { get; set; } = [];
    }

    public sealed class ReadingRow
    {
        public int MeasureId { get; set; }
        public string? Value { get; set; }
        [Display(Name = "date of the value")]
        public DateOnly? On { get; set; }
    }
}
