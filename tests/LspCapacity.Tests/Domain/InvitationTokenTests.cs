using LspCapacity.Web.Domain.Accounts;

namespace LspCapacity.Tests.Domain;

public class InvitationTokenTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Create_StoresHashOfTokenNotTheToken()
    {
        var (invitation, token) = Invitation.Create("user-1", "coordinator-1", Now, TimeSpan.FromDays(7));

        Assert.False(string.IsNullOrWhiteSpace(token));
        Assert.Equal(Invitation.Hash(token), invitation.TokenHash);
        Assert.NotEqual(token, invitation.TokenHash);
        Assert.DoesNotContain(token, invitation.TokenHash, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("^[0-9A-F]{64}$", invitation.TokenHash);
    }

    [Fact]
    public void Create_GivesEachInvitationItsOwnUrlSafeToken()
    {
        var (first, firstToken) = Invitation.Create("user-1", "coordinator-1", Now, TimeSpan.FromDays(7));
        var (second, secondToken) = Invitation.Create("user-1", "coordinator-1", Now, TimeSpan.FromDays(7));

        Assert.NotEqual(firstToken, secondToken);
        Assert.NotEqual(first.TokenHash, second.TokenHash);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", firstToken);
    }

    [Fact]
    public void Hash_OfADifferentToken_DoesNotMatch()
    {
        var (invitation, token) = Invitation.Create("user-1", "coordinator-1", Now, TimeSpan.FromDays(7));

        Assert.NotEqual(invitation.TokenHash, Invitation.Hash(token + "x"));
        Assert.NotEqual(invitation.TokenHash, Invitation.Hash(token.ToUpperInvariant()));
    }
}
