using LspCapacity.Tests.Domain.Activities;
using LspCapacity.Tests.Domain.Reviews;
using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Domain.Projects;
using LspCapacity.Web.Domain.Reviews;

namespace LspCapacity.Tests.Domain.Projects;

/// <summary>Bookings, placements, peer reviews and case studies name only a supported project of their own partnership.</summary>
public class SupportLinkTests
{
    private const int Ours = 10;
    private const int Theirs = 20;
    private static readonly ProjectForSupport Active = new(1, Ours, "Safer streets", Accepted: true, Completed: false);
    private static readonly ProjectForSupport Proposed = new(2, Ours, "Youth forum", Accepted: false, Completed: false);
    private static readonly ProjectForSupport Completed = new(3, Ours, "Older people's hub", Accepted: false, Completed: true);
    private static readonly ProjectForSupport Elsewhere = new(4, Theirs, "Their project", Accepted: true, Completed: false);

    [Fact]
    public void Booking_ServesAnActiveProjectOfItsPartnership_AndCanBeUnlinked()
    {
        var activity = TestActivities.Published();
        var booking = activity.Book("person", Ours, TestActivities.WhileOpen);
        booking.ServeProject(Active);
        Assert.Equal(Active.Id, booking.ProjectId);
        booking.ServeProject(null);
        Assert.Null(booking.ProjectId);
    }

    [Fact]
    public void Booking_RefusesAnotherPartnershipsProject_AndOneNotAccepted()
    {
        var booking = TestActivities.Published().Book("person", Ours, TestActivities.WhileOpen);
        var another = Assert.Throws<DomainException>(() => booking.ServeProject(Elsewhere));
        Assert.Contains("another partnership's project", another.Message);
        Assert.Throws<DomainException>(() => booking.ServeProject(Proposed));
        Assert.Throws<DomainException>(() => booking.ServeProject(Completed));
        Assert.Null(booking.ProjectId);
    }

    [Fact]
    public void Booking_WithoutAPartnership_ServesNoProject()
    {
        var booking = TestActivities.Published().Book("mentor", null, TestActivities.WhileOpen);
        Assert.Throws<DomainException>(() => booking.ServeProject(Active));
    }

    [Fact]
    public void Placement_ServesOnlyTheMenteesPartnershipsActiveProject()
    {
        var today = new DateOnly(2026, 11, 25);
        var placement = new Placement(1, PlacementKind.Mentoring, "mentor", "mentee", Ours, "Grow.", today, today.AddDays(90), [1], null, null, null);
        Assert.Throws<DomainException>(() => placement.ServeProject(Elsewhere));
        Assert.Throws<DomainException>(() => placement.ServeProject(Proposed));
        placement.ServeProject(Active);
        Assert.Equal(Active.Id, placement.ProjectId);
    }

    [Fact]
    public void Review_ServesTheHostsActiveProject_SetByHostOrCoordinatorOnly()
    {
        var review = TestReviews.WithTeam();
        var host = new ProjectForSupport(5, TestReviews.Host, "Host project", Accepted: true, Completed: false);
        Assert.Throws<DomainException>(() => review.ServeProject(ReviewActor.Peer, host));
        Assert.Throws<DomainException>(() => review.ServeProject(ReviewActor.Coordinator, Elsewhere with { PartnershipId = TestReviews.OtherPartnership }));
        review.ServeProject(ReviewActor.Host, host);
        Assert.Equal(host.Id, review.ProjectId);
        review.ServeProject(ReviewActor.Coordinator, null);
        Assert.Null(review.ProjectId);
    }

    [Fact]
    public void CaseStudy_ServesAnActiveOrCompletedProjectOfItsPartnership()
    {
        var now = TestActivities.WhileOpen;
        var study = new CaseStudy(1, "author", now);
        study.Edit("Title", "Summary.", "Body.", PracticeKind.Project, null, null, null, null, [1], now);
        Assert.Throws<DomainException>(() => study.ServeProject(Active)); // no partnership named yet
        study.Edit("Title", "Summary.", "Body.", PracticeKind.Project, Ours, null, null, null, [1], now);
        Assert.Throws<DomainException>(() => study.ServeProject(Elsewhere));
        Assert.Throws<DomainException>(() => study.ServeProject(Proposed));
        study.ServeProject(Completed);
        Assert.Equal(Completed.Id, study.ProjectId);
        study.ServeProject(Active);
        Assert.Equal(Active.Id, study.ProjectId);
    }
}
