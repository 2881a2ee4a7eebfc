namespace PayBatch.Core.Domain;

/// <summary>
/// A date written as ten characters, read digit by digit: the input files' and SQLite's dates come by the
/// million (issue 15), and the framework's culture-aware parser costs more than the rest of a row.
/// </summary>
public static class DateDigits
{
    /// <summary>
    /// The date whose year, month and day are the 4, 2 and 2 ASCII digits at the given places of a
    /// ten-character text (the separators are the caller's to check); false when one is not a digit or the
    /// date does not exist.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<char> t, int yearAt, int monthAt, int dayAt, out DateOnly date)
    {
        date = default;
        if (t.Length != 10) return false;
        var (year, month, day) = (Number(t, yearAt, 4), Number(t, monthAt, 2), Number(t, dayAt, 2));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>yyyy-MM-dd, as this program stores and writes dates.</summary>
    public static bool TryReadIso(ReadOnlySpan<char> t, out DateOnly date)
    {
        date = default;
        return t.Length == 10 && t[4] == '-' && t[7] == '-' && TryRead(t, 0, 5, 8, out date);
    }

    /// <summary>
    /// yyyy-MM-dd HH:mm:ss with an optional fraction of one to seven digits, as SQLite keeps a time that EF
    /// Core or Microsoft.Data.Sqlite wrote; false for anything else (the caller then asks the framework's
    /// parser, the first use of which costs a small command a tenth of its start-up).
    /// </summary>
    public static bool TryReadIsoTime(string t, out DateTime time)
    {
        time = default;
        if (t.Length is < 19 or 20 or > 27 || t[10] != ' ' || t[13] != ':' || t[16] != ':' || (t.Length > 19 && t[19] != '.')
            || !TryReadIso(t.AsSpan(0, 10), out var date)) return false;
        var (hour, minute, second) = (Number(t, 11, 2), Number(t, 14, 2), Number(t, 17, 2));
        if (hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59) return false;
        var ticks = 0L;
        if (t.Length > 19)
        {
            var digits = t.Length - 20;
            var fraction = Number(t, 20, digits);
            if (fraction < 0) return false;
            ticks = fraction;
            for (var i = digits; i < 7; i++) ticks *= 10;
        }
        time = new DateTime(date, new TimeOnly(hour, minute, second)).AddTicks(ticks);
        return true;
    }

    /// <summary>The digits at <paramref name="start"/> as a number; -1 when one is not a digit.</summary>
    private static int Number(ReadOnlySpan<char> t, int start, int count)
    {
        var n = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = t[i] - '0';
            if (d is < 0 or > 9) return -1;
            n = (n * 10) + d;
        }
        return n;
    }
}
