using System.Globalization;

namespace PayBatch.Core.Eligibility;

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

    public void Add(string iin)
    {
        if (AsNumber(iin) is { } n) _numbers.Add(n);
        else _others.Add(iin);
    }

    public bool Contains(string iin) => AsNumber(iin) is { } n ? _numbers.Contains(n) : _others.Contains(iin);

    private static long? AsNumber(string text) =>
        text.Length == 12 && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 ? long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : null;
}
