using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;
using ResetConsole.Infrastructure;

namespace ResetConsole.Notifications;

/// <summary>Reads the demo outbox, newest first.</summary>
public sealed class OutboxReader(IDbContextFactory<AppDbContext> dbFactory, DemoMode demo)
{
    /// <summary>Demo mode only: outside it the outbox reads as empty, whatever a page asks.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> LatestAsync(string? recipientSearch, int take, CancellationToken ct = default)
    {
        if (!demo.IsOn)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.OutboxMessages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(recipientSearch))
        {
            var text = recipientSearch.Trim().ToLowerInvariant();
            query = query.Where(m => m.RecipientName.ToLower().Contains(text) || m.RecipientId == text);
        }

        return await query.OrderByDescending(m => m.SentAt).Take(Math.Clamp(take, 1, 200)).ToListAsync(ct);
    }
}
