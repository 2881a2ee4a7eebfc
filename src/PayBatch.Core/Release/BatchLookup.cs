using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;
using PayBatch.Core.Persistence;

namespace PayBatch.Core.Release;

/// <summary>Finds a batch by the name people give it, or says plainly that there is none.</summary>
public static class BatchLookup
{
    public static async Task<BatchRow> FindAsync(PayBatchDb db, BatchName name, CancellationToken ct) =>
        await db.BatchByName(name.Quarter.ToString(), name.Number).FirstOrDefaultAsync(ct).ConfigureAwait(false)
        ?? throw new InputException(CoreText.BatchNotFound, name);

    /// <summary>Refuses a cancelled or released batch with the refusal given for each (exit 2, nothing changed).</summary>
    public static void RequirePrepared(BatchRow row, BatchName name, Message whenCancelled, Message whenReleased)
    {
        if (row.State == BatchState.Cancelled) throw new InputException(whenCancelled, name);
        if (row.State == BatchState.Released) throw new InputException(whenReleased, name);
    }
}
