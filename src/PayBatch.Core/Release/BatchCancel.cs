using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Batches;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;
using PayBatch.Core.Persistence;
using Serilog;

namespace PayBatch.Core.Release;

/// <summary>
/// Voids a batch that is not released (SPEC "Release"): its payments become <c>cancelled</c>, so the
/// next run may pay those children; its number stays taken; its folder becomes <c>NN-cancelled</c>.
/// </summary>
public sealed class BatchCancel(PayBatchDb db, TimeProvider clock, ILogger log)
{
    public async Task<ReleaseRecord> ExecuteAsync(BatchName name, string reason, string outDir, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new InputException(CoreText.CancelNoReason);
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        await WriteLock.AcquireAsync(db, ct).ConfigureAwait(false);
        var row = await BatchLookup.FindAsync(db, name, ct).ConfigureAwait(false);
        BatchLookup.RequirePrepared(row, name, CoreText.CancelledCannotBeCancelled, CoreText.ReleasedCannotBeCancelled);

        var now = clock.GetUtcNow().UtcDateTime;
        var by = Environment.UserName;
        var reasonText = reason.Trim();
        var updated = await db.Batches.Where(b => b.Id == row.Id && b.State == BatchState.Prepared).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.State, BatchState.Cancelled).SetProperty(b => b.CancelReason, reasonText)
            .SetProperty(b => b.CancelledBy, by).SetProperty(b => b.CancelledAtUtc, now), ct).ConfigureAwait(false);
        if (updated != 1) throw new InvalidOperationException($"batch {name} changed under this cancel; nothing was changed, run it again");
        var payments = await db.Payments.Where(p => p.BatchId == row.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PaymentStatus.Cancelled), ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        log.Information("Cancelled batch {Batch}: {Payments} payment(s) cancelled", name.ToString(), payments);

        row.State = BatchState.Cancelled;
        row.CancelReason = reasonText;
        row.CancelledBy = by;
        row.CancelledAtUtc = now;
        var signatures = PlainReads.Signatures(db, [row.Id]);
        var record = ReleaseRecord.Of(row, signatures);
        record.Write(BatchStore.MoveToCancelled(outDir, name.Quarter, name.Number));
        return record;
    }
}
