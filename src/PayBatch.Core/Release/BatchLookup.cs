using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Persistence;

namespace PayBatch.Core.Release;

/// <summary>Finds a batch by the name people give it, or says plainly that there is none.</summary>
public static class BatchLookup
{
    public static async Task<BatchRow> FindAsync(PayBatchDb db, BatchName name, CancellationToken ct) =>
        await db.BatchByName(name.Quarter.ToString(), name.Number).FirstOrDefaultAsync(ct).ConfigureAwait(false)
        ?? throw new InputException($"there is no batch {name}");

    /// <summary>Refuses a batch whose state does not allow <paramref name="what"/> (exit 2, nothing changed).</summary>
    public static void RequirePrepared(BatchRow row, BatchName name, string what)
    {
        if (row.State == BatchState.Cancelled) throw new InputException($"batch {name} is cancelled; it cannot be {what}");
        if (row.State == BatchState.Released)
            throw new InputException($"batch {name} is already released; it cannot be {what}");
    }
}
