using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using PayBatch.Core.Domain;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Domain;

public class IinTests
{
    [Theory]
    [InlineData("140315501021", 2014, 3, 15)]
    [InlineData("860702401019", 1986, 7, 2)]
    public void Known_valid_IINs_parse_with_their_birth_date(string text, int y, int m, int d)
    {
        Assert.True(Iin.TryParse(text, out var iin));
        Assert.Equal(new DateOnly(y, m, d), iin.BirthDate);
    }

    [Theory]
    [InlineData("140315501022")] // wrong check digit
    [InlineData("14031550102")]  // 11 digits
    [InlineData("1403155010211")]
    [InlineData("14031550102a")]
    [InlineData("141315501021")] // month 13
    [InlineData("140315701021")] // century digit 7
    [InlineData("")]
    public void Invalid_IINs_are_refused(string text) => Assert.False(Iin.TryParse(text, out _));

    [Fact]
    public void The_second_weighting_is_used_when_the_first_sum_gives_ten()
    {
        // Find a number whose first weighted sum is 10 and check the second rule decides.
        for (var serial = 0; serial < 10000; serial++)
        {
            var d11 = $"1403155{serial:0000}";
            var s1 = Enumerable.Range(0, 11).Sum(i => (d11[i] - '0') * (i + 1)) % 11;
            if (s1 != 10) continue;
            var s2 = Enumerable.Range(0, 11).Sum(i => (d11[i] - '0') * (((i + 2) % 11) + 1)) % 11;
            if (s2 == 10)
            {
                Assert.All(Enumerable.Range(0, 10), c => Assert.False(Iin.TryParse(d11 + c, out _)));
                continue;
            }
            Assert.True(Iin.TryParse(d11 + s2, out _));
            Assert.False(Iin.TryParse(d11 + ((s2 + 1) % 10), out _));
            return;
        }
        Assert.Fail("no number with a first sum of 10 found");
    }

    [Fact]
    public void For_any_birth_date_and_serial_exactly_one_check_digit_is_valid() =>
        Prop.ForAll(Gen.Choose(0, 36_000).ToArbitrary(), Gen.Choose(0, 9999).ToArbitrary(), (day, serial) =>
        {
            var birth = new DateOnly(1930, 1, 1).AddDays(day);
            var iin = Support.Cases.MakeIin(birth, serial: serial);
            var valid = Enumerable.Range(0, 10).Count(c => Iin.TryParse(iin[..11] + c, out _));
            return valid == 1 && Iin.TryParse(iin, out var parsed) && parsed.BirthDate == birth;
        }).QuickCheckThrowOnFailure();
}

public class IbanTests
{
    [Theory]
    [InlineData("KZ637220000007000001", "722")]
    [InlineData("KZ28070KZT0000123456", "070")]
    [InlineData("kz63 7220 0000 0700 0001", "722")]
    [InlineData(" KZ637220000007000001 ", "722")]
    public void Valid_IBANs_parse_after_removing_spaces_and_upper_casing(string text, string bankCode)
    {
        Assert.True(Iban.TryParse(text, out var iban));
        Assert.Equal(bankCode, iban.BankCode);
        Assert.Equal(20, iban.Value.Length);
    }

    [Theory]
    [InlineData("KZ647220000007000001")] // check digits off by one
    [InlineData("KZ63722000000700000")]  // 19 characters
    [InlineData("KZ6372200000070000011")]
    [InlineData("DE637220000007000001")]
    [InlineData("KZ63A220000007000001")] // bank code must be digits
    [InlineData("")]
    public void Invalid_IBANs_are_refused(string text) => Assert.False(Iban.TryParse(text, out _));

    [Fact]
    public void Generated_IBANs_round_trip_and_any_changed_account_digit_is_caught() =>
        Prop.ForAll(Gen.Choose(0, 999_999_999).ToArbitrary(), Gen.Choose(7, 19).ToArbitrary(), (account, pos) =>
        {
            var iban = Cases.MakeIban("601", account);
            var chars = iban.ToCharArray();
            chars[pos] = chars[pos] == '9' ? '0' : (char)(chars[pos] + 1);
            return Iban.TryParse(iban, out var parsed) && parsed.Value == iban && !Iban.TryParse(new string(chars), out _);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void An_IBAN_held_as_numbers_gives_back_every_character_letters_included()
    {
        var random = new Random(15);
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var seen = new Dictionary<Iban, string>();
        for (var n = 0; n < 2000; n++)
        {
            var account = n switch
            {
                0 => "0000000000000",
                1 => "ZZZZZZZZZZZZZ",
                _ => new string(Enumerable.Range(0, 13).Select(_ => alphabet[random.Next(36)]).ToArray()),
            };
            var bank = random.Next(1000).ToString("000", System.Globalization.CultureInfo.InvariantCulture);
            var text = WithCheckDigits(bank + account);
            Assert.True(Iban.TryParse(text, out var iban), text);
            Assert.Equal(text, iban.Value);
            Assert.Equal(bank, iban.BankCode);
            Assert.Equal(text, seen.GetValueOrDefault(iban, text)); // equal values are equal texts
            seen[iban] = text;
        }
        Assert.Equal(2000, seen.Count);
    }

    /// <summary>"KZ", the ISO 13616 check digits, then the bank code and account.</summary>
    private static string WithCheckDigits(string bban)
    {
        var remainder = 0;
        foreach (var c in bban + "KZ00")
        {
            var v = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = v >= 10 ? ((remainder * 100) + v) % 97 : ((remainder * 10) + v) % 97;
        }
        return $"KZ{98 - remainder:00}{bban}";
    }
}

public class QuarterTests
{
    [Theory]
    [InlineData("2026Q1", "2026-01-01", "2026-03-31")]
    [InlineData("2026Q2", "2026-04-01", "2026-06-30")]
    [InlineData("2024Q3", "2024-07-01", "2024-09-30")]
    [InlineData("2025Q4", "2025-10-01", "2025-12-31")]
    public void A_quarter_spans_its_three_months(string text, string first, string last)
    {
        var q = Quarter.Parse(text);
        Assert.Equal(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), q.FirstDay);
        Assert.Equal(DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture), q.LastDay);
        Assert.Equal(text, q.ToString());
    }

    [Theory]
    [InlineData("2026Q5")]
    [InlineData("2026Q0")]
    [InlineData("2026-1")]
    [InlineData("26Q1")]
    [InlineData("3000Q1")] // past the years a quarter has: refused, not thrown
    [InlineData("1899Q4")]
    public void Malformed_quarters_are_refused(string text)
    {
        Assert.False(Quarter.TryParse(text, out _));
        Assert.False(PaymentReference.TryParse($"{text}-01-000001", out _));
        Assert.Throws<FormatException>(() => Quarter.Parse(text));
    }

    [Fact]
    public void Quarters_are_ordered_by_time() => Assert.True(Quarter.Parse("2025Q4") < Quarter.Parse("2026Q1"));

    [Fact]
    public void Payment_references_round_trip()
    {
        var r = new PaymentReference(Quarter.Parse("2026Q1"), 1, 42);
        Assert.Equal("2026Q1-01-000042", r.ToString());
        Assert.True(PaymentReference.TryParse("2026Q1-01-000042", out var back));
        Assert.Equal(r, back);
        Assert.False(PaymentReference.TryParse("2026Q1-1-000042", out _));
    }

    [Fact]
    public void A_payment_reference_is_written_as_the_format_says_and_read_back()
    {
        var random = new Random(15);
        for (var i = 0; i < 100_000; i++)
        {
            var q = new Quarter(random.Next(1900, 3000), random.Next(1, 5));
            var (batch, sequence) = (random.Next(1, 100), random.Next(1, PaymentReference.MaxSequence + 1));
            var r = new PaymentReference(q, batch, sequence);
            var text = r.ToString();
            Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"{q.Year}Q{q.Number}-{batch:00}-{sequence:000000}"), text);
            Assert.True(PaymentReference.TryParse(text, out var back) && back == r, text);
        }
        Assert.Equal("0Q0-00-000000", default(PaymentReference).ToString());
    }
}

/// <summary>The stored values a million rows are parsed from as characters (<c>PlainReads</c>) read as their strings do.</summary>
public class CharactersTests
{
    [Theory]
    [InlineData("credited")]
    [InlineData(" Credited ")]
    [InlineData("CANCELLED")]
    public void A_code_read_from_its_characters_is_the_one_read_from_its_string(string text) =>
        Assert.Equal(Codes.Parse<PaymentStatus>(text), Codes.Parse<PaymentStatus>(text.AsSpan()));

    [Theory]
    [InlineData("credite")]
    [InlineData("crédited")] // beyond ASCII: read as its string
    [InlineData("")]
    public void A_text_that_is_no_code_is_refused_either_way(string text)
    {
        Assert.Throws<InvalidDataException>(() => Codes.Parse<PaymentStatus>(text));
        Assert.Throws<InvalidDataException>(() => Codes.Parse<PaymentStatus>(text.AsSpan()));
    }

    [Theory]
    [InlineData("KZ637220000007000001")]
    [InlineData(" kz63 7220 0000 0700 0001 ")] // normalised as its string is
    public void An_IBAN_read_from_its_characters_is_the_one_read_from_its_string(string text) =>
        Assert.Equal(Iban.Parse(text), Iban.Parse(text.AsSpan()));

    [Fact]
    public void Identifiers_are_read_from_their_characters()
    {
        Assert.Equal((new DateOnly(2014, 3, 15), "140315501021"), (Iin.Parse(" 140315501021".AsSpan()).BirthDate, Iin.Parse(" 140315501021".AsSpan()).Value));
        Assert.Equal(new PaymentReference(new Quarter(2026, 1), 1, 42), PaymentReference.Parse("2026Q1-01-000042 ".AsSpan()));
        Assert.Throws<FormatException>(() => Iin.Parse("140315501022".AsSpan()));
        Assert.Throws<FormatException>(() => Iban.Parse("KZ637220000007000002".AsSpan()));
        Assert.Throws<FormatException>(() => PaymentReference.Parse("2026Q5-01-000042".AsSpan()));
    }
}
