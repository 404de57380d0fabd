using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LspCapacity.Web.Data.Configurations;

public class PeerReviewConfiguration : IEntityTypeConfiguration<PeerReview>
{
    public void Configure(EntityTypeBuilder<PeerReview> builder)
    {
        builder.ToTable("PeerReviews");
        // Two people moving the same review on at once: the second save finds the stage changed and is refused.
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(r => r.Scope).HasMaxLength(4000);
        builder.Property(r => r.ReportSummary).HasMaxLength(10_000);
        builder.Property(r => r.FollowUpSummary).HasMaxLength(4000);
        builder.Property(r => r.PublicSummary).HasMaxLength(1000);
        builder.Property(r => r.RescheduleReason).HasMaxLength(1000);
        builder.Property(r => r.EarlyFollowUpReason).HasMaxLength(1000);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.HostPartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Projects.Project>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.RegionId, r.Stage });
        builder.HasIndex(r => r.HostPartnershipId);
        builder.HasMany(r => r.FocusThemes).WithOne().HasForeignKey(t => t.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Team).WithOne().HasForeignKey(t => t.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Findings).WithOne().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Recommendations).WithOne().HasForeignKey(x => x.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Actions).WithOne().HasForeignKey(a => a.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.FocusThemes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Team).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Findings).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Recommendations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(r => r.Actions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.IsClosed);
        builder.Ignore(r => r.SelfAssessmentIsComplete);
    }
}

public class ReviewFocusThemeConfiguration : IEntityTypeConfiguration<ReviewFocusTheme>
{
    public void Configure(EntityTypeBuilder<ReviewFocusTheme> builder)
    {
        builder.ToTable("ReviewFocusThemes");
        builder.HasKey(t => new { t.ReviewId, t.ThemeId });
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ReviewTeamMemberConfiguration : IEntityTypeConfiguration<ReviewTeamMember>
{
    public void Configure(EntityTypeBuilder<ReviewTeamMember> builder)
    {
        builder.ToTable("ReviewTeamMembers");
        builder.HasKey(m => new { m.ReviewId, m.PersonId });
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.PersonId);
    }
}

public class SelfAssessmentAnswerConfiguration : IEntityTypeConfiguration<SelfAssessmentAnswer>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentAnswer> builder)
    {
        builder.ToTable("ReviewSelfAssessmentAnswers");
        builder.HasKey(a => new { a.ReviewId, a.ThemeId });
        builder.Property(a => a.Evidence).HasMaxLength(4000);
        builder.HasOne<Theme>().WithMany().HasForeignKey(a => a.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UpdatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ReviewFindingConfiguration : IEntityTypeConfiguration<ReviewFinding>
{
    public void Configure(EntityTypeBuilder<ReviewFinding> builder)
    {
        builder.ToTable("ReviewFindings");
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(f => f.Text).HasMaxLength(4000);
        builder.HasOne<Theme>().WithMany().HasForeignKey(f => f.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.ReviewId, f.ThemeId });
    }
}

public class ReviewRecommendationConfiguration : IEntityTypeConfiguration<ReviewRecommendation>
{
    public void Configure(EntityTypeBuilder<ReviewRecommendation> builder)
    {
        builder.ToTable("ReviewRecommendations");
        builder.Property(r => r.Text).HasMaxLength(4000);
        builder.HasOne<Theme>().WithMany().HasForeignKey(r => r.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ReviewActionConfiguration : IEntityTypeConfiguration<ReviewAction>
{
    public void Configure(EntityTypeBuilder<ReviewAction> builder)
    {
        builder.ToTable("ReviewActions");
        builder.Property(a => a.Description).HasMaxLength(2000);
        builder.Property(a => a.Owner).HasMaxLength(200);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<ReviewRecommendation>().WithMany().HasForeignKey(a => a.RecommendationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.Status, a.DueOn });
        builder.HasMany(a => a.Updates).WithOne().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Updates).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class ActionUpdateConfiguration : IEntityTypeConfiguration<ActionUpdate>
{
    public void Configure(EntityTypeBuilder<ActionUpdate> builder)
    {
        builder.ToTable("ReviewActionUpdates");
        builder.Property(u => u.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.Note).HasMaxLength(2000);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(u => u.ById).OnDelete(DeleteBehavior.Restrict);
    }
}
