using PayBatch.Core.Domain;
using PayBatch.Core.Eligibility;

namespace PayBatch.Core.Batches;

/// <summary>
/// What a payment takes from a case decided payable. A run keeps this, not the whole case, for each
/// of up to a million cases until the batch is numbered: the child's name, the decision, the
/// certificate numbers and the dates are not needed once the case is decided.
/// </summary>
/// <remarks>
/// Only a case decided payable becomes a payee, and such a case's IINs and IBAN are valid: they are held as numbers (a
/// million IBANs as text are 59 MB, kept while the run decides and still there, unreachable, as the payments are made).
/// </remarks>
public sealed record Payee(string CaseId, string District, Iin ChildIin, Iin ApplicantIin, string ApplicantName, Iban Iban, string BankBic)
{
    /// <param name="ids">The case's identifiers as <see cref="EligibilityRules.Check"/> parsed them, for a case it decided payable.</param>
    public static Payee Of(RecipientCase c, CaseIds ids) => new(c.CaseId, c.District, Valid(ids.Child), Valid(ids.Applicant), c.ApplicantName,
        ids.Iban ?? throw NotPayable(), c.BankBic);

    private static Iin Valid(Iin? iin) => iin ?? throw NotPayable();

    private static InvalidOperationException NotPayable() => new("a payee is made only of a case decided payable, whose identifiers are valid");
}
