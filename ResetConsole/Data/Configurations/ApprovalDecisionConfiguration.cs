using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResetConsole.Domain.Cases;

namespace ResetConsole.Data.Configurations;

internal sealed class ApprovalDecisionConfiguration : IEntityTypeConfiguration<ApprovalDecision>
{
    public void Configure(EntityTypeBuilder<ApprovalDecision> builder)
    {
        builder.ToTable("ApprovalDecisions");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.RequestHash).HasMaxLength(64);
        builder.HasIndex(d => new { d.CaseId, d.ApproverId });
        builder.HasIndex(d => d.DecidedAt);
    }
}
