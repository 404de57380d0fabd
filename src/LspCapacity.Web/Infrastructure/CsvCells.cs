namespace LspCapacity.Web.Infrastructure;

/// <summary>Text from people, made safe for a CSV that will be opened in a spreadsheet.</summary>
public static class CsvCells
{
    /// <summary>A cell starting with =, +, -, @, tab or carriage return would run as a formula: prefix it with an apostrophe.</summary>
    public static string Safe(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}

/// <summary>
/// Every CSV download: UTF-8 with a byte-order mark (so spreadsheets read accents right), and never
/// stored by the browser or a proxy (Cache-Control: no-store): the files hold people's names and answers.
/// </summary>
public sealed class CsvFileResult(string text, string fileName)
    : Microsoft.AspNetCore.Mvc.FileContentResult(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text)).ToArray(), "text/csv; charset=utf-8")
{
    public string FileName { get; } = fileName;

    public override Task ExecuteResultAsync(Microsoft.AspNetCore.Mvc.ActionContext context)
    {
        FileDownloadName = FileName;
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return base.ExecuteResultAsync(context);
    }
}
