using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;

namespace ResetConsole.Directory.Demo;

/// <summary>Fills an empty demo directory once; an existing one is left as it is, with whatever resets it has seen.</summary>
public sealed class DemoDirectorySeeder(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task<int> SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.DemoAccounts.AnyAsync(ct))
        {
            return 0;
        }

        var accounts = DemoDirectoryData.Generate(time.GetUtcNow()).Select(DemoAccountMapper.FromSubject).ToList();
        db.DemoAccounts.AddRange(accounts);
        await db.SaveChangesAsync(ct);
        return accounts.Count;
    }
}
