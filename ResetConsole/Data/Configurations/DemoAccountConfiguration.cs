using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResetConsole.Directory.Demo;

namespace ResetConsole.Data.Configurations;

internal sealed class DemoAccountConfiguration : IEntityTypeConfiguration<DemoAccount>
{
    public void Configure(EntityTypeBuilder<DemoAccount> builder)
    {
        builder.ToTable("DemoAccounts");
        builder.HasKey(a => a.Id);
        builder.HasIndex(a => a.Username).IsUnique();
        builder.HasIndex(a => a.ManagerId);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Attributes).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p.Key, p.Value)),
                v => new Dictionary<string, string>(v)));
        builder.HasMany(a => a.Contacts).WithOne().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Authenticators).WithOne().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Sessions).WithOne().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
