using PayBatch.Core.Domain;

namespace PayBatch.Core.Release;

/// <summary>The two signing roles: the head signs first, the chief accountant second (either order).</summary>
public enum SignerRole { First, Second }

public static class SignerRoles
{
    public static string Code(this SignerRole role) => role == SignerRole.First ? "first" : "second";

    public static bool TryParse(string? text, out SignerRole role)
    {
        role = text?.Trim().ToLowerInvariant() == "second" ? SignerRole.Second : SignerRole.First;
        return text?.Trim().ToLowerInvariant() is "first" or "second";
    }
}

/// <summary>A person allowed to sign batches, by the IIN in their certificate, for one role.</summary>
public sealed record Signer(Iin Iin, SignerRole Role);

/// <summary>
/// SPEC's <c>Release</c> settings: how many signatures release a batch (0 = released when written),
/// the folder of trusted roots and intermediates, and who signs for which role.
/// </summary>
public sealed record ReleasePolicy(int RequiredSignatures, string? TrustedRoots, IReadOnlyList<Signer> Signers)
{
    public static readonly ReleasePolicy None = new(0, null, []);

    /// <summary>The state a new batch starts in.</summary>
    public BatchState InitialState => RequiredSignatures == 0 ? BatchState.Released : BatchState.Prepared;
}
