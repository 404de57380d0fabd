using LspCapacity.Web.Domain.Programme;
using LspCapacity.Web.Domain.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LspCapacity.Web.Data.Configurations;

public class BoardMemberConfiguration : IEntityTypeConfiguration<BoardMember>
{
    public void Configure(EntityTypeBuilder<BoardMember> builder)
    {
        builder.HasOne<Region>().WithMany().HasForeignKey(m => m.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.AppointedById).OnDelete(DeleteBehavior.Restrict);
        // A person sits on their region's board once.
        builder.HasIndex(m => new { m.RegionId, m.UserId }).IsUnique();
        builder.HasIndex(m => m.UserId);
    }
}

public class BoardMeetingConfiguration : IEntityTypeConfiguration<BoardMeeting>
{
    public void Configure(EntityTypeBuilder<BoardMeeting> builder)
    {
        builder.Property(m => m.Place).HasMaxLength(300);
        builder.Property(m => m.Papers).HasMaxLength(20000);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Region>().WithMany().HasForeignKey(m => m.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.RegionId, m.StartsAt });
        builder.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Decisions).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(m => m.Agenda).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(m => m.Decisions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class BoardAgendaItemConfiguration : IEntityTypeConfiguration<BoardAgendaItem>
{
    public void Configure(EntityTypeBuilder<BoardAgendaItem> builder)
    {
        builder.Property(a => a.StatusBefore).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.MeetingId, a.ProposalId }).IsUnique();
        builder.HasIndex(a => a.ProposalId);
    }
}

public class BoardDecisionConfiguration : IEntityTypeConfiguration<BoardDecision>
{
    public void Configure(EntityTypeBuilder<BoardDecision> builder)
    {
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Budget).HasPrecision(12, 2);
        builder.Property(d => d.Reasons).HasMaxLength(4000);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(d => d.ProposalId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Proposal>().WithMany().HasForeignKey(d => d.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(d => d.RecordedById).OnDelete(DeleteBehavior.Restrict);
        // Recorded once per proposal per meeting, whatever two coordinators do at once.
        builder.HasIndex(d => new { d.MeetingId, d.ProposalId }).IsUnique();
        builder.HasIndex(d => new { d.ProposalId, d.RecordedAt });
        builder.HasIndex(d => d.RecordedAt);
    }
}
