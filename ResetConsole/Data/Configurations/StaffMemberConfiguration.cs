using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResetConsole.Auth;

namespace ResetConsole.Data.Configurations;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("Staff");
        builder.HasIndex(s => new { s.Issuer, s.SubjectId }).IsUnique();
        builder.Property(s => s.Issuer).HasMaxLength(512);
        builder.Property(s => s.SubjectId).HasMaxLength(256);
        builder.Property(s => s.DisplayName).HasMaxLength(256);
    }
}
