namespace PayBatch.Core.Domain;

/// <summary>A SWIFT/BIC code (8 or 11 characters), upper-cased.</summary>
public readonly record struct Bic
{
    private Bic(string value) => Value = value;

    public string Value { get; }

    /// <summary>A value already checked when it was stored or decided; anything else is a defect, not input.</summary>
    public static Bic Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a BIC");

    public static bool TryParse(string? text, out Bic bic)
    {
        bic = default;
        var t = (text ?? "").Trim().ToUpperInvariant();
        if (t.Length is not (8 or 11)) return false;
        if (t.AsSpan(0, 6).IndexOfAnyExceptInRange('A', 'Z') >= 0) return false;
        foreach (var c in t)
            if (!char.IsAsciiLetterOrDigit(c)) return false;
        bic = new Bic(t);
        return true;
    }

    public override string ToString() => Value;
}
