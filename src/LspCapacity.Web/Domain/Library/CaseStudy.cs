using System.Text;
using System.Text.RegularExpressions;

using LspCapacity.Web.Domain.Projects;

namespace LspCapacity.Web.Domain.Library;

public enum CaseStudyStatus
{
    Draft = 1,
    Submitted = 2,
    Published = 3,
    Returned = 4,
    Withdrawn = 5,
}

public enum PracticeKind
{
    Process = 1,
    Project = 2,
    Partnership = 3,
    Engagement = 4,
    Evaluation = 5,
}

/// <summary>
/// An item of the good-practice library. Authors draft and submit; coordinators publish or return it
/// with comments; published items are public until withdrawn. The body is Markdown, rendered and
/// sanitised when shown.
/// </summary>
public partial class CaseStudy
{
    private readonly List<CaseStudyTheme> _themes = [];
    private readonly List<CaseStudyAttachment> _attachments = [];

    private CaseStudy() { }

    public CaseStudy(int regionId, string authorId, DateTime now)
    {
        RegionId = regionId;
        AuthorId = authorId;
        Status = CaseStudyStatus.Draft;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public int Id { get; private set; }
    public int RegionId { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string Summary { get; private set; } = "";
    public string Body { get; private set; } = "";
    public PracticeKind Kind { get; private set; }
    public int? PartnershipId { get; private set; }

    /// <summary>The activity this practice came out of, if any: the golden thread from event to result.</summary>
    public int? SourceActivityId { get; private set; }

    /// <summary>The peer review whose host consented to share this summary, if any.</summary>
    public int? SourceReviewId { get; private set; }

    /// <summary>The partnership's supported improvement project this practice came from, if any.</summary>
    public int? ProjectId { get; private set; }
    public string? Outcomes { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactEmail { get; private set; }
    public CaseStudyStatus Status { get; private set; }
    public string? ReturnComments { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public IReadOnlyList<CaseStudyTheme> Themes => _themes;
    public IReadOnlyList<CaseStudyAttachment> Attachments => _attachments;

    public bool IsEditable => Status is CaseStudyStatus.Draft or CaseStudyStatus.Returned;

    public void Edit(string title, string summary, string body, PracticeKind kind, int? partnershipId, string? outcomes,
        string? contactName, string? contactEmail, IEnumerable<int> themeIds, DateTime now, int? sourceActivityId = null)
    {
        if (!IsEditable)
        {
            throw new DomainException("Only a draft or a returned case study can be changed.");
        }
        if (!Enum.IsDefined(kind))
        {
            throw new DomainException("Choose the kind of practice.");
        }
        Title = Guard.Required(title, "Title");
        Summary = Guard.Required(summary, "Summary");
        Body = Guard.Required(body, "Body");
        Kind = kind;
        PartnershipId = partnershipId;
        SourceActivityId = sourceActivityId;
        Outcomes = Guard.Optional(outcomes);
        ContactName = Guard.Optional(contactName);
        ContactEmail = Guard.Optional(contactEmail);
        var ids = themeIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw new DomainException("Choose at least one theme.");
        }
        _themes.RemoveAll(t => !ids.Contains(t.ThemeId));
        foreach (var id in ids.Where(id => _themes.All(t => t.ThemeId != id)))
        {
            _themes.Add(new CaseStudyTheme(id));
        }
        UpdatedAt = now;
    }

    /// <summary>
    /// Names the supported project the practice came from (null: none): a project of the case study's
    /// partnership, accepted into the programme or completed with its results. Only while it can be edited.
    /// </summary>
    public void ServeProject(ProjectForSupport? project)
    {
        if (!IsEditable && project?.Id != ProjectId)
        {
            throw new DomainException("Only a draft or a returned case study can be changed.");
        }
        if (project is not null && PartnershipId is null)
        {
            throw new DomainException("Choose the partnership whose project it came from.");
        }
        project?.CheckServes(PartnershipId, "a case study", completedToo: true);
        ProjectId = project?.Id;
    }

    /// <summary>Marks a new case study as the shared summary of a peer review; the link survives later edits.</summary>
    public void DrawFrom(int reviewId)
    {
        if (Status != CaseStudyStatus.Draft || SourceReviewId is not null)
        {
            throw new DomainException("Only a new case study can be drawn from a review.");
        }
        SourceReviewId = reviewId;
    }

    public void Submit(DateTime now)
    {
        if (!IsEditable)
        {
            throw new DomainException("Only a draft or a returned case study can be submitted.");
        }
        Status = CaseStudyStatus.Submitted;
        ReturnComments = null;
        UpdatedAt = now;
    }

    /// <summary>Publishes under a stable slug: "{id}-{title}", so a title change never breaks a link.</summary>
    public void Publish(DateTime now)
    {
        if (Status != CaseStudyStatus.Submitted)
        {
            throw new DomainException("Only a submitted case study can be published.");
        }
        Status = CaseStudyStatus.Published;
        PublishedAt ??= now;
        if (Slug.Length == 0)
        {
            Slug = MakeSlug(Id, Title);
        }
        UpdatedAt = now;
    }

    public void Return(string comments, DateTime now)
    {
        if (Status != CaseStudyStatus.Submitted)
        {
            throw new DomainException("Only a submitted case study can be returned.");
        }
        ReturnComments = Guard.Required(comments, "Comments");
        Status = CaseStudyStatus.Returned;
        UpdatedAt = now;
    }

    public void Withdraw(DateTime now)
    {
        if (Status != CaseStudyStatus.Published)
        {
            throw new DomainException("Only a published case study can be withdrawn.");
        }
        Status = CaseStudyStatus.Withdrawn;
        UpdatedAt = now;
    }

    /// <summary>
    /// Adds a document. <paramref name="attachedAlready"/> is the number it has now (counted by the caller,
    /// which does not load the documents' contents just to count them); at most <paramref name="maxAttachments"/>.
    /// </summary>
    public CaseStudyAttachment Attach(string fileName, string contentType, byte[] content, DateTime now, int attachedAlready, int maxAttachments)
    {
        if (!IsEditable)
        {
            throw new DomainException("Attachments can be added only to a draft or a returned case study.");
        }
        if (attachedAlready >= maxAttachments)
        {
            throw new DomainException($"A case study can have up to {maxAttachments} documents, and this one has {attachedAlready}.");
        }
        var attachment = CaseStudyAttachment.Create(fileName, contentType, content, now);
        _attachments.Add(attachment);
        return attachment;
    }

    public static string MakeSlug(int id, string title)
    {
        var normalised = title.Normalize(NormalizationForm.FormD);
        var ascii = new string(normalised.Where(c => c < 128).ToArray()).ToLowerInvariant();
        var words = NonWord().Replace(ascii, "-").Trim('-');
        if (words.Length > 60)
        {
            words = words[..60].TrimEnd('-');
        }
        return words.Length == 0 ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{id}-{words}";
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}

public class CaseStudyTheme
{
    private CaseStudyTheme() { }

    internal CaseStudyTheme(int themeId) => ThemeId = themeId;

    public int CaseStudyId { get; private set; }
    public int ThemeId { get; private set; }
}

/// <summary>A file attached to a case study: held in the database (never under wwwroot), served only as a download.</summary>
public class CaseStudyAttachment
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The one message for a file that is too big, whether the page read it or refused the request unread.</summary>
    public const string TooLargeMessage = "The selected file must be 5 MB or smaller";

    /// <summary>What the upload form's hint and the refusal of an unknown type both list.</summary>
    public const string AcceptedTypes = "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument (.odt, .ods, .odp), CSV, text, PNG or JPEG";

    /// <summary>Documents and images only: nothing a browser or an operating system would run.</summary>
    public static readonly IReadOnlyDictionary<string, string> Allowed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".odp"] = "application/vnd.oasis.opendocument.presentation",
        [".csv"] = "text/csv",
        [".txt"] = "text/plain",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    private CaseStudyAttachment() { }

    public int Id { get; private set; }
    public int CaseStudyId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public byte[] Content { get; private set; } = [];
    public DateTime UploadedAt { get; private set; }

    internal static CaseStudyAttachment Create(string fileName, string contentType, byte[] content, DateTime now)
    {
        var name = Path.GetFileName(fileName ?? "").Trim();
        if (name.Length == 0 || name.Length > 200)
        {
            throw new DomainException("The file needs a name of 200 characters or fewer.");
        }
        if (!Allowed.TryGetValue(Path.GetExtension(name), out var type))
        {
            throw new DomainException($"{name} is not a type the library accepts. Upload a {AcceptedTypes} file.");
        }
        if (content.Length == 0)
        {
            throw new DomainException($"{name} is empty.");
        }
        if (content.Length > MaxBytes)
        {
            throw new DomainException(TooLargeMessage);
        }
        // The stored type comes from the extension we allow, never from what the browser claimed.
        _ = contentType;
        return new CaseStudyAttachment { FileName = name, ContentType = type, Size = content.Length, Content = content, UploadedAt = now };
    }
}
