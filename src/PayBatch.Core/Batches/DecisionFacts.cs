using PayBatch.Core.Domain;
using PayBatch.Core.Eligibility;
using PayBatch.Core.Persistence;

namespace PayBatch.Core.Batches;

/// <summary>What a quarter's decisions need from the database, loaded the same way for a run and a re-issue.</summary>
internal static class DecisionFacts
{
    /// <param name="alreadyPaid">The children ALREADY_PAID holds for: any payment for a run, a live one for a re-issue.</param>
    public static QuarterFacts Load(PayBatchDb db, Quarter quarter, BankDirectory banks, ChildIins alreadyPaid)
    {
        // Read as plain rows into the compact sets (synchronously): a million certificates are neither a task nor a string each.
        var certified = PlainReads.CertifiedChildren(db, quarter.ToString());
        var duplicated = PlainReads.ChildrenInSeveralApprovedCases(db);
        return new QuarterFacts(quarter, banks, certified, duplicated, alreadyPaid);
    }
}
