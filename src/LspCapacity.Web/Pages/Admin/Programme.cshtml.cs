using System.ComponentModel.DataAnnotations;
using LspCapacity.Web.Data;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Admin;

/// <summary>
/// One programme year: edit it (admins and the region's coordinators), close it (read-only from then on;
/// its end-of-programme report stays), and, from the region's latest programme, start next year's.
/// </summary>
public class ProgrammeModel(AppDbContext db, CurrentUser me, TimeProvider clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public ProgrammeInput Input { get; set; } = new();

    [BindProperty]
    public NextInput Next { get; set; } = new();

    public Domain.Programme.Programme Programme { get; private set; } = default!;
    public string RegionName { get; private set; } = "";
    public bool IsLatest { get; private set; }
    public bool CanManage { get; private set; }

    /// <summary>The region's last follow-up survey: offered as next year's baseline.</summary>
    public (int Id, string Title)? LastFollowUp { get; private set; }
    public string? BaselineTitle { get; private set; }
    public IReadOnlyList<string> ThemeNames { get; private set; } = [];
    public IReadOnlyList<string> PartnershipNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var programme = await LoadAsync(id, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }
        Input = ProgrammeInput.From(programme);
        Next = new NextInput { Name = Domain.Programme.Programme.NextName(programme.Name, programme.StartsOn), UseBaseline = true };
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        var programme = await LoadAsync(id, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }
        if (!CanManage)
        {
            return Forbid();
        }
        // Only this form's fields count (the other form's model, not posted, is bound and checked too).
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("Input.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        await Input.ValidateAsync(db, programme.RegionId, programme.Id, ModelState, cancellationToken);
        if (!ModelState.IsValid)
        {
            return await ShowAsync(cancellationToken);
        }
        try
        {
            Input.ApplyTo(programme);
            db.Audit(me.Id, "programme.updated", programme, programme.Name);
            await db.SaveChangesAsync(cancellationToken);
            TempData.SetSuccess($"{programme.Name} has been updated.");
            return RedirectToPage("/Admin/Programme", new { id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ReloadAndShowAsync(id, cancellationToken));
        }
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken)
    {
        var programme = await LoadAsync(id, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }
        if (!CanManage)
        {
            return Forbid();
        }
        try
        {
            programme.Close(clock.GetUtcNow().UtcDateTime);
            db.Audit(me.Id, "programme.closed", programme, programme.Name);
            await db.SaveChangesAsync(cancellationToken);
            TempData.SetSuccess($"{programme.Name} has been closed. It is read-only now; its report stays.");
            return RedirectToPage("/Admin/Programme", new { id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ReloadAndShowAsync(id, cancellationToken));
        }
    }

    public async Task<IActionResult> OnPostStartNextAsync(int id, CancellationToken cancellationToken)
    {
        var programme = await LoadAsync(id, cancellationToken);
        if (programme is null)
        {
            return NotFound();
        }
        if (!CanManage)
        {
            return Forbid();
        }
        // Only this form's fields count (the edit form's model, not posted, is bound and checked too).
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Next.Name))
        {
            ModelState.AddModelError("Next.Name", "Enter the name of next year's programme");
        }
        else if (Next.Name.Trim().Length > 200)
        {
            ModelState.AddModelError("Next.Name", "Name must be 200 characters or fewer");
        }
        if (!IsLatest)
        {
            ModelState.AddModelError("", "Start next year's programme from the region's latest programme");
        }
        var name = Next.Name?.Trim() ?? "";
        if (name.Length > 0 && await db.Programmes.AnyAsync(p => p.RegionId == programme.RegionId && p.Name == name, cancellationToken))
        {
            ModelState.AddModelError("Next.Name", "The region already has a programme with this name");
        }
        if (!ModelState.IsValid)
        {
            Input = ProgrammeInput.From(programme);
            return await ShowAsync(cancellationToken);
        }
        // Partnerships: those taking part, a merged one replaced by its survivor, none that has since been deactivated.
        var partnerships = await db.Partnerships.AsNoTracking().Where(p => p.RegionId == programme.RegionId)
            .Select(p => new { p.Id, p.IsActive, p.MergedIntoId }).ToListAsync(cancellationToken);
        var active = partnerships.Where(p => p.IsActive).Select(p => p.Id).ToHashSet();
        var takingPart = programme.PartnershipIds.Count == 0 ? active.ToList()
            : programme.PartnershipIds.Select(pid => partnerships.FirstOrDefault(p => p.Id == pid)?.MergedIntoId ?? pid).Where(active.Contains).ToList();
        var activeThemes = await db.Themes.AsNoTracking().Where(t => t.IsActive).Select(t => t.Id).ToListAsync(cancellationToken);
        var themes = programme.ThemeIds.Count == 0 ? activeThemes : programme.ThemeIds.Where(activeThemes.Contains).ToList();
        await LoadLastFollowUpAsync(programme.RegionId, cancellationToken);
        try
        {
            var next = programme.StartNext(name, themes, takingPart, Next.UseBaseline ? LastFollowUp?.Id : null);
            db.Programmes.Add(next);
            db.Audit(me.Id, "programme.started-next", next, $"from {programme.Name}");
            await db.SaveChangesAsync(cancellationToken);
            TempData.SetSuccess($"{next.Name} has been started from {programme.Name}. Check its dates, budget and objectives.");
            return RedirectToPage("/Admin/Programme", new { id = next.Id });
        }
        catch (DomainException e)
        {
            return await this.RefusedAsync(e, db, () => ReloadAndShowAsync(id, cancellationToken), "Next.Name");
        }
    }

    private async Task<Domain.Programme.Programme?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.Include(p => p.Objectives).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (programme is null)
        {
            return null;
        }
        Programme = programme;
        CanManage = (await authorization.AuthorizeAsync(User, new RegionRecord(programme.RegionId), Operations.Manage)).Succeeded;
        IsLatest = !await db.Programmes.AnyAsync(p => p.RegionId == programme.RegionId && p.StartsOn > programme.StartsOn, cancellationToken);
        return programme;
    }

    private async Task<IActionResult> ReloadAndShowAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }
        return await ShowAsync(cancellationToken);
    }

    private async Task LoadLastFollowUpAsync(int regionId, CancellationToken cancellationToken)
    {
        var followUp = await db.Surveys.AsNoTracking()
            .Where(s => s.RegionId == regionId && s.Round == SurveyRound.FollowUp && s.Status != SurveyStatus.Draft)
            .OrderByDescending(s => s.OpensAt).ThenByDescending(s => s.Id).Select(s => new { s.Id, s.Title }).FirstOrDefaultAsync(cancellationToken);
        LastFollowUp = followUp is null ? null : (followUp.Id, followUp.Title);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Admin);
        if (!(await authorization.AuthorizeAsync(User, new RegionRecord(Programme.RegionId), Operations.Read)).Succeeded)
        {
            return Forbid();
        }
        RegionName = await db.Regions.AsNoTracking().Where(r => r.Id == Programme.RegionId).Select(r => r.Name).SingleAsync(cancellationToken);
        await LoadLastFollowUpAsync(Programme.RegionId, cancellationToken);
        BaselineTitle = Programme.BaselineSurveyId is { } baseline
            ? await db.Surveys.AsNoTracking().Where(s => s.Id == baseline).Select(s => s.Title).FirstOrDefaultAsync(cancellationToken)
            : null;
        var themeIds = Programme.ThemeIds;
        var partnershipIds = Programme.PartnershipIds;
        ThemeNames = await db.Themes.AsNoTracking().Where(t => themeIds.Contains(t.Id)).OrderBy(t => t.Position).Select(t => t.Name).ToListAsync(cancellationToken);
        PartnershipNames = await db.Partnerships.AsNoTracking().Where(p => partnershipIds.Contains(p.Id)).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(cancellationToken);
        var (themes, partnerships) = await ProgrammeInput.ChoicesAsync(db, Programme.RegionId, Input, cancellationToken);
        ViewData["Themes"] = themes;
        ViewData["Partnerships"] = partnerships;
        return Page();
    }

    public sealed class NextInput
    {
        [Display(Name = "name")]
        public string? Name { get; set; }

        public bool UseBaseline { get; set; }
    }
}
