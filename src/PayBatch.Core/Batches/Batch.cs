using PayBatch.Core.Domain;
using PayBatch.Core.Eligibility;

namespace PayBatch.Core.Batches;

/// <summary>A payment as the bank files carry it: only eligible cases are paid, so its identifiers are valid.</summary>
public sealed record Payment(
    PaymentReference Reference,
    string CaseId,
    string District,
    Iin ChildIin,
    Iin ApplicantIin,
    string ApplicantName,
    Iban Iban,
    Bic Bic,
    Tenge Amount);

/// <summary>A case not paid by a batch, with every reason that holds (its IIN may be the reason, so it stays text).</summary>
public sealed record Exclusion(string CaseId, string ChildIin, IReadOnlyList<Reason> Reasons);

/// <summary>
/// A batch with all it needs to be written: the pure input of <see cref="BatchDocuments"/>, which
/// puts payments and exclusions in their written order itself.
/// </summary>
public sealed record Batch(
    Quarter Quarter,
    int Number,
    DateOnly ValueDate,
    int Mrp,
    decimal Coefficient,
    Tenge AmountPerChild,
    BatchTerms Terms,
    IReadOnlyList<Payment> Payments,
    IReadOnlyList<Exclusion> Exclusions)
{
    public string NumberText => Number.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    public Tenge Total => Payments.Sum(p => p.Amount);
}

/// <summary>One written file of a batch; a bank file has its BIC, format, count and total.</summary>
public sealed record BatchFile(string FileName, byte[] Content, string? Bic = null, BankFileFormat? Format = null, int Count = 0, Tenge Total = default)
{
    /// <summary>Hashed once: the manifest, the database, the log and the command's answer all name it (a bank file may be 40 MB).</summary>
    public string Sha256 => _sha256 ??= Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Content));

    private string? _sha256;

    /// <summary>A bank file written straight to disk: never in memory, known by its hash and size.</summary>
    public static BatchFile OnDisk(BankFilePlan plan, string sha256, long length) =>
        new(plan.FileName, [], plan.Bic, plan.Format, plan.Count, plan.Total) { _sha256 = sha256, Length = length };

    /// <summary>The size of the file in bytes, also once its content is let go.</summary>
    public long Length { get; private init; } = Content.Length;
}
