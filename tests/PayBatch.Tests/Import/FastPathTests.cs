using System.Globalization;
using PayBatch.Core.Import;
using PayBatch.Core.Persistence;

namespace PayBatch.Tests.Import;

/// <summary>
/// The digit-by-digit paths of a million-row import answer exactly as the framework's parsing and
/// formatting they replace: every date of five centuries in both input formats, and texts that are almost dates.
/// </summary>
public class FastPathTests
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "dd.MM.yyyy"];

    private static void Same(string text)
    {
        var expected = DateOnly.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var e);
        var actual = CsvInput.TryParseDate(text, out var a);
        Assert.True(expected == actual, $"'{text}': TryParseExact {expected}, fast path {actual}");
        Assert.Equal(e, a);
    }

    [Fact]
    public void A_column_is_found_whatever_its_case_in_the_header_and_whichever_string_names_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"paybatch-columns-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "Child_IIN,QUARTER,certificate_no\n140315501021,2026Q1,7\n150415501022,2026Q2,8\n");
        try
        {
            using var csv = CsvInput.Open(path, ["child_iin", "quarter", "certificate_no"]);
            var read = new List<(string, string, string)>();
            while (csv.Read())
            {
                // A literal (the same string each row, found by itself once seen) and strings made afresh, in another case.
                read.Add((csv.Text("child_iin"), csv.Text(new string("QUARTER".ToCharArray())), csv.Text(string.Concat("certificate", "_NO"))));
            }
            Assert.Equal([("140315501021", "2026Q1", "7"), ("150415501022", "2026Q2", "8")], read);
            Assert.Empty(csv.Problems);
            // Another file, its columns in another order, read through the same literals: each input finds its own.
            File.WriteAllText(path, "certificate_no,quarter,child_iin\n9,2026Q3,160515501023\n");
            using var other = CsvInput.Open(path, ["child_iin", "quarter", "certificate_no"]);
            Assert.True(other.Read());
            Assert.Equal(("160515501023", "2026Q3", "9"), (other.Text("child_iin"), other.Text("quarter"), other.Text("certificate_no")));
            Assert.Equal(("140315501021", "2026Q1", "7"), read[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Every_date_reads_as_TryParseExact_reads_it()
    {
        for (var d = new DateOnly(1800, 1, 1); d <= new DateOnly(2300, 12, 31); d = d.AddDays(1))
        {
            Same(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Same(d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        }
        Same("0001-01-01");
        Same("9999-12-31");
    }

    [Theory]
    [InlineData("0000-01-01")]
    [InlineData("2026-02-29")]
    [InlineData("2024-02-29")]
    [InlineData("2026-13-01")]
    [InlineData("2026-00-10")]
    [InlineData("2026-01-00")]
    [InlineData("2026-04-31")]
    [InlineData("31.04.2026")]
    [InlineData("29.02.2028")]
    [InlineData("2026-1-05")]
    [InlineData("2026-01-5")]
    [InlineData("2026/01/05")]
    [InlineData("2026-0a-05")]
    [InlineData("+026-01-05")]
    [InlineData("2026-01-05 ")]
    [InlineData("05.01.26")]
    [InlineData("5.01.2026")]
    [InlineData("2026-01-05T00:00")]
    [InlineData("٢٠٢٦-٠١-٠٥")]
    [InlineData("")]
    public void Almost_dates_read_as_TryParseExact_reads_them(string text) => Same(text);

    [Fact]
    public void Random_ten_character_texts_read_as_TryParseExact_reads_them()
    {
        var random = new Random(15);
        const string alphabet = "0123456789-.0123456789 a";
        for (var n = 0; n < 200_000; n++)
        {
            var chars = Enumerable.Range(0, 10).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
            if (n % 2 == 0) (chars[4], chars[7]) = ('-', '-');
            else (chars[2], chars[5]) = ('.', '.');
            Same(new string(chars));
        }
    }

    [Fact]
    public void A_stored_date_is_written_as_yyyy_MM_dd()
    {
        for (var n = 0; n <= DateOnly.MaxValue.DayNumber; n += 97)
        {
            var d = DateOnly.FromDayNumber(n);
            Assert.Equal(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), SqliteStatement.Text(d));
        }
        Assert.Equal("9999-12-31", SqliteStatement.Text(new DateOnly(9999, 12, 31)));
    }

    /// <summary>A stored time as SQLite keeps it, read digit by digit, is the time the provider's parser reads.</summary>
    [Fact]
    public void A_stored_time_reads_as_the_provider_reads_it()
    {
        var random = new Random(26);
        for (var n = 0; n < 100_000; n++)
        {
            var t = new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks));
            if (n % 3 == 0) t = new DateTime(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond)); // whole seconds: no fraction written
            if (n % 3 == 1) t = new DateTime(t.Ticks - (t.Ticks % TimeSpan.TicksPerMillisecond));
            var text = t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture); // as EF and Microsoft.Data.Sqlite write it
            Assert.True(Core.Domain.DateDigits.TryReadIsoTime(text, out var read), text);
            Assert.Equal(t, read);
            Assert.Equal(DateTime.Parse(text, CultureInfo.InvariantCulture), read);
            Assert.Equal(DateTimeKind.Unspecified, read.Kind);
        }
    }

    [Theory]
    [InlineData("2026-01-19 09:00:00.")]
    [InlineData("2026-01-19T09:00:00")]
    [InlineData("2026-01-19 24:00:00")]
    [InlineData("2026-01-19 09:60:00")]
    [InlineData("2026-01-19 09:00:60")]
    [InlineData("2026-02-30 09:00:00")]
    [InlineData("2026-01-19 09:00:00.12345678")]
    [InlineData("2026-01-19 09:00:00.1a")]
    [InlineData("2026-01-19 09:00:00Z")]
    [InlineData("2026-01-19 9:00:00")]
    [InlineData("2026-01-19")]
    [InlineData("")]
    public void Other_times_are_left_to_the_provider(string text) => Assert.False(Core.Domain.DateDigits.TryReadIsoTime(text, out _));
}
