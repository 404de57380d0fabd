namespace LspCapacity.Web.Pages.Library;

/// <summary>The "Library" section.</summary>
public class LibraryOptions
{
    public const string Section = "Library";

    /// <summary>The most documents one case study may carry.</summary>
    public int MaxAttachments { get; set; } = 10;
}
