namespace PayBatch.Core.Domain;

/// <summary>
/// Where a batch stands (SPEC "Release"): <c>prepared</c> until its last required signature, then
/// <c>released</c>; a prepared batch may be <c>cancelled</c> instead. Stored as its code (<see cref="Codes"/>).
/// </summary>
public enum BatchState
{
    Prepared,
    Released,
    Cancelled,
}
