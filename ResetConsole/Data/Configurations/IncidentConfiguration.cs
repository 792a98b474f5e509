using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResetConsole.Domain.Incidents;

namespace ResetConsole.Data.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("Incidents");
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.OwnsMany(i => i.Cases, cases =>
        {
            cases.ToTable("IncidentCases");
            cases.WithOwner().HasForeignKey("IncidentId");
            cases.HasKey("IncidentId", nameof(IncidentCase.CaseId));
            cases.Property(c => c.CaseId).ValueGeneratedNever();
            cases.HasIndex(c => c.CaseId);
            cases.HasIndex(c => c.SubjectId);
        });
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.SubjectIds);
        builder.HasIndex(i => new { i.Status, i.OpenedAt });
    }
}
