using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Persistence;

namespace PayBatch.Core.Reconciliation;

/// <summary>A payment with every confirmation line that touched it: where its status came from.</summary>
public sealed record PaymentTrace(PaymentView Payment, PaymentView? Replaces, PaymentView? ReplacedBy, IReadOnlyList<ConfirmationRow> Lines)
{
    public static async Task<PaymentTrace?> LoadAsync(PayBatchDb db, string reference, CancellationToken ct)
    {
        var payment = await db.PaymentByReference(reference).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (payment is null) return null;
        var lines = await db.ConfirmationsOf(reference).ToListAsync(ct).ConfigureAwait(false);
        var replaces = payment.ReplacesPaymentId is { } r ? await db.PaymentById(r).FirstOrDefaultAsync(ct).ConfigureAwait(false) : null;
        var replacedBy = await db.ReplacementOf(payment.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        return new PaymentTrace(payment, replaces, replacedBy, lines);
    }
}
