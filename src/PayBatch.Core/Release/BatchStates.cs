namespace PayBatch.Core.Release;

/// <summary>
/// Where a batch stands (SPEC "Release"): <c>prepared</c> until its last required signature,
/// then <c>released</c>; a prepared batch may be <c>cancelled</c> instead.
/// </summary>
public static class BatchStates
{
    public const string Prepared = "prepared";
    public const string Released = "released";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Prepared, Released, Cancelled];
}
