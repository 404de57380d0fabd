using LspCapacity.Web.Domain.Activities;
using LspCapacity.Web.Domain.Programme;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LspCapacity.Web.Data.Configurations;

public class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Description).HasMaxLength(4000);
        builder.Property(a => a.Venue).HasMaxLength(300);
        builder.Property(a => a.CancelReason).HasMaxLength(1000);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Mode).HasConversion<string>().HasMaxLength(20);
        // The guard that keeps confirmed places within capacity under concurrency: every save that
        // changes the count is "UPDATE … WHERE Id = @id AND ConfirmedCount = @seen".
        builder.Property(a => a.ConfirmedCount).IsConcurrencyToken();
        builder.Ignore(a => a.WaitingList);
        builder.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(a => a.HostPartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Proposals.Proposal>().WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Restrict);
        // Only the activities made from a proposal, a few among many: indexed with every NULL too, the planner's statistics
        // counted the activities without one as one value shared by thousands, so it judged a search by proposal the worse
        // choice and read a region's every activity for the programme plan instead. A search by proposal (=, IN) implies
        // NOT NULL, so it may use this index on both engines.
        builder.HasIndex(a => a.ProposalId).HasFilter("\"ProposalId\" IS NOT NULL");
        // Capacity and confirmed places too, so the dashboard's upcoming totals are read from the index alone;
        // the end last, so the catalogue counts "not yet ended" from the index alone.
        builder.HasIndex(a => new { a.RegionId, a.Status, a.StartsAt, a.Capacity, a.ConfirmedCount, a.EndsAt });
        builder.HasIndex(a => new { a.Status, a.StartsAt });

        builder.HasMany(a => a.Themes).WithOne().HasForeignKey(t => t.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Costs).WithOne().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.PriorityPartnerships).WithOne().HasForeignKey(p => p.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Bookings).WithOne(b => b.Activity).HasForeignKey(b => b.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Themes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Costs).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.PriorityPartnerships).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Bookings).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class ActivityThemeConfiguration : IEntityTypeConfiguration<ActivityTheme>
{
    public void Configure(EntityTypeBuilder<ActivityTheme> builder)
    {
        builder.HasKey(t => new { t.ActivityId, t.ThemeId });
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.ThemeId);
    }
}

public class ActivityPriorityPartnershipConfiguration : IEntityTypeConfiguration<ActivityPriorityPartnership>
{
    public void Configure(EntityTypeBuilder<ActivityPriorityPartnership> builder)
    {
        builder.HasKey(p => new { p.ActivityId, p.PartnershipId });
        builder.HasOne<Partnership>().WithMany().HasForeignKey(p => p.PartnershipId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class CostLineConfiguration : IEntityTypeConfiguration<CostLine>
{
    public void Configure(EntityTypeBuilder<CostLine> builder)
    {
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Description).HasMaxLength(300);
    }
}

public class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Attendance).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.CancelReason).HasMaxLength(1000);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(b => b.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(b => b.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Projects.Project>().WithMany().HasForeignKey(b => b.ProjectId).OnDelete(DeleteBehavior.Restrict);
        // One live booking per person per activity, whatever the concurrency.
        builder.HasIndex(b => new { b.ActivityId, b.PersonId }).IsUnique()
            .HasFilter("\"Status\" IN ('Confirmed', 'Waitlisted', 'Requested')")
            .HasDatabaseName("IX_Bookings_OneLivePerPerson");
        builder.HasIndex(b => new { b.PersonId, b.Status });
        builder.HasIndex(b => new { b.ActivityId, b.Status, b.CreatedAt });
        // Who attended what, read from the index alone: the needs coverage and participation figures
        // walk every booking of a region's activities and need only these three columns.
        builder.HasIndex(b => new { b.ActivityId, b.Attendance, b.PartnershipId });
    }
}

public class FeedbackConfiguration : IEntityTypeConfiguration<Feedback>
{
    public void Configure(EntityTypeBuilder<Feedback> builder)
    {
        builder.ToTable("Feedback");
        builder.Property(f => f.ApplyLocally).HasMaxLength(2000);
        builder.Property(f => f.Comments).HasMaxLength(2000);
        builder.HasOne<Booking>().WithOne().HasForeignKey<Feedback>(f => f.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.BookingId).IsUnique();
    }
}

/// <summary>Co-delivery and national showcases: the activity's own part, configured apart from the rest of it.</summary>
public class ActivityCoDeliveryConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.HasMany(a => a.Contributors).WithOne().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.RegionCaps).WithOne().HasForeignKey(c => c.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Contributors).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.RegionCaps).UsePropertyAccessMode(PropertyAccessMode.Field);
        // Every region's catalogue lists the national showcases beside its own activities. A partial index of
        // the showcases alone: its condition is the catalogue's own bare "IsNational" term, which SQLite can
        // match to it (an index led by IsNational was never used: a bare boolean column is not an equality).
        builder.HasIndex(a => new { a.Status, a.StartsAt }).HasFilter("\"IsNational\"").HasDatabaseName("IX_Activities_National_Status_StartsAt");
    }
}

public class ActivityContributorConfiguration : IEntityTypeConfiguration<ActivityContributor>
{
    public void Configure(EntityTypeBuilder<ActivityContributor> builder)
    {
        builder.Property(c => c.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.PresenterName).HasMaxLength(ActivityContributor.PresenterNameMaxLength);
        builder.Property(c => c.Contribution).HasMaxLength(ActivityContributor.ContributionMaxLength);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(c => c.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        // The partnership page lists what each partnership contributed to.
        builder.HasIndex(c => new { c.PartnershipId, c.ActivityId });
    }
}

public class ActivityRegionCapConfiguration : IEntityTypeConfiguration<ActivityRegionCap>
{
    public void Configure(EntityTypeBuilder<ActivityRegionCap> builder)
    {
        builder.HasKey(c => new { c.ActivityId, c.RegionId });
        builder.HasOne<Region>().WithMany().HasForeignKey(c => c.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>The booker's home region: a national showcase's per-region caps and each region's figures count by it.</summary>
public class BookingRegionConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        builder.HasOne<Region>().WithMany().HasForeignKey(b => b.RegionId).OnDelete(DeleteBehavior.Restrict);
        // ActivityId last: a region's people's places at the national showcases are one search a showcase (the dashboard).
        builder.HasIndex(b => new { b.RegionId, b.Status, b.ActivityId });
    }
}
