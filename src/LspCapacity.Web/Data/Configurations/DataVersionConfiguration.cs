using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LspCapacity.Web.Data.Configurations;

public class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.HasKey(v => v.Name);
        builder.Property(v => v.Name).HasMaxLength(40);
        // One row per scope from the start: a change only ever adds one to an existing row.
        builder.HasData(DataScopes.All.Select(name => new DataVersion(name)));
    }
}
