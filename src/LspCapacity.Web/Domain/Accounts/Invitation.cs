using System.Security.Cryptography;
using System.Text;

namespace LspCapacity.Web.Domain.Accounts;

public enum InvitationStatus
{
    Pending,
    Accepted,
    Expired,
    Revoked,
}

/// <summary>
/// A time-limited, single-use invitation to set a password. Only a hash of the token is stored, so a
/// copy of the database cannot be used to take over an account.
/// </summary>
public class Invitation
{
    private Invitation() { }

    private Invitation(string userId, string invitedById, string tokenHash, DateTime createdAt, DateTime expiresAt)
    {
        UserId = userId;
        InvitedById = invitedById;
        TokenHash = tokenHash;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public int Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string InvitedById { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? AcceptedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    /// <summary>Creates an invitation and returns the raw token, which only the email will carry.</summary>
    public static (Invitation Invitation, string Token) Create(string userId, string invitedById, DateTime now, TimeSpan lifetime)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new Invitation(userId, invitedById, Hash(token), now, now + lifetime), token);
    }

    public static string Hash(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public InvitationStatus StatusAt(DateTime now) =>
        AcceptedAt is not null ? InvitationStatus.Accepted
        : RevokedAt is not null ? InvitationStatus.Revoked
        : now >= ExpiresAt ? InvitationStatus.Expired
        : InvitationStatus.Pending;

    public void Accept(DateTime now)
    {
        switch (StatusAt(now))
        {
            case InvitationStatus.Accepted:
                throw new DomainException("This invitation has already been used. Sign in, or reset your password.");
            case InvitationStatus.Revoked:
                throw new DomainException("This invitation has been withdrawn. Ask your coordinator for a new one.");
            case InvitationStatus.Expired:
                throw new DomainException("This invitation has expired. Ask your coordinator for a new one.");
        }
        AcceptedAt = now;
    }

    public void Revoke(DateTime now)
    {
        if (StatusAt(now) == InvitationStatus.Pending)
        {
            RevokedAt = now;
        }
    }
}
