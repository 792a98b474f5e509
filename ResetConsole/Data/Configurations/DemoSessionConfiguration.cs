using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResetConsole.Directory.Demo;

namespace ResetConsole.Data.Configurations;

internal sealed class DemoSessionConfiguration : IEntityTypeConfiguration<DemoSession>
{
    public void Configure(EntityTypeBuilder<DemoSession> builder) => builder.ToTable("DemoSessions");
}
