using System.Globalization;
using PayBatch.Core.Domain;
using PayBatch.Core.Reconciliation;

namespace PayBatch.Tests.Reconciliation;

public class MatchingTests
{
    private static readonly BankingCalendar Calendar = ReferenceData.Load().Calendar;

    private static PaymentState Payment(PaymentStatus status, DateOnly? creditedOn) => new(
        1, PaymentReference.Parse("2026Q1-01-000001"), "C-1", Iin.Parse(Support.Cases.MakeIin(new DateOnly(2014, 3, 15))), "district", Bic.Parse("HSBKKZKX"),
        Iban.Parse(Support.Cases.MakeIban("601", 1001)), new Tenge(2811250), new DateOnly(2026, 1, 20), status, creditedOn, null, null);

    private static Confirmation Credited(DateOnly on) => new("bank.csv", 2, "2026Q1-01-000001", ConfirmationStatus.Credited, on, null, null, null);

    [Theory]
    [InlineData("th-TH")] // the Thai Buddhist calendar: year 2569
    [InlineData("fa-IR")] // the Persian calendar: year 1404
    [InlineData("ru-RU")]
    public void Dates_in_details_are_ISO_and_Gregorian_whatever_the_systems_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            // Late (the 29th is more than five banking days after the 20th), a conflict, and an ordinary credit.
            var late = Matching.Decide(Payment(PaymentStatus.Issued, null), Credited(new DateOnly(2026, 1, 29)), Calendar);
            Assert.Equal("LATE", late.Finding);
            Assert.StartsWith("credited 2026-01-29, ", late.Detail, StringComparison.Ordinal);
            Assert.EndsWith(" banking days after 2026-01-20", late.Detail, StringComparison.Ordinal);
            var conflict = Matching.Decide(Payment(PaymentStatus.Credited, new DateOnly(2026, 1, 21)), Credited(new DateOnly(2026, 1, 22)), Calendar);
            Assert.Equal("recorded credited 2026-01-21, confirmation says credited 2026-01-22", conflict.Detail);
            var credited = Matching.Decide(Payment(PaymentStatus.Issued, null), Credited(new DateOnly(2026, 1, 21)), Calendar);
            Assert.Equal("credited 2026-01-21", credited.Detail);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
