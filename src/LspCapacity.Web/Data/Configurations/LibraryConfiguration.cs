using LspCapacity.Web.Domain.Library;
using LspCapacity.Web.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LspCapacity.Web.Data.Configurations;

public class CaseStudyConfiguration : IEntityTypeConfiguration<CaseStudy>
{
    public void Configure(EntityTypeBuilder<CaseStudy> builder)
    {
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Slug).HasMaxLength(100);
        builder.Property(c => c.Summary).HasMaxLength(1000);
        builder.Property(c => c.Body).HasMaxLength(50_000);
        builder.Property(c => c.Outcomes).HasMaxLength(4000);
        builder.Property(c => c.ContactName).HasMaxLength(200);
        builder.Property(c => c.ContactEmail).HasMaxLength(320);
        builder.Property(c => c.ReturnComments).HasMaxLength(2000);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Activities.Activity>().WithMany().HasForeignKey(c => c.SourceActivityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => c.SourceActivityId);
        // No database foreign key to PeerReviews: on SQLite adding one would rebuild CaseStudies and drop
        // the library's full-text triggers. Reviews are never deleted, so the link cannot dangle.
        builder.HasIndex(c => c.SourceReviewId);
        // Likewise the project it came from (projects are never deleted).
        builder.HasIndex(c => c.ProjectId);
        builder.HasIndex(c => c.Slug);
        builder.HasIndex(c => new { c.Status, c.PublishedAt });
        builder.HasIndex(c => new { c.RegionId, c.Status }); // the dashboard's "awaiting moderation", without reading each study
        builder.HasMany(c => c.Themes).WithOne().HasForeignKey(t => t.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.CaseStudyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Themes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(c => c.IsEditable);
    }
}

public class CaseStudyThemeConfiguration : IEntityTypeConfiguration<CaseStudyTheme>
{
    public void Configure(EntityTypeBuilder<CaseStudyTheme> builder)
    {
        builder.HasKey(t => new { t.CaseStudyId, t.ThemeId });
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.ThemeId);
    }
}

public class CaseStudyAttachmentConfiguration : IEntityTypeConfiguration<CaseStudyAttachment>
{
    public void Configure(EntityTypeBuilder<CaseStudyAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(100);
    }
}
