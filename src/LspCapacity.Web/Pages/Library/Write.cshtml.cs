using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LspCapacity.Web.Pages.Library;

/// <summary>An author drafts a case study, attaches documents, and submits it for a coordinator to publish.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[RequestSizeLimit(MaxRequestBytes)]
[WriteModel.RefuseOversizedRequests]
[Authorize(Policy = Policies.InARegion)]
public class WriteModel(AppDbContext db, CurrentUser me, TimeProvider clock, IOptions<LibraryOptions> options, IAuthorizationService authorization) : PageModel
{
    /// <summary>A 5 MB document and the rest of the form fit; the handler refuses a file over 5 MB that fits in this, the filter below anything bigger.</summary>
    public const int MaxRequestBytes = 6 * 1024 * 1024;

    private const string UploadErrorKey = "UploadError";

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }

    public int? Id { get; private set; }
    public IReadOnlyList<(string Name, long Size)> Attachments { get; private set; } = [];
    public int MaxAttachments => options.Value.MaxAttachments;
    public string? ReturnComments { get; private set; }
    public IReadOnlyList<SelectListItem> Themes { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Partnerships { get; private set; } = [];
    public IReadOnlyList<SelectListItem> Activities { get; private set; } = [];

    /// <summary>The supported (or closed) projects of the case study's partnership, for the form.</summary>
    public IReadOnlyList<SelectListItem> ProjectChoices { get; private set; } = [];
    public static IEnumerable<SelectListItem> Kinds => Enum.GetValues<PracticeKind>().Select(k => new SelectListItem(k.ToString(), k.ToString()));

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            var (item, refusal) = await LoadAsync(existing, tracked: false, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }
            if (TempData[UploadErrorKey] is string uploadError)
            {
                ModelState.AddModelError(nameof(Upload), uploadError);
            }
            Input = new InputModel
            {
                Title = item!.Title, Summary = item.Summary, Body = item.Body, Kind = item.Kind == 0 ? null : item.Kind, PartnershipId = item.PartnershipId,
                Outcomes = item.Outcomes, ContactName = item.ContactName, ContactEmail = item.ContactEmail, ThemeIds = item.Themes.Select(t => t.ThemeId).ToList(),
                SourceActivityId = item.SourceActivityId, ProjectId = item.ProjectId,
            };
        }
        else if (int.TryParse(Request.Query["fromProject"], out var projectId)
                 && await Projects.CaseStudyFromProject.PrefillAsync(db, authorization, User, projectId, cancellationToken) is { } prefilled)
        {
            Input = prefilled; // a closed project's results, for the author to edit and submit
        }
        else
        {
            Input.PartnershipId = me.PartnershipId;
            Input.ContactName = me.DisplayName;
        }
        return await ShowAsync(id, cancellationToken);
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int? id, CancellationToken cancellationToken) => SaveAsync(id, submit: true, cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var (item, refusal) = await LoadAsync(id, tracked: true, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a file to upload");
        }
        else if (Upload.Length > CaseStudyAttachment.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), CaseStudyAttachment.TooLargeMessage);
        }
        else
        {
            using var buffer = new MemoryStream();
            await Upload.CopyToAsync(buffer, cancellationToken);
            try
            {
                var attachedAlready = await db.CaseStudies.Where(c => c.Id == id).SelectMany(c => c.Attachments).CountAsync(cancellationToken);
                var attachment = item!.Attach(Upload.FileName, Upload.ContentType, buffer.ToArray(), clock.GetUtcNow().UtcDateTime,
                    attachedAlready, options.Value.MaxAttachments);
                db.Audit(me.Id, "case-study.attachment-added", item, attachment.FileName);
                await db.SaveChangesAsync(cancellationToken);
                TempData.SetSuccess($"{attachment.FileName} has been attached.");
                return RedirectToPage("/Library/Write", new { id });
            }
            catch (DomainException e)
            {
                this.Refused(e, db, nameof(Upload));
            }
        }
        db.ChangeTracker.Clear();
        return await OnGetAsync(id, cancellationToken); // the form as saved, with the upload's error beside it
    }

    private async Task<IActionResult> SaveAsync(int? id, bool submit, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(Upload));
        var regionId = me.RequiredRegionId;
        await ThemeChoices.ValidateAsync(db, Input.ThemeIds, ModelState, "Input.ThemeIds", cancellationToken);
        if (Input.PartnershipId is { } partnershipId && !await db.Partnerships.AnyAsync(p => p.Id == partnershipId && p.RegionId == regionId, cancellationToken))
        {
            ModelState.AddModelError("Input.PartnershipId", "Select a partnership from the list");
        }
        if (Input.SourceActivityId is { } activityId && !await db.Activities.AnyAsync(a => a.Id == activityId && a.RegionId == regionId, cancellationToken))
        {
            ModelState.AddModelError("Input.SourceActivityId", "Select an activity from the list");
        }
        CaseStudy? item = null;
        if (id is { } existing)
        {
            var (loaded, refusal) = await LoadAsync(existing, tracked: true, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }
            item = loaded;
        }
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, cancellationToken);
        }
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (item is null)
            {
                item = new CaseStudy(regionId, me.RequiredId, now);
                db.CaseStudies.Add(item);
            }
            item.Edit(Input.Title, Input.Summary, Input.Body, Input.Kind!.Value, Input.PartnershipId, Input.Outcomes, Input.ContactName,
                Input.ContactEmail, Input.ThemeIds, now, Input.SourceActivityId);
            try
            {
                item.ServeProject(await Projects.SupportLinks.RequireAsync(db, Input.ProjectId, cancellationToken));
            }
            catch (DomainException e)
            {
                ModelState.AddModelError("Input.ProjectId", e.Message);
                db.ChangeTracker.Clear();
                return await ShowAsync(id, cancellationToken);
            }
            if (submit)
            {
                item.Submit(now);
            }
            db.Audit(me.Id, submit ? "case-study.submitted" : "case-study.saved", item, item.Title);
            await db.SaveChangesAsync(cancellationToken);
            TempData.SetSuccess(submit
                ? "Submitted. A coordinator will publish it or return it with comments, and you will get an email either way."
                : "Your draft is saved. Attach any documents, then submit it.");
            return submit ? RedirectToPage("/Library/Mine") : RedirectToPage("/Library/Write", new { id = item.Id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ShowAsync(id, cancellationToken));
        }
    }

    private async Task<(CaseStudy? Item, IActionResult? Refusal)> LoadAsync(int id, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.CaseStudies.Include(c => c.Themes).AsSplitQuery();
        var item = await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (item is null)
        {
            return (null, NotFound());
        }
        if (!(await authorization.AuthorizeAsync(User, CaseStudyRecord.Of(item), Operations.Change)).Succeeded)
        {
            return (null, Forbid());
        }
        if (!item.IsEditable)
        {
            return (null, RedirectToPage("/Library/Details", new { slug = item.Slug.Length > 0 ? item.Slug : item.Id.ToString() }));
        }
        return (item, null);
    }

    private async Task<IActionResult> ShowAsync(int? id, CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Library);
        Id = id;
        if (id is { } existing)
        {
            Attachments = (await db.CaseStudies.AsNoTracking().Where(c => c.Id == existing).SelectMany(c => c.Attachments)
                .OrderBy(a => a.FileName).Select(a => new { a.FileName, a.Size }).ToListAsync(cancellationToken)).Select(a => (a.FileName, a.Size)).ToList();
            ReturnComments = await db.CaseStudies.AsNoTracking().Where(c => c.Id == existing && c.Status == CaseStudyStatus.Returned)
                .Select(c => c.ReturnComments).FirstOrDefaultAsync(cancellationToken);
        }
        Themes = await ThemeChoices.ListAsync(db, cancellationToken);
        Partnerships = await db.Partnerships.AsNoTracking().Where(p => p.RegionId == me.RegionId && p.IsActive).OrderBy(p => p.Name)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(cancellationToken);
        ProjectChoices = await Projects.SupportLinks.ChoicesAsync(db, Input.PartnershipId, closedToo: true, cancellationToken);
        Activities = await db.Activities.AsNoTracking()
            .Where(a => a.RegionId == me.RegionId && (a.Status == Domain.Activities.ActivityStatus.Published || a.Status == Domain.Activities.ActivityStatus.Completed))
            .OrderByDescending(a => a.StartsAt).Take(200).Select(a => new SelectListItem(a.Title, a.Id.ToString())).ToListAsync(cancellationToken);
        return Page();
    }

    /// <summary>
    /// A post bigger than <see cref="MaxRequestBytes"/> is answered before anything reads its body:
    /// otherwise the antiforgery check fails reading the form and the person sees a bare "problem with
    /// that request" page instead of the upload's error. Runs after authorization, before the size limits
    /// (900) and antiforgery (1000). Browsers always send Content-Length with a file upload.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class RefuseOversizedRequestsAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
    {
        public int Order => 800;

        public void OnAuthorization(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsPost(http.Request.Method) || http.Request.ContentLength is not > MaxRequestBytes)
            {
                return;
            }
            // Kestrel drains an unread body (for a few seconds at most) before it answers; lift the size limit for
            // that drain so the browser gets the page below instead of a dropped connection.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = null;
            }
            var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
            tempData[UploadErrorKey] = CaseStudyAttachment.TooLargeMessage;
            tempData.Save(); // the short-circuit skips the filter that would save it
            context.Result = new RedirectToPageResult("/Library/Write", new { id = context.RouteData.Values["id"] });
        }
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter a title")]
        [StringLength(200, ErrorMessage = "Title must be 200 characters or fewer")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Enter a summary")]
        [StringLength(1000, ErrorMessage = "The summary must be 1,000 characters or fewer")]
        public string Summary { get; set; } = "";

        [Required(ErrorMessage = "Enter the case study")]
        [StringLength(50_000, ErrorMessage = "The case study must be 50,000 characters or fewer")]
        public string Body { get; set; } = "";

        [Required(ErrorMessage = "Select the kind of practice")]
        [EnumDataType(typeof(PracticeKind), ErrorMessage = "Select the kind of practice")]
        [Display(Name = "kind of practice")]
        public PracticeKind? Kind { get; set; }

        [Display(Name = "partnership")]
        public int? PartnershipId { get; set; }

        [Display(Name = "themes")]
        public List<int> ThemeIds { get; set; } = [];

        [Display(Name = "activity")]
        public int? SourceActivityId { get; set; }

        [Display(Name = "project")]
        public int? ProjectId { get; set; }

        [StringLength(4000, ErrorMessage = "Outcomes must be 4,000 characters or fewer")]
        public string? Outcomes { get; set; }

        [StringLength(200, ErrorMessage = "The contact name must be 200 characters or fewer")]
        public string? ContactName { get; set; }

        [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
        [StringLength(320, ErrorMessage = "The contact email must be 320 characters or fewer")]
        public string? ContactEmail { get; set; }
    }
}
