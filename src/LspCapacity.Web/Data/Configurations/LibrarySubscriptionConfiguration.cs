using LspCapacity.Web.Domain.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LspCapacity.Web.Data.Configurations;

public class LibrarySubscriptionConfiguration : IEntityTypeConfiguration<LibrarySubscription>
{
    public void Configure(EntityTypeBuilder<LibrarySubscription> builder)
    {
        builder.Property(s => s.UnsubscribeToken).HasMaxLength(64);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.PersonId).IsUnique();
        builder.HasIndex(s => s.UnsubscribeToken).IsUnique();
    }
}
