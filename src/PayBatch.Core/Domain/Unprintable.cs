namespace PayBatch.Core.Domain;

/// <summary>
/// Characters no field of ours may carry: the control characters (C0, DEL, C1; a line break in a name would start a new
/// field of an MT102 message), the byte order mark (invisible, it made a second case of "C-0101" that looked the same),
/// and U+FFFE/U+FFFF, which XML (pain.001, workbooks) cannot hold.
/// </summary>
public static class Unprintable
{
    private static readonly System.Buffers.SearchValues<char> Characters = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7f, 0x21)).Select(c => (char)c)) + "\uFEFF\uFFFE\uFFFF");

    /// <summary>The position of the first such character in <paramref name="text"/>, or -1 (a million registry rows: searched vectorised).</summary>
    public static int IndexIn(ReadOnlySpan<char> text) => text.IndexOfAny(Characters);
}
