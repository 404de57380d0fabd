using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LspCapacity.Web.Data.Configurations;

public class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Need).HasMaxLength(4000);
        builder.Property(p => p.WhoWouldCome).HasMaxLength(2000);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.HostOffer).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.RoughCost).HasPrecision(12, 2);
        builder.Property(p => p.ApprovedBudget).HasPrecision(12, 2);
        // An edit and a decision at once: the second save finds the status changed and is refused.
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Programme.Programme>().WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.ProposedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Activities.Activity>().WithMany().HasForeignKey(p => p.ActivityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.RegionId, p.Status });
        builder.HasIndex(p => p.PartnershipId);
        builder.HasMany(p => p.Themes).WithOne().HasForeignKey(t => t.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Themes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class ProposalThemeConfiguration : IEntityTypeConfiguration<ProposalTheme>
{
    public void Configure(EntityTypeBuilder<ProposalTheme> builder)
    {
        builder.HasKey(t => new { t.ProposalId, t.ThemeId });
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.ThemeId);
    }
}

public class ProposalEndorsementConfiguration : IEntityTypeConfiguration<ProposalEndorsement>
{
    public void Configure(EntityTypeBuilder<ProposalEndorsement> builder)
    {
        builder.Property(e => e.Comment).HasMaxLength(2000);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(e => e.ProposalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(e => e.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        // One endorsement per person; the partnership is counted once however many of its staff endorse.
        builder.HasIndex(e => new { e.ProposalId, e.UserId }).IsUnique();
        builder.HasIndex(e => new { e.ProposalId, e.PartnershipId });
    }
}
