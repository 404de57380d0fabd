using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Accounts;

namespace LspCapacity.Tests.Domain;

public class InvitationAcceptTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private static Invitation New() => Invitation.Create("user-1", "coordinator-1", Now, Week).Invitation;

    [Fact]
    public void Create_ExpiresAfterItsLifetime()
    {
        var invitation = New();

        Assert.Equal(Now + Week, invitation.ExpiresAt);
        Assert.Equal(InvitationStatus.Pending, invitation.StatusAt(Now + Week - TimeSpan.FromSeconds(1)));
        Assert.Equal(InvitationStatus.Expired, invitation.StatusAt(Now + Week));
    }

    [Fact]
    public void Accept_BeforeExpiry_RecordsAcceptance()
    {
        var invitation = New();
        var at = Now.AddDays(6);

        invitation.Accept(at);

        Assert.Equal(at, invitation.AcceptedAt);
        Assert.Equal(InvitationStatus.Accepted, invitation.StatusAt(at));
        Assert.Equal(InvitationStatus.Accepted, invitation.StatusAt(Now.AddDays(30)));
    }

    [Fact]
    public void Accept_WhenExpired_Refuses()
    {
        var invitation = New();

        var refusal = Assert.Throws<DomainException>(() => invitation.Accept(Now + Week));

        Assert.Contains("expired", refusal.Message);
        Assert.Null(invitation.AcceptedAt);
    }

    [Fact]
    public void Accept_Twice_Refuses()
    {
        var invitation = New();
        invitation.Accept(Now.AddHours(1));

        var refusal = Assert.Throws<DomainException>(() => invitation.Accept(Now.AddHours(2)));

        Assert.Contains("already been used", refusal.Message);
        Assert.Equal(Now.AddHours(1), invitation.AcceptedAt);
    }

    [Fact]
    public void Accept_WhenRevoked_Refuses()
    {
        var invitation = New();
        invitation.Revoke(Now.AddHours(1));

        var refusal = Assert.Throws<DomainException>(() => invitation.Accept(Now.AddHours(2)));

        Assert.Contains("withdrawn", refusal.Message);
        Assert.Null(invitation.AcceptedAt);
    }
}
