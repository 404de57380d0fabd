using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Library;

/// <summary>The case studies a person has written, whatever their state.</summary>
public class MineModel(AppDbContext db, CurrentUser me) : PageModel
{
    public IReadOnlyList<Row> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ViewData.SetSection(SiteSection.Library);
        var personId = me.RequiredId;
        Items = await db.CaseStudies.AsNoTracking().Where(c => c.AuthorId == personId).OrderByDescending(c => c.UpdatedAt)
            .Select(c => new Row(c.Id, c.Slug, c.Title, c.Status, c.UpdatedAt, c.ReturnComments)).ToListAsync(cancellationToken);
    }

    public sealed record Row(int Id, string Slug, string Title, CaseStudyStatus Status, DateTime UpdatedAt, string? ReturnComments);
}
