using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResetConsole.Policy;

namespace ResetConsole.Data.Configurations;

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> builder)
    {
        builder.ToTable("PolicyVersions");
        builder.HasKey(v => v.Number);
        builder.Property(v => v.Number).ValueGeneratedNever();
        builder.Property(v => v.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(v => v.ActivatedAt);
    }
}
