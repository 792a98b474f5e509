using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResetConsole.Domain.Exceptions;

namespace ResetConsole.Data.Configurations;

internal sealed class ExceptionGrantConfiguration : IEntityTypeConfiguration<ExceptionGrant>
{
    public void Configure(EntityTypeBuilder<ExceptionGrant> builder)
    {
        builder.ToTable("ExceptionGrants");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ReviewOutcome).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.WaivedKind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.GrantedByRoles).HasJsonConversion();

        // Two security leads deciding one request at once: the second save finds the version moved and loses.
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.Status, e.EndsAt });
        builder.HasIndex(e => new { e.ReviewedAt, e.ReviewDueAt });
        builder.HasIndex(e => e.CaseId);
        builder.HasIndex(e => new { e.DecidedById, e.ReviewedAt });
        builder.HasIndex(e => e.DecidedAt);
    }
}
