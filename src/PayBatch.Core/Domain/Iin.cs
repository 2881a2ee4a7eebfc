using System.Globalization;

namespace PayBatch.Core.Domain;

/// <summary>
/// A Kazakhstan individual identification number (ИИН): 12 digits, birth date, century/sex digit,
/// serial and a check digit (DOMAIN.md). Only valid numbers can be constructed. Held as a number, not
/// text: a run keeps two for each of up to a million payments (issue 15).
/// </summary>
public readonly record struct Iin
{
    private readonly long _digits;

    private Iin(long digits, DateOnly birthDate)
    {
        _digits = digits;
        BirthDate = birthDate;
    }

    /// <summary>The twelve digits, leading zeros included.</summary>
    public string Value => _digits.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>The birth date the number encodes.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>A value already checked when it was stored or decided; anything else is a defect, not input.</summary>
    public static Iin Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException("a stored IIN is not valid");

    /// <inheritdoc cref="Parse(string)"/>
    public static Iin Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var v) ? v : throw new FormatException("a stored IIN is not valid");

    public static bool TryParse(string? text, out Iin iin) => TryParse(text.AsSpan(), out iin);

    public static bool TryParse(ReadOnlySpan<char> text, out Iin iin)
    {
        iin = default;
        var t = text.Trim();
        if (t.Length != 12 || t.IndexOfAnyExceptInRange('0', '9') >= 0) return false;
        if (!HasValidCheckDigit(t)) return false;
        var century = t[6] switch
        {
            '1' or '2' => 1800,
            '3' or '4' => 1900,
            '5' or '6' => 2000,
            _ => -1,
        };
        if (century < 0) return false;
        var year = century + int.Parse(t[..2], CultureInfo.InvariantCulture);
        var month = int.Parse(t.Slice(2, 2), CultureInfo.InvariantCulture);
        var day = int.Parse(t.Slice(4, 2), CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        iin = new Iin(long.Parse(t, NumberStyles.None, CultureInfo.InvariantCulture), new DateOnly(year, month, day));
        return true;
    }

    /// <summary>The check digit rule shared by IIN and BIN.</summary>
    public static bool HasValidCheckDigit(ReadOnlySpan<char> twelveDigits)
    {
        var s = 0;
        for (var i = 0; i < 11; i++) s += (twelveDigits[i] - '0') * (i + 1);
        s %= 11;
        if (s == 10)
        {
            s = 0;
            for (var i = 0; i < 11; i++) s += (twelveDigits[i] - '0') * (((i + 2) % 11) + 1);
            s %= 11;
        }
        return s != 10 && s == twelveDigits[11] - '0';
    }

    /// <summary>For messages, logs and the audit trail: the first two and last two digits only.</summary>
    public static string Mask(string? raw) => raw is { Length: 12 } ? $"{raw[..2]}********{raw[^2..]}" : "************";

    public override string ToString() => Value;

    /// <summary>The order of the numbers as text (twelve digits each): numeric order.</summary>
    public static int CompareOrdinal(Iin a, Iin b) => a._digits.CompareTo(b._digits);
}
