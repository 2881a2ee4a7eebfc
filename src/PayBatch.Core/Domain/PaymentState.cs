namespace PayBatch.Core.Domain;

/// <summary>What is recorded of a payment, as far as matching, the SLA and the report need it.</summary>
public sealed record PaymentState(
    long Id, PaymentReference Reference, string CaseId, Iin ChildIin, string District, Bic Bic, Iban Iban, Tenge Amount,
    DateOnly ValueDate, PaymentStatus Status, DateOnly? CreditedOn, string? Reason, long? ReplacesPaymentId, bool Released = true)
{
    public Quarter Quarter => Reference.Quarter;
}
