using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResetConsole.Domain.Reporting;

namespace ResetConsole.Data.Configurations;

internal sealed class DailyCountConfiguration : IEntityTypeConfiguration<DailyCount>
{
    public void Configure(EntityTypeBuilder<DailyCount> builder)
    {
        builder.ToTable("DailyCounts");
        builder.HasKey(c => new { c.Metric, c.Day, c.Key });
        builder.Property(c => c.Metric).HasMaxLength(48);
        builder.Property(c => c.Key).HasMaxLength(200);
    }
}
