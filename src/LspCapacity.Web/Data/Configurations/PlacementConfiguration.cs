using LspCapacity.Web.Domain.Placements;
using LspCapacity.Web.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LspCapacity.Web.Data.Configurations;

public class MentorProfileConfiguration : IEntityTypeConfiguration<MentorProfile>
{
    public void Configure(EntityTypeBuilder<MentorProfile> builder)
    {
        builder.Property(m => m.Organisation).HasMaxLength(200);
        builder.Property(m => m.Biography).HasMaxLength(2000);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Region>().WithMany().HasForeignKey(m => m.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.PersonId).IsUnique();
        builder.HasIndex(m => m.RegionId);
    }
}

public class SupportRequestConfiguration : IEntityTypeConfiguration<SupportRequest>
{
    public void Configure(EntityTypeBuilder<SupportRequest> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Goals).HasMaxLength(2000);
        builder.Property(r => r.PreferredDates).HasMaxLength(300);
        builder.Property(r => r.StatusChangedById).HasMaxLength(450);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.RegionId, r.Status });
    }
}

public class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> builder)
    {
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Goals).HasMaxLength(2000);
        builder.Property(p => p.EndReason).HasMaxLength(1000);
        builder.Property(p => p.HostOrganisation).HasMaxLength(200);
        builder.Property(p => p.TimeCommitment).HasMaxLength(200);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.MentorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.MenteeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(p => p.MenteePartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SupportRequest>().WithMany().HasForeignKey(p => p.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Projects.Project>().WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Brokerage.Offer>().WithMany().HasForeignKey(p => p.SecondmentOfferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.SecondmentOfferId);
        builder.HasIndex(p => new { p.RegionId, p.Status });
        builder.HasIndex(p => p.MentorId);
        builder.HasIndex(p => p.MenteeId);
        builder.HasMany(p => p.Themes).WithOne().HasForeignKey(t => t.PlacementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Sessions).WithOne().HasForeignKey(s => s.PlacementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Outcomes).WithOne().HasForeignKey(o => o.PlacementId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Themes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Sessions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Outcomes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class PlacementThemeConfiguration : IEntityTypeConfiguration<PlacementTheme>
{
    public void Configure(EntityTypeBuilder<PlacementTheme> builder)
    {
        builder.HasKey(t => new { t.PlacementId, t.ThemeId });
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class PlacementSessionConfiguration : IEntityTypeConfiguration<PlacementSession>
{
    public void Configure(EntityTypeBuilder<PlacementSession> builder)
    {
        builder.Property(s => s.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Summary).HasMaxLength(4000);
        builder.Property(s => s.PrivateNotes).HasMaxLength(4000);
        builder.Property(s => s.AgreedActions).HasMaxLength(2000);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.LoggedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PlacementId, s.Date });
    }
}

public class PlacementOutcomeConfiguration : IEntityTypeConfiguration<PlacementOutcome>
{
    public void Configure(EntityTypeBuilder<PlacementOutcome> builder)
    {
        builder.Property(o => o.WhatChanged).HasMaxLength(2000);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.PlacementId, o.PersonId }).IsUnique();
    }
}
