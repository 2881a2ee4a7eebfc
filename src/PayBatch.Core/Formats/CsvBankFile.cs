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
        using var ms = new MemoryStream();
        Write(batch, payments, terms, ms);
        return ms.ToArray();
    }

    /// <summary>Writes the file to <paramref name="output"/> a few thousand rows at a time: a million rows are never one string.</summary>
    public static void Write(Batch batch, IReadOnlyList<Payment> payments, BankFileTerms terms, Stream output)
    {
        const int RowsAtOnce = 4096;
        var valueDate = batch.ValueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = new CsvText(terms.Delimiter, forPeople: false).Row(Columns);
        for (var i = 0; i < payments.Count; i++)
        {
            var p = payments[i];
            csv.Row(p.Reference.ToString(), p.Iban.Value, p.Bic.Value, p.ApplicantIin.Value, p.ApplicantName, p.Amount.ToString(),
                "KZT", batch.Terms.Knp ?? "", batch.Terms.PurposeRu, valueDate);
            if ((i + 1) % RowsAtOnce != 0) continue;
            output.Write(Encode(csv, terms));
            csv = new CsvText(terms.Delimiter, forPeople: false);
        }
        output.Write(Encode(csv, terms));
    }

    // Rows end in '\n', so encoding row by row gives the bytes of the whole text encoded at once.
    private static byte[] Encode(CsvText csv, BankFileTerms terms) => terms.Windows1251 ? Transliteration.ToWindows1251(csv.ToString()) : csv.ToUtf8();
}
