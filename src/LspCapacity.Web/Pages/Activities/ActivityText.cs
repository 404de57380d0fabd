using LspCapacity.Web.Domain.Activities;

namespace LspCapacity.Web.Pages.Activities;

/// <summary>The words for activities and bookings, as pages and emails show them.</summary>
public static class ActivityText
{
    public static string Kind(ActivityKind kind) => kind switch
    {
        ActivityKind.StudyVisit => "Study visit",
        ActivityKind.Showcase => "Best-practice showcase",
        _ => kind.ToString(),
    };

    public static string Status(BookingStatus status) => status switch
    {
        BookingStatus.Waitlisted => "On the waiting list",
        BookingStatus.Requested => "Awaiting approval",
        _ => status.ToString(),
    };

    /// <summary>Why someone waits, as a clause: "the activity is full", or "your partnership already has …".</summary>
    public static string WhyWaiting(WaitReason reason, int? partnershipCap, string whose = "your") => reason switch
    {
        WaitReason.RegionCap => $"{whose} region already has as many places on this national showcase as its people may have",
        WaitReason.PartnershipCap =>
            $"{whose} partnership already has {partnershipCap} {(partnershipCap == 1 ? "place" : "places")} on this activity, the most one partnership may have",
        _ => "the activity is full",
    };

    /// <summary>What happens next for someone on the waiting list, told to them.</summary>
    public static string WhatNext(WaitReason reason) => reason switch
    {
        WaitReason.RegionCap =>
            "You can have a place only when one of your region's places is cancelled or the organisers raise its cap; "
            + "until then, free places go to people from other regions. We will email you if a place becomes yours.",
        WaitReason.PartnershipCap =>
            "You can have a place only when one of your partnership's places is cancelled or the programme team raises the limit; "
            + "until then, free places go to people from other partnerships, even if they joined the list after you. We will email you if a place becomes yours.",
        _ => "If a place comes up you will get it automatically, in the order people joined the list, and we will email you.",
    };

    public static string Sentence(string clause) => clause.Length == 0 ? clause : char.ToUpperInvariant(clause[0]) + clause[1..];
}
