using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResetConsole.Features.Approvals;

namespace ResetConsole.Data.Configurations;

internal sealed class QueueTallyConfiguration : IEntityTypeConfiguration<QueueTally>
{
    public void Configure(EntityTypeBuilder<QueueTally> builder)
    {
        builder.ToTable("QueueTallies");
        builder.HasKey(t => new { t.Queue, t.TierId });
        builder.Property(t => t.Queue).HasConversion<string>().HasMaxLength(16);
    }
}
