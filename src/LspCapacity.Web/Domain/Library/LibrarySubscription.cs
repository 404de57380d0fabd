using System.Security.Cryptography;

namespace LspCapacity.Web.Domain.Library;

/// <summary>A person following themes of the library: a digest of new case studies, with an unsubscribe link that needs no sign-in.</summary>
public class LibrarySubscription
{
    private LibrarySubscription() { }

    public LibrarySubscription(string personId, DateTime now)
    {
        PersonId = personId;
        UnsubscribeToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
        DigestedUpTo = now;
        CreatedAt = now;
    }

    public int Id { get; private set; }
    public string PersonId { get; private set; } = "";
    public List<int> ThemeIds { get; private set; } = [];
    public string UnsubscribeToken { get; private set; } = "";

    /// <summary>Items published before this instant have been sent (or predate the subscription).</summary>
    public DateTime DigestedUpTo { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public void Follow(IEnumerable<int> themeIds) => ThemeIds = themeIds.Distinct().ToList();

    public void Unsubscribe() => ThemeIds = [];

    public void Digested(DateTime upTo) => DigestedUpTo = upTo;
}
