namespace LspCapacity.Web.Domain.Accounts;

/// <summary>
/// One signed-in browser. Its id is in the sign-in cookie; the cookie is accepted only while this row
/// exists, so signing out (here, or "on all devices") ends the session on the server too, and a copied
/// cookie stops working.
/// </summary>
public class UserSession
{
    private UserSession() { }

    public UserSession(string userId, DateTime now)
    {
        Id = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        UserId = userId;
        CreatedAt = now;
    }

    public string Id { get; private set; } = "";
    public string UserId { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
}
