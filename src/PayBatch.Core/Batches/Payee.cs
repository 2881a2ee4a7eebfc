using PayBatch.Core.Domain;

namespace PayBatch.Core.Batches;

/// <summary>
/// What a payment takes from a case decided payable. A run keeps this, not the whole case, for each
/// of up to a million cases until the batch is numbered: the child's name, the decision, the
/// certificate numbers and the dates are not needed once the case is decided.
/// </summary>
public sealed record Payee(string CaseId, string District, string ChildIin, string ApplicantIin, string ApplicantName, string Iban, string BankBic)
{
    public static Payee Of(RecipientCase c) => new(c.CaseId, c.District, c.ChildIin, c.ApplicantIin, c.ApplicantName, c.Iban, c.BankBic);
}
