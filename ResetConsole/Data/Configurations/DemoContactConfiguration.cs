using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResetConsole.Directory.Demo;

namespace ResetConsole.Data.Configurations;

internal sealed class DemoContactConfiguration : IEntityTypeConfiguration<DemoContact>
{
    public void Configure(EntityTypeBuilder<DemoContact> builder)
    {
        builder.ToTable("DemoContacts");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
    }
}
