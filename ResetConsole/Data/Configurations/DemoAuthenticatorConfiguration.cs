using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResetConsole.Directory.Demo;

namespace ResetConsole.Data.Configurations;

internal sealed class DemoAuthenticatorConfiguration : IEntityTypeConfiguration<DemoAuthenticator>
{
    public void Configure(EntityTypeBuilder<DemoAuthenticator> builder)
    {
        builder.ToTable("DemoAuthenticators");
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
    }
}
