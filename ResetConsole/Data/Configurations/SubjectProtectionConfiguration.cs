using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResetConsole.Domain.Cases;

namespace ResetConsole.Data.Configurations;

internal sealed class SubjectProtectionConfiguration : IEntityTypeConfiguration<SubjectProtection>
{
    public void Configure(EntityTypeBuilder<SubjectProtection> builder)
    {
        builder.ToTable("SubjectProtections");
        builder.HasIndex(p => new { p.SubjectId, p.Until });
    }
}
