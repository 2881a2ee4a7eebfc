using PayBatch.Core.Domain;
using PayBatch.Core.Persistence;

namespace PayBatch.Core.Reconciliation;

/// <summary>What is recorded of a payment, as far as matching, the SLA and the report need it.</summary>
public sealed record PaymentState(
    long Id, PaymentReference Reference, string CaseId, Iin ChildIin, string District, Bic Bic, Iban Iban, Tenge Amount,
    DateOnly ValueDate, PaymentStatus Status, DateOnly? CreditedOn, string? Reason, long? ReplacesPaymentId, bool Released = true)
{
    public Quarter Quarter => Reference.Quarter;

    public static PaymentState Of(PaymentView p) => new(p.Id, PaymentReference.Parse(p.Reference), p.CaseId, Iin.Parse(p.ChildIin), p.District,
        Bic.Parse(p.Bic), Iban.Parse(p.Iban), new Tenge(p.AmountTiyn), p.ValueDate, p.Status, p.CreditedOn, p.StatusReason, p.ReplacesPaymentId,
        p.BatchState == BatchState.Released);
}
