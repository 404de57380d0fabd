using LspCapacity.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LspCapacity.Web.Pages.Library;

/// <summary>Stops the library digest from the link in the email, without signing in (the token is the key).</summary>
public class UnsubscribeModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await FindAsync(cancellationToken) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var subscription = await FindAsync(cancellationToken);
        if (subscription is null)
        {
            return NotFound();
        }
        subscription.Unsubscribe();
        await db.SaveChangesAsync(cancellationToken);
        Done = true;
        return Page();
    }

    private Task<Domain.Library.LibrarySubscription?> FindAsync(CancellationToken cancellationToken) =>
        string.IsNullOrEmpty(Token) || Token.Length > 64
            ? Task.FromResult<Domain.Library.LibrarySubscription?>(null)
            : db.LibrarySubscriptions.SingleOrDefaultAsync(s => s.UnsubscribeToken == Token, cancellationToken);
}
