using System.Globalization;

namespace PayBatch.Core.Domain;

/// <summary>A batch as people name it, <c>2026Q1-01</c>: the quarter and the batch number.</summary>
public readonly record struct BatchName
{
    public BatchName(Quarter quarter, int number)
    {
        if (number is < 1 or > 99) throw new ArgumentOutOfRangeException(nameof(number), number, "batch number is 01 to 99");
        Quarter = quarter;
        Number = number;
    }

    public Quarter Quarter { get; }
    public int Number { get; }

    public static bool TryParse(string? text, out BatchName name)
    {
        name = default;
        var t = text?.Trim();
        if (t is not { Length: 9 } || t[6] != '-' || !Quarter.TryParse(t[..6], out var q)) return false;
        if (!int.TryParse(t.AsSpan(7, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) return false;
        name = new BatchName(q, n);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Quarter}-{Number:00}");
}
