using LspCapacity.Web.Domain.Needs;
using LspCapacity.Web.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LspCapacity.Web.Data.Configurations;

public class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Round).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Survey>().WithMany().HasForeignKey(s => s.BaselineSurveyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.RegionId, s.Status });
        builder.HasMany(s => s.Sections).WithOne(s => s.Survey).HasForeignKey(s => s.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Sections).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class SurveySectionConfiguration : IEntityTypeConfiguration<SurveySection>
{
    public void Configure(EntityTypeBuilder<SurveySection> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(200);
        builder.Property(s => s.Help).HasMaxLength(1000);
        builder.HasOne<Theme>().WithMany().HasForeignKey(s => s.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Questions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("SurveyQuestions");
        builder.Property(q => q.Text).HasMaxLength(500);
        builder.Property(q => q.Help).HasMaxLength(1000);
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

public class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(r => r.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(r => r.SubmittedById).OnDelete(DeleteBehavior.Restrict);
        // One response per partnership per survey, whoever starts it.
        builder.HasIndex(r => new { r.SurveyId, r.PartnershipId }).IsUnique();
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.ToTable("SurveyAnswers");
        builder.Property(a => a.Text).HasMaxLength(Answer.MaxTextLength);
        builder.HasOne<Question>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UpdatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ResponseId, a.QuestionId }).IsUnique();
        builder.Ignore(a => a.IsAnswered);
    }
}
