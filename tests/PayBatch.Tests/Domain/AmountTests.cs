using PayBatch.Core.Batches;
using PayBatch.Core.Domain;

namespace PayBatch.Tests.Domain;

public class AmountTests
{
    private static readonly ReferenceData Data = ReferenceData.Load();

    [Theory]
    [InlineData("2026Q1", 4325, "28112.50")]
    [InlineData("2022Q1", 3063, "19909.50")] // before the mid-year change: the value on the quarter's first day
    [InlineData("2022Q2", 3180, "20670.00")] // after it (1 April 2022)
    [InlineData("2020Q1", 2651, "17231.50")]
    [InlineData("2020Q2", 2778, "18057.00")]
    [InlineData("2009Q3", 1296, "8424.00")]
    [InlineData("2008Q2", 1168, "7592.00")]
    [InlineData("2025Q4", 3932, "25558.00")]
    public void Amount_is_six_and_a_half_MRP_in_force_on_the_first_day(string quarter, int mrp, string amount)
    {
        var q = Quarter.Parse(quarter);
        Assert.Equal(mrp, Data.Mrp.On(q.FirstDay));
        Assert.Equal(amount, Tenge.PerChild(6.5m, Data.Mrp.On(q.FirstDay)).ToString());
    }

    [Fact]
    public void A_quarter_paid_late_still_takes_the_MRP_of_its_first_day()
    {
        // 2022Q1 paid on 16 May 2022, after the MRP rose on 1 April (3063 → 3180): the run still pays 6.5 × 3063.
        var request = new RunRequest(Quarter.Parse("2022Q1"), new DateOnly(2022, 5, 16), BankFileFormat.Csv, "out", DryRun: true);
        var (valueDate, amount) = QuarterRun.Check(Data, PaymentTerms.Default, TimeProvider.System, request);
        Assert.Equal(3180, Data.Mrp.On(valueDate));
        Assert.Equal((3063, "19909.50"), (amount.Mrp, amount.PerChild.ToString()));
    }

    [Theory]
    [InlineData("2027-01-01")]
    [InlineData("2007-12-31")]
    public void An_unknown_MRP_date_is_an_error_not_a_guess(string date) =>
        Assert.Throws<InputException>(() => Data.Mrp.On(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("0.015", "0.02")]
    [InlineData("2.675", "2.68")]
    [InlineData("-0.005", "-0.01")]
    public void Rounding_is_half_away_from_zero(string value, string expected) =>
        Assert.Equal(expected, Tenge.FromDecimal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Theory]
    [InlineData("28112.50", 2811250)]
    [InlineData("28112,50", 2811250)]
    [InlineData("28 112,5", 2811250)]
    [InlineData("28\u00A0112,50", 2811250)]
    [InlineData("28\u202F112,50", 2811250)]
    public void Amounts_read_with_point_or_comma(string text, long tiyn)
    {
        Assert.True(Tenge.TryParse(text, out var t));
        Assert.Equal(tiyn, t.Tiyn);
    }

    [Fact]
    public void More_than_two_decimals_is_not_an_amount() => Assert.False(Tenge.TryParse("1.005", out _));
}
