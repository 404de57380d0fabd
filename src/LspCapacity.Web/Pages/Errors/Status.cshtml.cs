using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LspCapacity.Web.Pages.Errors;

[IgnoreAntiforgeryToken]
public class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;

    // Re-executed for failed POSTs too (status code pages keep the method).
    public void OnPost(int code) => Code = code;
}
