using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResetConsole.Domain.Reporting;

namespace ResetConsole.Data.Configurations;

internal sealed class VerificationDailyCountConfiguration : IEntityTypeConfiguration<VerificationDailyCount>
{
    public void Configure(EntityTypeBuilder<VerificationDailyCount> builder)
    {
        builder.ToTable("VerificationDailyCounts");
        builder.HasKey(c => new { c.Day, c.Kind });
        builder.Property(c => c.Kind).HasMaxLength(32);
    }
}
