using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResetConsole.Domain.Incidents;

namespace ResetConsole.Data.Configurations;

internal sealed class PolicyProposalConfiguration : IEntityTypeConfiguration<PolicyProposal>
{
    public void Configure(EntityTypeBuilder<PolicyProposal> builder)
    {
        builder.ToTable("PolicyProposals");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(p => p.BaseSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Incident>().WithMany().HasForeignKey(p => p.IncidentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.Status, p.ProposedAt });
    }
}
