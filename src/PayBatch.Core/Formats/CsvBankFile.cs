using System.Globalization;
using PayBatch.Core.Batches;
using PayBatch.Core.Output;

namespace PayBatch.Core.Formats;

/// <summary>
/// The CSV registry of payments a bank takes (SPEC). UTF-8 with ',' by default; Windows-1251 with
/// the bank's delimiter (transliterating Kazakh letters) where the bank directory says so. The
/// count and control sum of the file are recorded in the batch's manifest.json.
/// </summary>
public static class CsvBankFile
{
    public static readonly string[] Columns =
        ["reference", "iban", "bic", "recipient_iin", "recipient_name", "amount", "currency", "knp", "purpose", "value_date"];

    public static byte[] Write(Batch batch, IReadOnlyList<Payment> payments, BankFileTerms terms)
    {
        var csv = new CsvText(terms.Delimiter, forPeople: false).Row(Columns);
        var valueDate = batch.ValueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var p in payments)
            csv.Row(p.Reference.ToString(), p.Iban.Value, p.Bic.Value, p.ApplicantIin.Value, p.ApplicantName, p.Amount.ToString(),
                "KZT", batch.Terms.Knp ?? "", batch.Terms.PurposeRu, valueDate);
        return terms.Windows1251 ? Transliteration.ToWindows1251(csv.ToString()) : csv.ToUtf8();
    }
}
