using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Persistence;

namespace PayBatch.Core.Reconciliation;

/// <summary>
/// A payment with every confirmation line that touched it (where its status came from), and the
/// statement debits of its batch (whether the department's account paid for it).
/// </summary>
public sealed record PaymentTrace(PaymentView Payment, PaymentView? Replaces, PaymentView? ReplacedBy, IReadOnlyList<ConfirmationRow> Lines,
    BatchRow Batch, IReadOnlyList<StatementEntryRow> Debits)
{
    public string BatchReference => $"{Batch.Quarter}-{Batch.Number:00}";

    /// <summary>DEBIT_MISMATCH when the batch's debits read so far are not its control sum; null when they are, or none was read.</summary>
    public string? DebitFinding => Debits.Count > 0 && Debits.Sum(d => (decimal)d.AmountTiyn) != Batch.TotalTiyn ? "DEBIT_MISMATCH" : null;

    public static async Task<PaymentTrace?> LoadAsync(PayBatchDb db, string reference, CancellationToken ct)
    {
        var payment = await db.PaymentByReference(reference).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (payment is null) return null;
        var lines = await db.ConfirmationsOf(reference).ToListAsync(ct).ConfigureAwait(false);
        var replaces = payment.ReplacesPaymentId is { } r ? await db.PaymentById(r).FirstOrDefaultAsync(ct).ConfigureAwait(false) : null;
        var replacedBy = await db.ReplacementOf(payment.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        var batch = await db.BatchOfPayment(payment.Id).FirstAsync(ct).ConfigureAwait(false);
        var debits = await db.DebitsOfBatch(batch.Id).ToListAsync(ct).ConfigureAwait(false);
        return new PaymentTrace(payment, replaces, replacedBy, lines, batch, debits);
    }
}
