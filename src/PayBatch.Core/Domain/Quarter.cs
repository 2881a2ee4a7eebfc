using System.Globalization;

namespace PayBatch.Core.Domain;

/// <summary>A calendar quarter, written <c>2026Q1</c>. Immutable; ordered by time.</summary>
public readonly record struct Quarter : IComparable<Quarter>
{
    /// <summary>The years a quarter can be in: a date outside them names no quarter.</summary>
    public const int FirstYear = 1900, LastYear = 2999;

    /// <summary>Whether <paramref name="date"/> falls in a year a quarter can be in.</summary>
    public static bool Covers(DateOnly date) => date.Year is >= FirstYear and <= LastYear;

    public Quarter(int year, int number)
    {
        if (year is < FirstYear or > LastYear) throw new ArgumentOutOfRangeException(nameof(year), year, "year out of range");
        if (number is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(number), number, "a quarter is 1 to 4");
        Year = year;
        Number = number;
    }

    public int Year { get; }
    public int Number { get; }
    public DateOnly FirstDay => new(Year, (3 * Number) - 2, 1);
    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    public static bool TryParse(string? text, out Quarter quarter) => TryParse(text.AsSpan(), out quarter);

    public static bool TryParse(ReadOnlySpan<char> text, out Quarter quarter)
    {
        quarter = default;
        var t = text.Trim();
        if (t.Length != 6 || (t[4] != 'Q' && t[4] != 'q')) return false;
        if (!int.TryParse(t[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        var n = t[5] - '0';
        if (n is < 1 or > 4 || year is < FirstYear or > LastYear) return false;
        quarter = new Quarter(year, n);
        return true;
    }

    public static Quarter Parse(string text) =>
        TryParse(text, out var q) ? q : throw new FormatException($"'{text}' is not a quarter such as 2026Q1");

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));
    public static bool operator <(Quarter a, Quarter b) => a.CompareTo(b) < 0;
    public static bool operator <=(Quarter a, Quarter b) => a.CompareTo(b) <= 0;
    public static bool operator >(Quarter a, Quarter b) => a.CompareTo(b) > 0;
    public static bool operator >=(Quarter a, Quarter b) => a.CompareTo(b) >= 0;
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");
}
