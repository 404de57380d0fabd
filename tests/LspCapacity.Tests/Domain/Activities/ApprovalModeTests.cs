using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Domain.Activities;

/// <summary>In approval mode a booking is a request that takes no place until a coordinator approves it.</summary>
public class ApprovalModeTests
{
    private static Activity ApprovalActivity(int capacity = 10, int? partnershipCap = null) =>
        Published(Details(capacity, partnershipCap, BookingMode.Approval));

    [Fact]
    public void Book_MakesARequest_ThatTakesNoPlace()
    {
        var activity = ApprovalActivity(capacity: 1);

        var first = activity.Book("p1", 1, At(1));
        var second = activity.Book("p2", 2, At(2));

        Assert.Equal(BookingStatus.Requested, first.Status);
        Assert.Equal(BookingStatus.Requested, second.Status);
        Assert.Equal(0, activity.ConfirmedCount);
        Assert.Equal(1, activity.PlacesLeft);
        Assert.Empty(activity.WaitingList);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Approve_WithAFreePlace_Confirms()
    {
        var activity = ApprovalActivity(capacity: 1);
        var request = activity.Book("p1", 1, At(1));

        var status = activity.Approve(request, At(2));

        Assert.Equal(BookingStatus.Confirmed, status);
        Assert.Equal(BookingStatus.Confirmed, request.Status);
        Assert.Equal(At(2), request.StatusChangedAt);
        Assert.Equal(1, activity.ConfirmedCount);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Approve_WhenFull_Waitlists()
    {
        var activity = ApprovalActivity(capacity: 1);
        var first = activity.Book("p1", 1, At(1));
        var second = activity.Book("p2", 2, At(2));
        activity.Approve(first, At(3));

        var status = activity.Approve(second, At(4));

        Assert.Equal(BookingStatus.Waitlisted, status);
        Assert.Equal(BookingStatus.Waitlisted, second.Status);
        Assert.Equal([second], activity.WaitingList);
        Assert.Equal(1, activity.ConfirmedCount);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Approve_BeyondThePartnershipCap_Waitlists()
    {
        var activity = ApprovalActivity(capacity: 5, partnershipCap: 1);
        var first = activity.Book("a1", 1, At(1));
        var second = activity.Book("a2", 1, At(2));
        activity.Approve(first, At(3));

        Assert.Equal(BookingStatus.Waitlisted, activity.Approve(second, At(4)));
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Approve_OfSomethingOtherThanARequest_IsRefused()
    {
        var activity = ApprovalActivity();
        var request = activity.Book("p1", 1, At(1));
        activity.Approve(request, At(2));

        Assert.Throws<DomainException>(() => activity.Approve(request, At(3)));
        Assert.Equal(1, activity.ConfirmedCount);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void Decline_WithAReason_Declines()
    {
        var activity = ApprovalActivity();
        var request = activity.Book("p1", 1, At(1));

        activity.Decline(request, At(2), "  This visit is for managers  ");

        Assert.Equal(BookingStatus.Declined, request.Status);
        Assert.Equal("This visit is for managers", request.CancelReason);
        Assert.False(request.IsLive);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Decline_WithoutAReason_IsRefused(string reason)
    {
        var activity = ApprovalActivity();
        var request = activity.Book("p1", 1, At(1));

        Assert.Throws<DomainException>(() => activity.Decline(request, At(2), reason));
        Assert.Equal(BookingStatus.Requested, request.Status);
    }

    [Fact]
    public void Decline_OfAConfirmedPlace_IsRefused()
    {
        var activity = ApprovalActivity();
        var request = activity.Book("p1", 1, At(1));
        activity.Approve(request, At(2));

        Assert.Throws<DomainException>(() => activity.Decline(request, At(3), "Changed my mind"));
        Assert.Equal(BookingStatus.Confirmed, request.Status);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void CancellingAConfirmedPlace_PromotesAnApprovedWaitingPerson_NotARequest()
    {
        var activity = ApprovalActivity(capacity: 1);
        var confirmed = activity.Book("p1", 1, At(1));
        activity.Approve(confirmed, At(2));
        var request = activity.Book("p2", 2, At(3));
        var approvedWaiting = activity.Book("p3", 3, At(4));
        activity.Approve(approvedWaiting, At(5));

        var promotion = Assert.Single(activity.CancelBooking(confirmed, At(6)));

        Assert.Same(approvedWaiting, promotion.Booking);
        Assert.Equal(BookingStatus.Requested, request.Status);
        AssertConfirmedCountIsConsistent(activity);
    }
}
