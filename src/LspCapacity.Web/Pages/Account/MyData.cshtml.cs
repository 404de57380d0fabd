using LspCapacity.Web.Data;
using LspCapacity.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LspCapacity.Web.Pages.Account;

/// <summary>"Download my data": what the service keeps about the signed-in person, as a ZIP (<see cref="PersonalDataExport"/>).</summary>
public class MyDataModel(AppDbContext db, CurrentUser me, TimeProvider clock) : PageModel
{
    public void OnGet() => ViewData.SetSection(SiteSection.Account);

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        var day = UkTime.ToUk(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", UkTime.Culture);
        Response.ContentType = "application/zip";
        Response.Headers.ContentDisposition = $"attachment; filename=\"my-data-{day}.zip\"";
        Response.Headers.CacheControl = "no-store";
        // Streamed as it is written: nothing is kept on the server.
        await PersonalDataExport.WriteAsync(db, me.RequiredId, Response.Body, cancellationToken);
    }
}
