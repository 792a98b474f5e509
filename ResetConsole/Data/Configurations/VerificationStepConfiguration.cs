using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResetConsole.Domain.Cases;

namespace ResetConsole.Data.Configurations;

internal sealed class VerificationStepConfiguration : IEntityTypeConfiguration<VerificationStep>
{
    public void Configure(EntityTypeBuilder<VerificationStep> builder)
    {
        builder.ToTable("VerificationSteps");
        // Ids are set by the domain; a step added to an existing case must be inserted, not taken for an update.
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Options).HasJsonConversion();
        builder.Property(s => s.Controls).HasJsonConversion();
        builder.Property(s => s.PassedKinds).HasJsonConversion();
        builder.Property(s => s.Evidence).HasJsonConversion();
    }
}
