namespace PayBatch.Core.Domain;

/// <summary>
/// A Kazakhstan IBAN: 20 characters, <c>KZ</c>, two check digits, a 3-digit bank code and 13
/// account characters, valid under ISO 13616 mod 97. Read with spaces removed and upper-cased.
/// </summary>
public readonly record struct Iban
{
    // Held as numbers, not text: a run keeps one for each of up to a million payments (issue 15).
    // _head: check digits and bank code (5 digits) and the first account character (base 36);
    // _tail: the other twelve account characters, base 36 (36^12 < 2^63). Upper-case letters and digits only, so nothing is lost.
    private readonly int _head;
    private readonly long _tail;

    private Iban(ReadOnlySpan<char> value)
    {
        _head = (int.Parse(value.Slice(2, 5), System.Globalization.CultureInfo.InvariantCulture) * 36) + Base36(value[7]);
        foreach (var c in value[8..]) _tail = (_tail * 36) + Base36(c);
    }

    /// <summary>The 20 characters, upper-case, no spaces.</summary>
    public string Value => string.Create(20, (_head, _tail), static (chars, v) =>
    {
        var (head, tail) = v;
        for (var i = 19; i >= 8; i--, tail /= 36) chars[i] = Digit36((int)(tail % 36));
        chars[7] = Digit36(head % 36);
        head /= 36;
        for (var i = 6; i >= 2; i--, head /= 10) chars[i] = (char)('0' + (head % 10));
        chars[0] = 'K';
        chars[1] = 'Z';
    });

    private static int Base36(char c) => char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;

    private static char Digit36(int d) => (char)(d < 10 ? '0' + d : 'A' + d - 10);

    /// <summary>The bank code: characters 5–7.</summary>
    public string BankCode => ((_head / 36) % 1000).ToString("000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>For messages and logs: the country, check digits and last four characters only.</summary>
    public static string Mask(string? raw) =>
        raw is { Length: >= 8 } ? $"{raw[..4]}{new string('*', raw.Length - 8)}{raw[^4..]}" : "****";

    /// <summary>How every IBAN is read: spaces removed, letters upper-cased.</summary>
    public static string Normalize(string? text)
    {
        text ??= "";
        // Nearly every IBAN is already plain upper-case ASCII: returned as it is (a run reads a million).
        return IsNormal(text) ? text : string.Concat(text.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
    }

    private static bool IsNormal(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (!char.IsAscii(c) || char.IsWhiteSpace(c) || char.IsAsciiLetterLower(c)) return false;
        return true;
    }

    /// <summary>A value already checked when it was stored or decided; anything else is a defect, not input.</summary>
    public static Iban Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"a stored IBAN is not valid ({Mask(text)})");

    /// <inheritdoc cref="Parse(string)"/>
    public static Iban Parse(ReadOnlySpan<char> text) => IsNormal(text)
        ? TryParseNormal(text, out var v) ? v : throw new FormatException($"a stored IBAN is not valid ({Mask(text.ToString())})")
        : Parse(text.ToString());

    public static bool TryParse(string? text, out Iban iban) => TryParseNormal(Normalize(text), out iban);

    private static bool TryParseNormal(ReadOnlySpan<char> t, out Iban iban)
    {
        iban = default;
        if (t.Length != 20 || !t.StartsWith("KZ", StringComparison.Ordinal)) return false;
        if (!char.IsAsciiDigit(t[2]) || !char.IsAsciiDigit(t[3])) return false;
        if (t.Slice(4, 3).IndexOfAnyExceptInRange('0', '9') >= 0) return false;
        foreach (var c in t)
            if (!char.IsAsciiLetterOrDigit(c)) return false;
        if (Mod97(t) != 1) return false;
        iban = new Iban(t);
        return true;
    }

    /// <summary>ISO 13616: the IBAN with its first four characters moved to the end, letters as 10–35, mod 97.</summary>
    private static int Mod97(ReadOnlySpan<char> iban)
    {
        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            var v = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = v >= 10 ? ((remainder * 100) + v) % 97 : ((remainder * 10) + v) % 97;
        }
        return remainder;
    }

    public override string ToString() => Value;
}
