using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Activities;
using static LspCapacity.Tests.Domain.Activities.TestActivities;

namespace LspCapacity.Tests.Domain.Activities;

/// <summary>Attendance is recorded for confirmed places, once the activity has started.</summary>
public class AttendanceTests
{
    [Fact]
    public void RecordAttendance_ForAConfirmedPlace_OnceStarted_Records()
    {
        var activity = Published(Details(capacity: 2));
        var attended = activity.Book("p1", 1, At(1));
        var noShow = activity.Book("p2", 2, At(2));

        activity.RecordAttendance(attended, Attendance.Attended, Starts);
        activity.RecordAttendance(noShow, Attendance.NoShow, Ends);

        Assert.Equal(Attendance.Attended, attended.Attendance);
        Assert.Equal(Attendance.NoShow, noShow.Attendance);
    }

    [Fact]
    public void RecordAttendance_CanBeCorrected()
    {
        var activity = Published();
        var booking = activity.Book("p1", 1, At(1));
        activity.RecordAttendance(booking, Attendance.NoShow, Ends);

        activity.RecordAttendance(booking, null, Ends);

        Assert.Null(booking.Attendance);
    }

    [Fact]
    public void RecordAttendance_BeforeTheStart_IsRefused()
    {
        var activity = Published();
        var booking = activity.Book("p1", 1, At(1));

        Assert.Throws<DomainException>(() => activity.RecordAttendance(booking, Attendance.Attended, Starts.AddMinutes(-1)));
        Assert.Null(booking.Attendance);
    }

    [Fact]
    public void RecordAttendance_ForSomeoneWaiting_IsRefused()
    {
        var activity = Published(Details(capacity: 1));
        activity.Book("p1", 1, At(1));
        var waiting = activity.Book("p2", 2, At(2));

        Assert.Throws<DomainException>(() => activity.RecordAttendance(waiting, Attendance.Attended, Ends));
        Assert.Null(waiting.Attendance);
    }

    [Fact]
    public void RecordAttendance_ForACancelledBooking_IsRefused()
    {
        var activity = Published();
        var booking = activity.Book("p1", 1, At(1));
        activity.CancelBooking(booking, At(2));

        Assert.Throws<DomainException>(() => activity.RecordAttendance(booking, Attendance.Attended, Ends));
        Assert.Null(booking.Attendance);
    }
}
