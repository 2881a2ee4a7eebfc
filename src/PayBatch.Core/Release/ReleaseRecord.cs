using System.Globalization;
using System.Text.Json;
using PayBatch.Core.Domain;
using PayBatch.Core.Output;
using PayBatch.Core.Persistence;

namespace PayBatch.Core.Release;

/// <summary>A signature as the batch records it.</summary>
public sealed record BatchSignature(string Role, string Iin, string Name, string Thumbprint, DateTime SignedAtUtc, string SignedBy);

/// <summary>Why, by whom and when a batch was cancelled.</summary>
public sealed record Cancellation(string Reason, string By, DateTime AtUtc);

/// <summary>
/// Where a batch stands and who vouched for it: its state, who prepared it, its signatures, and for
/// a cancelled batch why. What <c>release.json</c>, <c>verify</c>, <c>status</c> and the report show.
/// </summary>
public sealed record ReleaseRecord(
    string Batch, BatchState State, string PreparedBy, string? PreparedByDbLogin, DateTime PreparedAtUtc, DateTime? ReleasedAtUtc,
    IReadOnlyList<BatchSignature> Signatures, Cancellation? Cancelled)
{
    public const string FileName = "release.json";

    public static ReleaseRecord Of(BatchRow row, IEnumerable<BatchSignatureRow> signatures) => new(
        string.Create(CultureInfo.InvariantCulture, $"{row.Quarter}-{row.Number:00}"), row.State, row.PreparedBy, row.PreparedByDbLogin,
        row.CreatedAtUtc, row.ReleasedAtUtc,
        signatures.OrderBy(s => s.Role, StringComparer.Ordinal)
            .Select(s => new BatchSignature(s.Role, s.Iin, s.Name, s.Thumbprint, s.SignedAtUtc, s.SignedBy)).ToList(),
        row.State == BatchState.Cancelled ? new Cancellation(row.CancelReason ?? "", row.CancelledBy ?? "", row.CancelledAtUtc ?? default) : null);

    /// <summary>The release records of the given batches (one query for their signatures).</summary>
    public static IReadOnlyList<ReleaseRecord> Load(PlainDb db, IReadOnlyList<BatchRow> batches)
    {
        var byBatch = PlainReads.Signatures(db, [.. batches.Select(b => b.Id)]).ToLookup(s => s.BatchId);
        return batches.Select(b => Of(b, byBatch[b.Id])).ToList();
    }

    /// <summary>
    /// release.json: state, signatures, and for a cancelled batch the cancellation (SPEC "Release").
    /// Who prepared the batch is in the audit trail and the report, not here, so the file is the same
    /// whoever re-creates it.
    /// </summary>
    public byte[] ToJson()
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions
               {
                   Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            w.WriteStartObject();
            w.WriteString("batch", Batch);
            w.WriteString("state", Codes.Of(State));
            if (ReleasedAtUtc is { } released) w.WriteString("releasedAt", Time(released));
            w.WriteStartArray("signatures");
            foreach (var s in Signatures)
            {
                w.WriteStartObject();
                w.WriteString("role", s.Role);
                w.WriteString("iin", s.Iin);
                w.WriteString("name", s.Name);
                w.WriteString("thumbprint", s.Thumbprint);
                w.WriteString("signedAt", Time(s.SignedAtUtc));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (Cancelled is { } c)
            {
                w.WriteStartObject("cancelled");
                w.WriteString("reason", c.Reason);
                w.WriteString("by", c.By);
                w.WriteString("at", Time(c.AtUtc));
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        ms.WriteByte((byte)'\n');
        return ms.ToArray();
    }

    public void Write(string folder) => AtomicFile.Write(Path.Combine(folder, FileName), ToJson());

    public static string Time(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
