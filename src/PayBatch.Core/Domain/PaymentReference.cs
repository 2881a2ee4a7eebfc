using System.Globalization;

namespace PayBatch.Core.Domain;

/// <summary>A payment reference, <c>2026Q1-01-000001</c>: quarter, batch number, sequence.</summary>
public readonly record struct PaymentReference
{
    /// <summary>The last sequence a batch can number: six digits.</summary>
    public const int MaxSequence = 999_999;

    public PaymentReference(Quarter quarter, int batch, int sequence)
    {
        if (batch is < 1 or > 99) throw new ArgumentOutOfRangeException(nameof(batch), batch, "batch number is 01 to 99");
        if (sequence is < 1 or > MaxSequence) throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "sequence is 1 to 999999");
        Quarter = quarter;
        Batch = batch;
        Sequence = sequence;
    }

    public Quarter Quarter { get; }
    public int Batch { get; }
    public int Sequence { get; }

    /// <summary>A value already checked when it was stored or decided; anything else is a defect, not input.</summary>
    public static PaymentReference Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a payment reference");

    /// <inheritdoc cref="Parse(string)"/>
    public static PaymentReference Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a payment reference");

    public static bool TryParse(string? text, out PaymentReference reference) => TryParse(text.AsSpan(), out reference);

    public static bool TryParse(ReadOnlySpan<char> text, out PaymentReference reference)
    {
        reference = default;
        var t = text.Trim();
        if (t.Length != 16 || t[6] != '-' || t[9] != '-') return false;
        if (!Quarter.TryParse(t[..6], out var q)) return false;
        if (!int.TryParse(t.Slice(7, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var b) || b < 1) return false;
        if (!int.TryParse(t.Slice(10, 6), NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s < 1) return false;
        reference = new PaymentReference(q, b, s);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Quarter}-{Batch:00}-{Sequence:000000}");
}
