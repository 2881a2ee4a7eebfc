namespace PayBatch.Core.Persistence;

/// <summary>The stored payment statuses, and which of them no longer hold a child's payment for the quarter.</summary>
public static class PaymentStatuses
{
    public const string Issued = "issued";
    public const string Credited = "credited";
    public const string Rejected = "rejected";
    public const string Returned = "returned";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Issued, Credited, Rejected, Returned, Cancelled];

    /// <summary>
    /// Statuses that leave the child payable again (by <c>reissue</c> or the next <c>run</c>); every other
    /// status is a live payment, and a child has at most one live payment per quarter (a unique index).
    /// </summary>
    public static readonly IReadOnlyList<string> NotLive = [Rejected, Returned, Cancelled];

    public static bool IsLive(string status) => !NotLive.Contains(status);
}
