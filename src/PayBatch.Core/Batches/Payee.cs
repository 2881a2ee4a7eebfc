using PayBatch.Core.Domain;

namespace PayBatch.Core.Batches;

/// <summary>
/// What a payment takes from a case decided payable. A run keeps this, not the whole case, for each
/// of up to a million cases until the batch is numbered: the child's name, the decision, the
/// certificate numbers and the dates are not needed once the case is decided.
/// </summary>
/// <remarks>Only a case decided payable becomes a payee, and such a case's IINs are valid: they are held as numbers.</remarks>
public sealed record Payee(string CaseId, string District, Iin ChildIin, Iin ApplicantIin, string ApplicantName, string Iban, string BankBic)
{
    public static Payee Of(RecipientCase c) => new(c.CaseId, c.District, Iin.Parse(c.ChildIin), Iin.Parse(c.ApplicantIin), c.ApplicantName, c.Iban, c.BankBic);
}
