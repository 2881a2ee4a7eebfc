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
}

public static class PaymentStatuses
{
    public static IReadOnlyList<PaymentStatus> All { get; } = Enum.GetValues<PaymentStatus>();

    public static string Code(this PaymentStatus status) => Codes.Of(status);

    /// <summary>
    /// A live payment holds its child's place in the quarter (one live payment per child and quarter,
    /// enforced by a filtered unique index); a rejected or returned one frees it for a re-issue.
    /// </summary>
    public static bool IsLive(this PaymentStatus status) => status is not (PaymentStatus.Rejected or PaymentStatus.Returned);
}
