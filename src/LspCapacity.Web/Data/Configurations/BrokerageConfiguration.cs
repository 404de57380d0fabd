using LspCapacity.Web.Domain.Brokerage;
using LspCapacity.Web.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LspCapacity.Web.Data.Configurations;

public class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.Website).HasMaxLength(400);
        builder.Property(o => o.Description).HasMaxLength(4000);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(o => o.Name).IsUnique();
        builder.HasIndex(o => new { o.IsActive, o.Kind });
        builder.Ignore(o => o.IsPartnerOrganisation);
        builder.HasMany(o => o.Regions).WithOne().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Contacts).WithOne().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Regions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(o => o.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class OrganisationRegionConfiguration : IEntityTypeConfiguration<OrganisationRegion>
{
    public void Configure(EntityTypeBuilder<OrganisationRegion> builder)
    {
        builder.HasKey(r => new { r.OrganisationId, r.RegionId });
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.RegionId);
    }
}

public class OrganisationContactConfiguration : IEntityTypeConfiguration<OrganisationContact>
{
    public void Configure(EntityTypeBuilder<OrganisationContact> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(OrganisationContact.NameLength);
        builder.Property(c => c.Email).HasMaxLength(OrganisationContact.EmailLength);
        builder.Property(c => c.Phone).HasMaxLength(OrganisationContact.PhoneLength);
        builder.Property(c => c.Role).HasMaxLength(OrganisationContact.RoleLength);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => c.OrganisationId);
        builder.HasIndex(c => c.UserId);
    }
}

public class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.Property(o => o.Title).HasMaxLength(200);
        builder.Property(o => o.Description).HasMaxLength(4000);
        builder.Property(o => o.ReleaseTerms).HasMaxLength(2000);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.DayRate).HasPrecision(12, 2);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.SecondeeHomeOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Programme.Programme>().WithMany().HasForeignKey(o => o.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.OrganisationId, o.ProgrammeId });
        builder.HasIndex(o => new { o.IsWithdrawn, o.Kind });
        builder.HasMany(o => o.Themes).WithOne().HasForeignKey(t => t.OfferId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Regions).WithOne().HasForeignKey(r => r.OfferId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Themes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(o => o.Regions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(o => o.IsFree);
    }
}

public class OfferThemeConfiguration : IEntityTypeConfiguration<OfferTheme>
{
    public void Configure(EntityTypeBuilder<OfferTheme> builder)
    {
        builder.HasKey(t => new { t.OfferId, t.ThemeId });
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.ThemeId);
    }
}

public class OfferRegionConfiguration : IEntityTypeConfiguration<OfferRegion>
{
    public void Configure(EntityTypeBuilder<OfferRegion> builder)
    {
        builder.HasKey(r => new { r.OfferId, r.RegionId });
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.RegionId);
    }
}

public class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> builder)
    {
        builder.Property(c => c.Days).HasPrecision(8, 2);
        builder.Property(c => c.DaysUsed).HasPrecision(8, 2);
        builder.Property(c => c.DayRate).HasPrecision(12, 2);
        builder.Property(c => c.CommittedCost).HasPrecision(12, 2);
        builder.Property(c => c.ActualCost).HasPrecision(12, 2);
        builder.Property(c => c.RatingComment).HasMaxLength(2000);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Domain.Programme.Programme>().WithMany().HasForeignKey(c => c.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Offer>().WithMany().HasForeignKey(c => c.OfferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ProgrammeId, c.Status });
        builder.HasIndex(c => c.PartnershipId);
        builder.HasIndex(c => c.OrganisationId);
        builder.HasOne<BrokerageRequest>().WithMany().HasForeignKey(c => c.RequestId).OnDelete(DeleteBehavior.Restrict);
        // One commitment per request: a second acceptance saved at once is refused here.
        builder.HasIndex(c => c.RequestId).IsUnique();
        builder.Ignore(c => c.Cost);
    }
}

public class BrokerageRequestConfiguration : IEntityTypeConfiguration<BrokerageRequest>
{
    public void Configure(EntityTypeBuilder<BrokerageRequest> builder)
    {
        builder.Property(r => r.What).HasMaxLength(4000);
        builder.Property(r => r.RequestedById).HasMaxLength(450);
        builder.Property(r => r.BrokerId).HasMaxLength(450);
        builder.Property(r => r.DecidedById).HasMaxLength(450);
        builder.Property(r => r.Reasoning).HasMaxLength(4000);
        builder.Property(r => r.QuotesCompared).HasMaxLength(4000);
        builder.Property(r => r.AskedAgainReason).HasMaxLength(2000);
        builder.Property(r => r.BudgetCeiling).HasPrecision(12, 2);
        builder.Property(r => r.Days).HasPrecision(8, 2);
        builder.Property(r => r.DayRate).HasPrecision(12, 2);
        // Every change moves the status or the time: two decisions saved at once cannot both win.
        builder.Property(r => r.UpdatedAt).IsConcurrencyToken();
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Theme>().WithMany().HasForeignKey(r => r.NeedThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Projects.Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Offer>().WithMany().HasForeignKey(r => r.OfferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.RegionId, r.Status, r.CreatedAt });
        builder.HasIndex(r => new { r.PartnershipId, r.CreatedAt });
        builder.Ignore(r => r.RecommendedCost);
        builder.Ignore(r => r.IsOpen);
    }
}

public class BrokerInterestConfiguration : IEntityTypeConfiguration<BrokerInterest>
{
    public void Configure(EntityTypeBuilder<BrokerInterest> builder)
    {
        builder.Property(i => i.BrokerId).HasMaxLength(450);
        builder.Property(i => i.Note).HasMaxLength(1000);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.BrokerId, i.OrganisationId }).IsUnique();
    }
}
