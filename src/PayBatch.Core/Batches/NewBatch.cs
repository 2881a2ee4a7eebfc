using PayBatch.Core.Domain;

namespace PayBatch.Core.Batches;

/// <summary>
/// A new batch from decided cases, for the quarter's run and a re-issue alike: the one place payments
/// are ordered and numbered and the batch's terms are fixed. Pure but for <c>paid</c>, which it empties.
/// </summary>
public static class NewBatch
{
    /// <param name="paid">
    /// Sorted in place and emptied as each payee becomes its payment: a million payees are not held
    /// beside their payments. Case ids are unique, so the order is the case id's (then the child's IIN).
    /// </param>
    public static Batch From(Quarter quarter, int number, DateOnly valueDate, QuarterAmount amount, List<Payee> paid,
        IReadOnlyList<Exclusion> exclusions, BankFileFormat? format, PaymentTerms terms, BankDirectory banks)
    {
        paid.SortUnlessSorted(static (a, b) => string.CompareOrdinal(a.CaseId, b.CaseId) is var byCase and not 0 ? byCase : Iin.CompareOrdinal(a.ChildIin, b.ChildIin));
        var payments = new List<Payment>(paid.Count);
        for (var i = 0; i < paid.Count; i++)
        {
            var c = paid[i];
            payments.Add(new Payment(new PaymentReference(quarter, number, i + 1), c.CaseId, c.District, c.ChildIin,
                c.ApplicantIin, c.ApplicantName, c.Iban, Bic.Parse(c.BankBic), amount.PerChild));
            paid[i] = null!;
        }
        paid.Clear();
        paid.TrimExcess();
        return new Batch(quarter, number, valueDate, amount.Mrp, amount.Coefficient, amount.PerChild,
            BatchTerms.For(quarter, payments, format, terms, banks), payments, exclusions);
    }
}
