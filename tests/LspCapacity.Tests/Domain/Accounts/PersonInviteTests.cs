using LspCapacity.Web.Domain;
using LspCapacity.Web.Domain.Accounts;

namespace LspCapacity.Tests.Domain.Accounts;

/// <summary>Who may be invited with which role: coordinators give LSP staff and mentor roles, LSP staff work for a partnership.</summary>
public class PersonInviteTests
{
    [Fact]
    public void Create_LspStaff_KeepsThePartnershipAndTrims()
    {
        var invite = PersonInvite.Create(Roles.Coordinator, 1, " pat@sandwell.example ", "  Pat Person ", "  ", Roles.LspStaff, 5, partnershipIsTheRegions: true);

        Assert.Equal(new PersonInvite("pat@sandwell.example", "Pat Person", null, 1, Roles.LspStaff, 5), invite);
    }

    [Fact]
    public void Create_AMentor_WorksForNoPartnership() =>
        Assert.Null(PersonInvite.Create(Roles.Coordinator, 1, "m@x.example", "Mo", "Council", Roles.Mentor, 5, partnershipIsTheRegions: true).PartnershipId);

    [Theory]
    [InlineData(Roles.Coordinator, Roles.Coordinator)]
    [InlineData(Roles.Coordinator, Roles.Admin)]
    [InlineData(Roles.Coordinator, "Overlord")]
    [InlineData(Roles.LspStaff, Roles.LspStaff)]
    public void CheckRole_ARoleTheGiverMayNotGive_IsRefused(string giver, string role) =>
        Assert.Contains(new InviteProblem(PersonInvite.RoleField, "Select a role you may give"), PersonInvite.CheckRole(giver, role, 5, true));

    [Fact]
    public void CheckRole_AnAdmin_MayGiveEveryRole() =>
        Assert.All(Roles.All, role => Assert.Empty(PersonInvite.CheckRole(Roles.Admin, role, 5, true)));

    [Fact]
    public void CheckRole_LspStaffWithoutAPartnership_IsRefused() =>
        Assert.Equal(new[] { new InviteProblem(PersonInvite.PartnershipField, "Select the partnership this person works for") },
            PersonInvite.CheckRole(Roles.Coordinator, Roles.LspStaff, null, false));

    [Fact]
    public void CheckRole_LspStaffOfAnotherRegionsPartnership_IsRefused() =>
        Assert.Equal(new[] { new InviteProblem(PersonInvite.PartnershipField, "Select a partnership from the list") },
            PersonInvite.CheckRole(Roles.Coordinator, Roles.LspStaff, 99, partnershipIsTheRegions: false));

    [Fact]
    public void Create_WhatCheckRoleRefuses_IsRefused() =>
        Assert.Equal("Select a role you may give.",
            Assert.Throws<DomainException>(() => PersonInvite.Create(Roles.Coordinator, 1, "c@x.example", "C", null, Roles.Coordinator, null, false)).Message);

    [Fact]
    public void Create_WithoutAName_IsRefused() =>
        Assert.Throws<DomainException>(() => PersonInvite.Create(Roles.Coordinator, 1, "m@x.example", " ", null, Roles.Mentor, null, false));

    [Fact]
    public void Create_AProviderContact_KeepsTheOrganisation_AndNoPartnership()
    {
        var invite = PersonInvite.Create(Roles.Coordinator, 1, "p@provider.example", "Pat", null, Roles.ProviderContact, 5, true,
            organisationId: 9, organisationIsOnTheRegister: true);
        Assert.Equal(9, invite.OrganisationId);
        Assert.Null(invite.PartnershipId);
    }

    [Fact]
    public void CheckOrganisation_AProviderContactWithoutOrNotOnTheRegister_IsRefused()
    {
        Assert.Contains(new InviteProblem(PersonInvite.OrganisationField, "Select the organisation this provider contact works for"),
            PersonInvite.CheckOrganisation(Roles.ProviderContact, null, false));
        Assert.Contains(new InviteProblem(PersonInvite.OrganisationField, "Select an organisation from the list"),
            PersonInvite.CheckOrganisation(Roles.ProviderContact, 99, false));
        Assert.Throws<DomainException>(() => PersonInvite.Create(Roles.Coordinator, 1, "p@provider.example", "Pat", null, Roles.ProviderContact, null, false));
    }

    [Fact]
    public void Create_AnyOtherRole_HasNoOrganisation() =>
        Assert.Null(PersonInvite.Create(Roles.Coordinator, 1, "m@x.example", "Mo", null, Roles.Mentor, null, false, organisationId: 9, organisationIsOnTheRegister: true).OrganisationId);
}
