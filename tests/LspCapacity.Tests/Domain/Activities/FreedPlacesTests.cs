using LspCapacity.Web.Domain.Activities;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Domain.Activities;

/// <summary>
/// Any change that frees places fills them from the waiting list at once, in order, within the
/// partnership cap: a place is never free while someone who could have it waits.
/// </summary>
public class FreedPlacesTests
{
    [Fact]
    public void RaisingCapacity_PromotesTheWaitingListInOrder()
    {
        var activity = Published(Details(capacity: 1));
        activity.Book("p1", 1, At(1));
        var first = activity.Book("p2", 2, At(2));
        var second = activity.Book("p3", 3, At(3));
        var third = activity.Book("p4", 4, At(4));

        var update = activity.Update(Details(capacity: 3), [1], At(5));

        Assert.Equal([first, second], update.BookingChanges.Select(c => c.Booking));
        Assert.All(update.BookingChanges, c => Assert.Equal(BookingStatus.Waitlisted, c.Was));
        Assert.Equal(BookingStatus.Confirmed, first.Status);
        Assert.Equal(At(5), first.StatusChangedAt);
        Assert.Equal(BookingStatus.Confirmed, second.Status);
        Assert.Equal([third], activity.WaitingList);
        Assert.Equal(3, activity.ConfirmedCount);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void RaisingCapacity_ThenANewBooking_DoesNotJumpTheWaitingList()
    {
        // The reported case: capacity 1, A confirmed, B waiting; capacity raised to 2; C books.
        var activity = Published(Details(capacity: 1));
        activity.Book("a", 1, At(1));
        var b = activity.Book("b", 2, At(2));
        activity.Update(Details(capacity: 2), [1], At(3));

        var c = activity.Book("c", 3, At(4));

        Assert.Equal(BookingStatus.Confirmed, b.Status);
        Assert.Equal(BookingStatus.Waitlisted, c.Status);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void RaisingCapacity_PassesOverThoseAtTheirPartnershipsCap()
    {
        var activity = Published(Details(capacity: 2, partnershipCap: 2));
        activity.Book("a1", 1, At(1));
        activity.Book("a2", 1, At(2));
        var a3 = activity.Book("a3", 1, At(3));
        var b1 = activity.Book("b1", 2, At(4));

        var update = activity.Update(Details(capacity: 4, partnershipCap: 2), [1], At(5));

        Assert.Equal([b1], update.BookingChanges.Select(c => c.Booking));
        Assert.Equal(BookingStatus.Waitlisted, a3.Status);
        Assert.Equal(1, activity.PlacesLeft);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void RaisingThePartnershipCap_PromotesThoseItHeldBack()
    {
        var activity = Published(Details(capacity: 5, partnershipCap: 1));
        activity.Book("a1", 1, At(1));
        var a2 = activity.Book("a2", 1, At(2));
        var a3 = activity.Book("a3", 1, At(3));

        var update = activity.Update(Details(capacity: 5, partnershipCap: 2), [1], At(4));

        Assert.Equal([a2], update.BookingChanges.Select(c => c.Booking));
        Assert.Equal(BookingStatus.Confirmed, a2.Status);
        Assert.Equal(BookingStatus.Waitlisted, a3.Status);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void RemovingTheCap_PromotesEveryoneItHeldBack_UpToCapacity()
    {
        var activity = Published(Details(capacity: 3, partnershipCap: 1));
        activity.Book("a1", 1, At(1));
        var a2 = activity.Book("a2", 1, At(2));
        var a3 = activity.Book("a3", 1, At(3));
        var a4 = activity.Book("a4", 1, At(4));

        activity.Update(Details(capacity: 3), [1], At(5));

        Assert.Equal([BookingStatus.Confirmed, BookingStatus.Confirmed, BookingStatus.Waitlisted], new[] { a2, a3, a4 }.Select(b => b.Status));
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void EndingApproval_QueuesRequestsInTheOrderTheyWereMade_AndFillsTheFreePlaces()
    {
        var activity = Published(Details(capacity: 2, mode: BookingMode.Approval));
        var approved = activity.Book("p1", 1, At(1));
        activity.Approve(approved, At(2));
        var earlier = activity.Book("p2", 2, At(3));
        var later = activity.Book("p3", 3, At(4));

        var update = activity.Update(Details(capacity: 2, mode: BookingMode.FirstCome), [1], At(5));

        Assert.Equal(BookingStatus.Confirmed, earlier.Status);
        Assert.Equal(BookingStatus.Waitlisted, later.Status);
        Assert.Equal([earlier, later], update.BookingChanges.Select(c => c.Booking));
        Assert.All(update.BookingChanges, c => Assert.Equal(BookingStatus.Requested, c.Was));
        Assert.Equal(BookingStatus.Waitlisted, activity.Book("p4", 4, At(6)).Status);
        Assert.Equal([later], activity.WaitingList.Take(1));
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void StartingApproval_LeavesTheWaitingListWaiting()
    {
        var activity = Published(Details(capacity: 1));
        activity.Book("p1", 1, At(1));
        var waiting = activity.Book("p2", 2, At(2));

        var update = activity.Update(Details(capacity: 1, mode: BookingMode.Approval), [1], At(3));

        Assert.Empty(update.BookingChanges);
        Assert.Equal(BookingStatus.Waitlisted, waiting.Status);
        AssertConfirmedCountIsConsistent(activity);
    }

    [Fact]
    public void AChangeThatFreesNoPlace_MovesNobody()
    {
        var activity = Published(Details(capacity: 1));
        activity.Book("p1", 1, At(1));
        var waiting = activity.Book("p2", 2, At(2));

        var update = activity.Update(Details(capacity: 1) with { Description = "Bring a laptop." }, [1], At(3));

        Assert.Empty(update.BookingChanges);
        Assert.Equal(BookingStatus.Waitlisted, waiting.Status);
    }
}
