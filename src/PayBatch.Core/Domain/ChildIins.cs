using System.Numerics;
using System.Text;

namespace PayBatch.Core.Domain;

/// <summary>
/// A set of children's IINs as the registry writes them. A quarter's certificates and payments are up to
/// a million each (issue 15), so twelve-digit text (nearly all) is held as a number, 8 bytes instead of a
/// string; anything else stays text. Twelve digits and their number map one to one, so membership is
/// exactly that of the text.
/// </summary>
public sealed class ChildIins
{
    private readonly HashSet<long> _numbers = [];
    private readonly HashSet<string> _others = new(StringComparer.Ordinal);

    public ChildIins(IEnumerable<string> iins)
    {
        foreach (var iin in iins) Add(iin);
    }

    public int Count => _numbers.Count + _others.Count;

    /// <summary>False when the set holds it already.</summary>
    public bool Add(string iin) => AsNumber(iin.AsSpan()) is { } n ? _numbers.Add(n) : _others.Add(iin);

    /// <summary>Adds an IIN given as its UTF-8 bytes (as a database hands it over); false when the set holds it already.</summary>
    public bool Add(ReadOnlySpan<byte> utf8) => AsNumber(utf8) is { } n ? _numbers.Add(n) : _others.Add(Encoding.UTF8.GetString(utf8));

    public bool Contains(string iin) => AsNumber(iin.AsSpan()) is { } n ? _numbers.Contains(n) : _others.Contains(iin);

    /// <summary>Exactly twelve ASCII digits as their number; null for anything else.</summary>
    private static long? AsNumber<T>(ReadOnlySpan<T> text) where T : unmanaged, IBinaryInteger<T>
    {
        if (text.Length != 12) return null;
        var n = 0L;
        foreach (var c in text)
        {
            var d = long.CreateTruncating(c) - '0';
            if (d is < 0 or > 9) return null;
            n = n * 10 + d;
        }
        return n;
    }
}
