using LspCapacity.Web.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LspCapacity.Web.Data.Configurations;

public class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.Property(r => r.Code).HasMaxLength(40);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.NameInSentence).HasMaxLength(200);
        builder.Ignore(r => r.InSentence);
        builder.HasIndex(r => r.Code).IsUnique();
    }
}

public class ProgrammeConfiguration : IEntityTypeConfiguration<Domain.Programme.Programme>
{
    public void Configure(EntityTypeBuilder<Domain.Programme.Programme> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Aim).HasMaxLength(2000);
        // Acceptances change it as "UPDATE … WHERE Id = @id AND BrokeredTotal = @seen": the loser retries and sees the new total.
        builder.Property(p => p.BrokeredTotal).IsConcurrencyToken();
        builder.HasOne(p => p.Region).WithMany().HasForeignKey(p => p.RegionId);
        builder.HasIndex(p => new { p.RegionId, p.Name }).IsUnique();
        builder.HasMany(p => p.Objectives).WithOne().HasForeignKey(o => o.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Objectives).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.ComplexProperty(p => p.FairShares, rule =>
        {
            rule.Property(r => r.Basis).HasConversion<string>().HasMaxLength(20);
            rule.Property(r => r.HighNeedWeight).HasPrecision(8, 2);
            rule.Property(r => r.MediumNeedWeight).HasPrecision(8, 2);
            rule.Property(r => r.NrfUpliftPercent).HasPrecision(8, 2);
        });
        builder.PrimitiveCollection(p => p.ThemeIds);
        builder.PrimitiveCollection(p => p.PartnershipIds);
        builder.Ignore(p => p.IsClosed);
    }
}

public class ProgrammeObjectiveConfiguration : IEntityTypeConfiguration<ProgrammeObjective>
{
    public void Configure(EntityTypeBuilder<ProgrammeObjective> builder)
    {
        builder.Property(o => o.Text).HasMaxLength(1000);
    }
}

public class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.AreaType).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(p => p.Region).WithMany().HasForeignKey(p => p.RegionId);
        builder.HasOne(p => p.County).WithMany().HasForeignKey(p => p.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(p => p.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.RegionId, p.Name }).IsUnique();
    }
}

public class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(60);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Description).HasMaxLength(1000);
        builder.HasIndex(t => t.Code).IsUnique();
    }
}
