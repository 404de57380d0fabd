using System.Xml.Linq;
using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Library;

/// <summary>An Atom feed of the latest published case studies.</summary>
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublicPageCache.Policy)] // visitors only
public class FeedModel(AppDbContext db, Outbox outbox, TimeProvider clock) : PageModel
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var items = await db.CaseStudies.AsNoTracking().Where(c => c.Status == CaseStudyStatus.Published)
            .OrderByDescending(c => c.PublishedAt).Take(50)
            .Select(c => new { c.Slug, c.Title, c.Summary, c.PublishedAt, c.UpdatedAt })
            .ToListAsync(cancellationToken);
        var updated = items.Select(i => i.UpdatedAt).DefaultIfEmpty(clock.GetUtcNow().UtcDateTime).Max();
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", "LSP good-practice library"),
            new XElement(Atom + "id", outbox.PageLink("/Library/Index")),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", outbox.PageLink("/Library/Feed"))),
            new XElement(Atom + "link", new XAttribute("href", outbox.PageLink("/Library/Index"))),
            new XElement(Atom + "updated", updated.ToString("O")),
            items.Select(i => new XElement(Atom + "entry",
                new XElement(Atom + "title", i.Title),
                new XElement(Atom + "id", outbox.PageLink("/Library/Details", new { slug = i.Slug })),
                new XElement(Atom + "link", new XAttribute("href", outbox.PageLink("/Library/Details", new { slug = i.Slug }))),
                new XElement(Atom + "published", i.PublishedAt!.Value.ToString("O")),
                new XElement(Atom + "updated", i.UpdatedAt.ToString("O")),
                new XElement(Atom + "author", new XElement(Atom + "name", "LSP Capacity Building Programme")),
                new XElement(Atom + "summary", i.Summary))));
        return Content(new XDocument(new XDeclaration("1.0", "utf-8", null), feed).ToString(), "application/atom+xml; charset=utf-8");
    }
}
