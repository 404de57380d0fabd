using LspCapacity.Web.Data;
using LspCapacity.Web.Domain.Audit;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace LspCapacity.Web.Pages.Account;

/// <summary>"Download my data": what the service keeps about the signed-in person, as a ZIP (<see cref="PersonalDataExport"/>).</summary>
public class MyDataModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public void OnGet() => ViewData.SetSection(SiteSection.Account);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var day = UkTime.ToUk(now).ToString("yyyy-MM-dd", UkTime.Culture);
        // On record before the download, so it is in the download too.
        db.AuditEntries.Add(new AuditEntry(now, me.RequiredId, "person.data-downloaded", nameof(AppUser), me.RequiredId, null));
        await db.SaveChangesAsync(cancellationToken);
        Response.ContentType = "application/zip";
        Response.Headers.ContentDisposition = $"attachment; filename=\"my-data-{day}.zip\"";
        Response.Headers.CacheControl = "no-store";
        // Written through a buffer that spills to a temporary file past 32 KB (the ZIP writer's last steps
        // are synchronous, which the server refuses on the response), then streamed out; nothing is kept.
        await using var buffer = new FileBufferingWriteStream();
        await PersonalDataExport.WriteAsync(db, me.RequiredId, buffer, cancellationToken);
        await buffer.DrainBufferAsync(Response.Body, cancellationToken);
        return new EmptyResult(); // the response is written: no page after it
    }
}
