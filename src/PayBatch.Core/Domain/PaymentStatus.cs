namespace PayBatch.Core.Domain;

/// <summary>
/// Where a payment stands. Files, JSON and the database hold the lower-case code (<c>issued</c>);
/// the database's check constraint is derived from this list, so a new status is a line here (and
/// its migration).
/// </summary>
public enum PaymentStatus
{
    Issued,
    Credited,
    Rejected,
    Returned,
    /// <summary>Its batch was cancelled before release: it never went to the bank.</summary>
    Cancelled,
}

public static class PaymentStatuses
{
    public static IReadOnlyList<PaymentStatus> All { get; } = Enum.GetValues<PaymentStatus>();

    public static string Code(this PaymentStatus status) => Codes.Of(status);

    /// <summary>
    /// A live payment holds its child's place in the quarter (one live payment per child and quarter,
    /// enforced by a filtered unique index); a rejected, returned or cancelled one frees it for a re-issue
    /// or the next run.
    /// </summary>
    public static bool IsLive(this PaymentStatus status) => status is not (PaymentStatus.Rejected or PaymentStatus.Returned or PaymentStatus.Cancelled);
}
