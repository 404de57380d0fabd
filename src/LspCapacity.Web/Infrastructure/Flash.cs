using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace LspCapacity.Web.Infrastructure;

/// <summary>
/// The success message a post-redirect-get carries to the next page, shown once by the layout as the
/// GOV.UK success notification banner. Kept in TempData, so it survives the redirect and no more.
/// </summary>
public static class Flash
{
    private const string SuccessKey = "Success";

    public static void SetSuccess(this ITempDataDictionary tempData, string message) => tempData[SuccessKey] = message;

    /// <summary>Drops a message set earlier in this request (the change it announced did not happen).</summary>
    public static void ClearSuccess(this ITempDataDictionary tempData) => tempData.Remove(SuccessKey);

    /// <summary>The message, if any; reading it means it is not shown again.</summary>
    public static string? TakeSuccess(this ITempDataDictionary tempData) => tempData[SuccessKey] as string;
}
