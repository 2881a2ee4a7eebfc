using PayBatch.Core.Domain;

namespace PayBatch.Core.Batches;

/// <summary>
/// A new batch from decided cases, for the quarter's run and a re-issue alike: the one place payments
/// are ordered and numbered and the batch's terms are fixed. Pure.
/// </summary>
public static class NewBatch
{
    public static Batch From(Quarter quarter, int number, DateOnly valueDate, QuarterAmount amount, IEnumerable<Payee> paid,
        IReadOnlyList<Exclusion> exclusions, BankFileFormat? format, PaymentTerms terms, BankDirectory banks)
    {
        var payments = paid
            .OrderBy(c => c.CaseId, StringComparer.Ordinal).ThenBy(c => c.ChildIin, StringComparer.Ordinal)
            .Select((c, i) => new Payment(new PaymentReference(quarter, number, i + 1), c.CaseId, c.District, Iin.Parse(c.ChildIin),
                Iin.Parse(c.ApplicantIin), c.ApplicantName, Iban.Parse(c.Iban), Bic.Parse(c.BankBic), amount.PerChild))
            .ToList();
        return new Batch(quarter, number, valueDate, amount.Mrp, amount.Coefficient, amount.PerChild,
            BatchTerms.For(quarter, payments, format, terms, banks), payments, exclusions);
    }
}
