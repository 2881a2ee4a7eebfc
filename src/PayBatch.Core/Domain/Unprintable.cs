namespace PayBatch.Core.Domain;

/// <summary>
/// Characters no field of ours may carry: the control characters (C0, DEL, C1; a line break in a name would start a new
/// field of an MT102 message), the byte order mark (invisible, it made a second case of "C-0101" that looked the same),
/// and U+FFFE/U+FFFF, which XML (pain.001, workbooks) cannot hold.
/// </summary>
public static class Unprintable
{
    /// <summary>The position of the first such character in <paramref name="text"/>, or -1.</summary>
    public static int IndexIn(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
            if (text[i] is <= '\u001f' or (>= '\u007f' and <= '\u009f') or '\uFEFF' or '\uFFFE' or '\uFFFF') return i;
        return -1;
    }
}
