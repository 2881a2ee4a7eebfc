using System.Text.Json;
using System.Text.Json.Serialization;
using PayBatch.Core.Domain;

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
    string Format,
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
    public string Send { get; init; } = "07";
    public string Pso { get; init; } = "01";
    public string Prt { get; init; } = "50";
    public SortedDictionary<string, BankFileTerms> Banks { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The payer fields a payer-named format needs; a missing one is bad input (exit 2).</summary>
    public Department RequirePayer(string format)
    {
        var d = Department;
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(d.Name)) missing.Add("Department:Name");
        if (string.IsNullOrWhiteSpace(d.Bin)) missing.Add("Department:Bin");
        if (string.IsNullOrWhiteSpace(d.Iban)) missing.Add("Department:Iban");
        if (string.IsNullOrWhiteSpace(d.Bic)) missing.Add("Department:Bic");
        if (string.IsNullOrWhiteSpace(Knp)) missing.Add("Payment:Knp");
        if (missing.Count > 0)
            throw new InputException($"the {format} format names the payer: set {string.Join(", ", missing)} (paybatch.json or PAYBATCH_ variables)");
        var wrong = new List<string>();
        if (!Iban.TryParse(d.Iban, out _)) wrong.Add("Department:Iban is not a valid KZ IBAN");
        if (d.Bin!.Length != 12 || !d.Bin.All(char.IsAsciiDigit) || !Iin.HasValidCheckDigit(d.Bin)) wrong.Add("Department:Bin is not a valid BIN");
        if (!Bic.TryParse(d.Bic, out _)) wrong.Add("Department:Bic is not a BIC");
        if (Knp!.Length != 3 || !Knp.All(char.IsAsciiDigit)) wrong.Add("Payment:Knp must be three digits");
        if (wrong.Count > 0) throw new InputException($"the {format} format names the payer, but {string.Join("; ", wrong)}");
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
        foreach (var bic in payments.Select(p => p.Bic).Distinct())
        {
            var bank = directory.Get(bic);
            banks[bic] = new BankFileTerms((format ?? bank.Format).Name(), bank.CsvWindows1251, bank.CsvDelimiter,
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
