using System.Globalization;

namespace PayBatch.Core.Domain;

/// <summary>An amount of tenge, held as whole tiyn (1 ₸ = 100 tiyn) so storage and sums are exact.</summary>
public readonly record struct Tenge : IComparable<Tenge>
{
    public Tenge(long tiyn) => Tiyn = tiyn;

    public long Tiyn { get; }
    public decimal Amount => Tiyn / 100m;

    public static Tenge Zero => new(0);

    /// <summary>The largest amount that fits in whole tiyn; anything larger is not an amount.</summary>
    internal static readonly decimal MaxAmount = long.MaxValue / 100;

    /// <summary>The one rounding rule of the product: two decimals, half away from zero.</summary>
    public static Tenge FromDecimal(decimal amount) =>
        new((long)(decimal.Round(amount, 2, MidpointRounding.AwayFromZero) * 100m));

    /// <summary>The payment per child: coefficient × MRP, rounded once.</summary>
    public static Tenge PerChild(decimal coefficient, int mrp) => FromDecimal(coefficient * mrp);

    /// <summary>
    /// Reads <c>28112.50</c>, <c>28112,50</c> and <c>28 112,50</c> (any space as the thousands
    /// separator, as Russian-locale spreadsheets write it); refuses more than two decimals.
    /// </summary>
    public static bool TryParse(string? text, out Tenge tenge)
    {
        tenge = default;
        var t = string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c) && c != '\u202F')).Replace(',', '.');
        if (!decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)) return false;
        if (decimal.Round(d, 2) != d || Math.Abs(d) > MaxAmount) return false;
        tenge = new Tenge((long)(d * 100m));
        return true;
    }

    public static Tenge operator +(Tenge a, Tenge b) => new(checked(a.Tiyn + b.Tiyn));
    public static bool operator <(Tenge a, Tenge b) => a.Tiyn < b.Tiyn;
    public static bool operator <=(Tenge a, Tenge b) => a.Tiyn <= b.Tiyn;
    public static bool operator >(Tenge a, Tenge b) => a.Tiyn > b.Tiyn;
    public static bool operator >=(Tenge a, Tenge b) => a.Tiyn >= b.Tiyn;
    public int CompareTo(Tenge other) => Tiyn.CompareTo(other.Tiyn);

    /// <summary>Invariant text with a point: <c>28112.50</c>.</summary>
    public override string ToString() => Amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>MT text with a decimal comma: <c>28112,50</c>.</summary>
    public string ToCommaString() => ToString().Replace('.', ',');
}

public static class TengeSums
{
    public static Tenge Sum<T>(this IEnumerable<T> items, Func<T, Tenge> amount) =>
        items.Aggregate(Tenge.Zero, (s, x) => s + amount(x));
}
