using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LspCapacity.Web.Data.Configurations;

public class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Problem).HasMaxLength(4000);
        builder.Property(p => p.SupportPlan).HasMaxLength(4000);
        builder.Property(p => p.DeclineReason).HasMaxLength(2000);
        // A decision and an update at once: the second save finds the status changed and is refused.
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.LeadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.ProposedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.RegionId, p.Status });
        builder.HasIndex(p => new { p.PartnershipId, p.Status });
        builder.HasIndex(p => p.LeadId);
        builder.HasMany(p => p.Themes).WithOne().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Needs).WithOne().HasForeignKey(n => n.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Neighbourhoods).WithOne().HasForeignKey(n => n.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Measures).WithOne().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Updates).WithOne().HasForeignKey(u => u.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Documents).WithOne().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Results).WithOne().HasForeignKey<ProjectResults>(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Themes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Needs).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Neighbourhoods).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Milestones).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Measures).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Updates).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(p => p.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(p => p.IsOpen);
    }
}

public class ProjectThemeConfiguration : IEntityTypeConfiguration<ProjectTheme>
{
    public void Configure(EntityTypeBuilder<ProjectTheme> builder)
    {
        builder.HasKey(t => new { t.ProjectId, t.ThemeId });
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.ThemeId);
    }
}

public class ProjectNeedConfiguration : IEntityTypeConfiguration<ProjectNeed>
{
    public void Configure(EntityTypeBuilder<ProjectNeed> builder)
    {
        builder.HasKey(n => new { n.ProjectId, n.SurveyId, n.ThemeId });
        builder.Property(n => n.Level).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Survey>().WithMany().HasForeignKey(n => n.SurveyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Theme>().WithMany().HasForeignKey(n => n.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.ThemeId, n.SurveyId });
    }
}

public class ProjectNeighbourhoodConfiguration : IEntityTypeConfiguration<ProjectNeighbourhood>
{
    public void Configure(EntityTypeBuilder<ProjectNeighbourhood> builder)
    {
        builder.Property(n => n.Name).HasMaxLength(200);
    }
}

public class ProjectMilestoneConfiguration : IEntityTypeConfiguration<ProjectMilestone>
{
    public void Configure(EntityTypeBuilder<ProjectMilestone> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.HasIndex(m => new { m.ProjectId, m.DueOn });
        builder.Ignore(m => m.IsDone);
    }
}

public class ProjectMeasureConfiguration : IEntityTypeConfiguration<ProjectMeasure>
{
    public void Configure(EntityTypeBuilder<ProjectMeasure> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Unit).HasMaxLength(50);
        builder.Ignore(m => m.TargetMet);
    }
}

public class ProjectUpdateConfiguration : IEntityTypeConfiguration<ProjectUpdate>
{
    public void Configure(EntityTypeBuilder<ProjectUpdate> builder)
    {
        builder.Property(u => u.Rag).HasConversion<string>().HasMaxLength(10);
        builder.Property(u => u.Narrative).HasMaxLength(4000);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(u => u.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.ProjectId, u.PostedAt });
        builder.HasMany(u => u.Readings).WithOne().HasForeignKey(r => r.UpdateId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(u => u.Readings).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class ProjectMeasureReadingConfiguration : IEntityTypeConfiguration<ProjectMeasureReading>
{
    public void Configure(EntityTypeBuilder<ProjectMeasureReading> builder)
    {
        // Removing a measure is refused once it has readings; the database backs that rule.
        builder.HasOne<ProjectMeasure>().WithMany().HasForeignKey(r => r.MeasureId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.MeasureId, r.On });
    }
}

public class ProjectResultsConfiguration : IEntityTypeConfiguration<ProjectResults>
{
    public void Configure(EntityTypeBuilder<ProjectResults> builder)
    {
        builder.HasKey(r => r.ProjectId);
        builder.Property(r => r.WhatChanged).HasMaxLength(4000);
        builder.Property(r => r.SupportContribution).HasMaxLength(4000);
        builder.Property(r => r.DoDifferently).HasMaxLength(4000);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.RecordedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ProjectDocumentConfiguration : IEntityTypeConfiguration<ProjectDocument>
{
    public void Configure(EntityTypeBuilder<ProjectDocument> builder)
    {
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.ContentType).HasMaxLength(100);
    }
}
