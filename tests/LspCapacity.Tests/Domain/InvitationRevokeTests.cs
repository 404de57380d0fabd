using LspCapacity.Web.Domain.Accounts;

namespace LspCapacity.Tests.Domain;

public class InvitationRevokeTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    private static Invitation New() => Invitation.Create("user-1", "coordinator-1", Now, TimeSpan.FromDays(7)).Invitation;

    [Fact]
    public void Revoke_WhenPending_Revokes()
    {
        var invitation = New();

        invitation.Revoke(Now.AddHours(1));

        Assert.Equal(Now.AddHours(1), invitation.RevokedAt);
        Assert.Equal(InvitationStatus.Revoked, invitation.StatusAt(Now.AddHours(2)));
    }

    [Fact]
    public void Revoke_AfterAcceptance_LeavesItAccepted()
    {
        var invitation = New();
        invitation.Accept(Now.AddHours(1));

        invitation.Revoke(Now.AddHours(2));

        Assert.Null(invitation.RevokedAt);
        Assert.Equal(InvitationStatus.Accepted, invitation.StatusAt(Now.AddHours(3)));
    }

    [Fact]
    public void Revoke_AfterExpiry_LeavesItExpired()
    {
        var invitation = New();

        invitation.Revoke(Now.AddDays(8));

        Assert.Null(invitation.RevokedAt);
        Assert.Equal(InvitationStatus.Expired, invitation.StatusAt(Now.AddDays(8)));
    }
}
