using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Projects;

/// <summary>
/// The lead closes an active project with its practical results: what changed, the final value of each
/// measure, evidence (links and documents), what the support contributed, what they would do differently,
/// and whether the summary may be public. Then offers to start a case study from it.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[RequestSizeLimit(MaxRequestBytes)]
public class CloseModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    /// <summary>Up to three evidence documents of 5 MB each, and the form.</summary>
    public const int MaxRequestBytes = 16 * 1024 * 1024;

    public const int MaxUploads = 3;

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Evidence { get; set; } = [];

    public Project Project { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: false, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Input.FinalValues = Project.Measures.OrderBy(m => m.Position)
            .Select(m => new FinalRow { MeasureId = m.Id, Value = m.LatestValue is { } v ? ProjectInput.Number(v) : null }).ToList();
        return Show();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: true, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        var finals = new List<FinalValueInput>();
        foreach (var measure in Project.Measures.OrderBy(m => m.Position))
        {
            var index = Input.FinalValues.FindIndex(f => f.MeasureId == measure.Id);
            var key = $"Input.FinalValues[{Math.Max(0, index)}].Value";
            var text = index < 0 ? null : Input.FinalValues[index].Value;
            if (string.IsNullOrWhiteSpace(text))
            {
                ModelState.AddModelError(key, $"Enter the final value of {measure.Name}");
            }
            else if (ProjectInput.ParseNumber(text) is not { } value)
            {
                ModelState.AddModelError(key, $"The final value of {measure.Name} must be a number, like 12 or 4.5");
            }
            else
            {
                finals.Add(new FinalValueInput(measure.Id, value));
            }
        }
        var links = (Input.EvidenceLinks ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (links.Count > Project.MaxEvidenceLinks)
        {
            ModelState.AddModelError("Input.EvidenceLinks", $"Give up to {Project.MaxEvidenceLinks} links");
        }
        else if (links.FirstOrDefault(l => !Uri.TryCreate(l, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)) is { } bad)
        {
            ModelState.AddModelError("Input.EvidenceLinks", $"“{bad}” is not a web address: each link starts with https:// or http://");
        }
        var files = Evidence.Where(f => f.Length > 0).ToList();
        if (files.Count > MaxUploads)
        {
            ModelState.AddModelError(nameof(Evidence), $"Upload up to {MaxUploads} documents here");
        }
        else if (files.Any(f => f.Length > CaseStudyAttachment.MaxBytes))
        {
            ModelState.AddModelError(nameof(Evidence), CaseStudyAttachment.TooLargeMessage);
        }
        if (!ModelState.IsValid)
        {
            return Show();
        }
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var attached = await db.ProjectDocuments.CountAsync(d => d.ProjectId == id, cancellationToken);
            foreach (var file in files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, cancellationToken);
                try
                {
                    Project.AttachEvidence(file.FileName, file.ContentType, buffer.ToArray(), now, attached++);
                }
                catch (DomainException e)
                {
                    this.Refused(e, db, nameof(Evidence));
                    return Show();
                }
            }
            Project.Close(me.RequiredId, Input.WhatChanged, finals, links, Input.SupportContribution, Input.DoDifferently, Input.PublicConsent, now);
            db.Audit(me.Id, "project.closed", Project);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DomainException e)
        {
            this.Refused(e, db);
            return Show();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "The project's status changed while you were recording its results. Open it again.");
            return Show();
        }
        TempData.SetSuccess("The project is closed and its results recorded. You can now start a case study from it for the library.");
        return RedirectToPage("/Projects/Details", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, bool tracked, CancellationToken cancellationToken)
    {
        var query = (tracked ? db.Projects : db.Projects.AsNoTracking()).Include(p => p.Measures).Include(p => p.Results);
        var project = await query.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return NotFound();
        }
        // Only its lead records the results (ProjectOperations.Report; the domain's rule too).
        if (!(await authorization.AuthorizeAsync(User, project, ProjectOperations.Report)).Succeeded)
        {
            return Forbid();
        }
        Project = project;
        if (project.Status != ProjectStatus.Active)
        {
            TempData.SetSuccess("Only an active project can be closed.");
            return RedirectToPage("/Projects/Details", new { id });
        }
        return null;
    }

    private PageResult Show()
    {
        ViewData.SetSection(SiteSection.Projects);
        var posted = Input.FinalValues;
        Input.FinalValues = Project.Measures.OrderBy(m => m.Position)
            .Select(m => posted.FirstOrDefault(f => f.MeasureId == m.Id) ?? new FinalRow { MeasureId = m.Id }).ToList();
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter what changed")]
        [StringLength(4000, ErrorMessage = "What changed must be 4,000 characters or fewer")]
        public string WhatChanged { get; set; } = "";

        public List<FinalRow> FinalValues { get; set; } = [];

        [StringLength(4000, ErrorMessage = "The links must be 4,000 characters or fewer")]
        public string? EvidenceLinks { get; set; }

        [Required(ErrorMessage = "Enter what the programme's support contributed")]
        [StringLength(4000, ErrorMessage = "What the support contributed must be 4,000 characters or fewer")]
        public string SupportContribution { get; set; } = "";

        [StringLength(4000, ErrorMessage = "What you would do differently must be 4,000 characters or fewer")]
        public string? DoDifferently { get; set; }

        public bool PublicConsent { get; set; }
    }

    public sealed class FinalRow
    {
        public int MeasureId { get; set; }
        public string? Value { get; set; }
    }
}
