namespace LspCapacity.Web.Infrastructure;

/// <summary>Text from people, made safe for a CSV that will be opened in a spreadsheet.</summary>
public static class CsvCells
{
    /// <summary>A cell starting with =, +, -, @, tab or carriage return would run as a formula: prefix it with an apostrophe.</summary>
    public static string Safe(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
