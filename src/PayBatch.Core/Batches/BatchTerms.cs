using System.Text.Json;
using System.Text.Json.Serialization;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Batches;

/// <summary>The payer, as configured (SPEC <c>Department</c>); a format that needs a missing field refuses.</summary>
public sealed record Department
{
    public string? Name { get; init; }
    public string? Bin { get; init; }
    public string? Iban { get; init; }
    public string? Bic { get; init; }
    public string? Chief { get; init; }
    public string? ChiefAccountant { get; init; }
}

/// <summary>How one bank's file is written: fixed when the batch is created.</summary>
public sealed record BankFileTerms(
    [property: JsonConverter(typeof(CodeJsonConverter<BankFileFormat>))] BankFileFormat Format,
    bool Windows1251 = false,
    char Delimiter = ',',
    int? Mt102MaxPayments = null,
    long? Mt102MaxTotalTiyn = null,
    string? TransitAccount = null);

/// <summary>
/// Everything a batch's files are written with besides its payments: kept with the batch so a lost
/// file is re-created byte for byte even after the settings or the bank directory changed.
/// </summary>
public sealed record BatchTerms
{
    public Department Department { get; init; } = new();
    public string? Knp { get; init; }
    public string PurposeRu { get; init; } = "";
    public string PurposeKk { get; init; } = "";
    public string Send { get; init; } = PaymentTerms.Default.Send;
    public string Pso { get; init; } = PaymentTerms.Default.Pso;
    public string Prt { get; init; } = PaymentTerms.Default.Prt;
    public SortedDictionary<string, BankFileTerms> Banks { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The payer fields a payer-named format needs; a missing one is bad input (exit 2).</summary>
    public Department RequirePayer(BankFileFormat format)
    {
        var d = Department;
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(d.Name)) missing.Add("Department:Name");
        if (string.IsNullOrWhiteSpace(d.Bin)) missing.Add("Department:Bin");
        if (string.IsNullOrWhiteSpace(d.Iban)) missing.Add("Department:Iban");
        if (string.IsNullOrWhiteSpace(d.Bic)) missing.Add("Department:Bic");
        if (string.IsNullOrWhiteSpace(Knp)) missing.Add("Payment:Knp");
        if (missing.Count > 0)
            throw new InputException(CoreText.PayerMissing, format.Name(), string.Join(", ", missing));
        var wrong = new List<Said>();
        if (!Iban.TryParse(d.Iban, out _)) wrong.Add(CoreText.PayerIban.With());
        if (d.Bin!.Length != 12 || !d.Bin.All(char.IsAsciiDigit) || !Iin.HasValidCheckDigit(d.Bin)) wrong.Add(CoreText.PayerBin.With());
        if (!Bic.TryParse(d.Bic, out _)) wrong.Add(CoreText.PayerBic.With());
        if (Knp!.Length != 3 || !Knp.All(char.IsAsciiDigit)) wrong.Add(CoreText.PayerKnp.With());
        // Written into the bank files as they are: a line break would start a field of its own in an MT102 message (which
        // alone carries the chiefs and the send, PSO and priority codes).
        var written = new List<(string Setting, string? Text)> { ("Department:Name", d.Name) };
        if (format == BankFileFormat.Mt102)
            written.AddRange([("Department:Chief", d.Chief), ("Department:ChiefAccountant", d.ChiefAccountant), ("Payment:Send", Send), ("Payment:Pso", Pso), ("Payment:Prt", Prt)]);
        foreach (var (setting, text) in written)
            if (Unprintable.IndexIn(text) is var at and >= 0)
                wrong.Add(CoreText.PayerUnprintable.With(setting, ((int)text![at]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture), at + 1));
        if (wrong.Count > 0) throw new InputException(CoreText.PayerWrong, format.Name(), wrong);
        return d;
    }

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static BatchTerms FromJson(string json) =>
        JsonSerializer.Deserialize<BatchTerms>(json, Json) ?? throw new InvalidDataException("batch terms are empty");

    /// <summary>The terms a new batch's files are written with, fixed now and kept with the batch.</summary>
    public static BatchTerms For(Quarter q, IEnumerable<Payment> payments, BankFileFormat? format, PaymentTerms terms, BankDirectory directory)
    {
        var banks = new SortedDictionary<string, BankFileTerms>(StringComparer.Ordinal);
        foreach (var bic in payments.Select(p => p.Bic.Value).Distinct())
        {
            var bank = directory.Get(bic);
            banks[bic] = new BankFileTerms(format ?? bank.Format, bank.CsvWindows1251, bank.CsvDelimiter,
                bank.Mt102MaxPayments, bank.Mt102MaxTotal?.Tiyn, bank.TransitAccount);
        }
        return new BatchTerms
        {
            Department = terms.Department, Knp = terms.Knp, Send = terms.Send, Pso = terms.Pso, Prt = terms.Prt,
            PurposeRu = Purpose(q, "ru"), PurposeKk = Purpose(q, "kk"), Banks = banks,
        };
    }

    public static string Purpose(Quarter q, string lang) => lang == "kk"
        ? $"Үйде оқитын мүгедек балаға {q.Year} ж. {q.Number}-тоқсанға әлеуметтік көмек"
        : $"Социальная помощь на обучение ребёнка-инвалида на дому за {q.Number} квартал {q.Year} г.";
}
