using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResetConsole.Domain.Cases;

namespace ResetConsole.Data.Configurations;

internal sealed class RecoveryCaseConfiguration : IEntityTypeConfiguration<RecoveryCase>
{
    public void Configure(EntityTypeBuilder<RecoveryCase> builder)
    {
        builder.ToTable("RecoveryCases");
        builder.Ignore(c => c.Reference);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.RequestedAction).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.EffectiveAction).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.SubjectKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ApprovalQueue).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Reasons).HasJsonConversion();
        builder.Property(c => c.Signals).HasJsonConversion();
        builder.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Steps).AutoInclude();
        builder.Property(c => c.ApprovalEligibleRoles).HasJsonConversion();
        builder.Property(c => c.ApprovalExclusions).HasJsonConversion();
        builder.HasMany(c => c.Decisions).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Decisions).AutoInclude();
        builder.Property(c => c.CoolDownCancelBy).HasJsonConversion();
        builder.Property(c => c.PostResetPlan).HasJsonConversion();
        builder.HasMany(c => c.SideEffects).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.SideEffects).AutoInclude();
        builder.HasIndex(c => new { c.Status, c.ApprovalQueue, c.ApprovalDueAt });
        builder.HasIndex(c => new { c.Status, c.ApprovalQueue, c.TierId, c.ApprovalDueAt });
        // A subject's history for the policy's signals (CaseHistory): the open case check and the last reset are seeks
        // on the first, failed verifications a range on the second, the last freeze a seek on the third (few rows).
        // The second carries the case id, which the range hands to the steps: without it each case in the window is a
        // lookup in the table (docs/performance.md, twelfth pass).
        builder.HasIndex(c => new { c.SubjectId, c.Status, c.ClosedAt });
        builder.HasIndex(c => new { c.SubjectId, c.OpenedAt, c.Id });
        builder.HasIndex(c => new { c.SubjectId, c.FrozenAt }).HasFilter("\"FrozenAt\" IS NOT NULL");
        builder.HasIndex(c => new { c.OpenedById, c.OpenedAt });
        builder.HasIndex(c => new { c.Status, c.OpenedAt });

    }
}
