using System.Text.Json;
using System.Text.Json.Serialization;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Domain;

/// <summary>The bank file formats PayBatch writes.</summary>
public enum BankFileFormat { Csv, Pain001, Mt102 }

public static class BankFileFormats
{
    public static bool TryParse(string? text, out BankFileFormat format) => Codes.TryParse(text, out format);

    /// <summary>The name of SPEC and of <c>--format</c>: <c>csv</c>, <c>pain001</c>, <c>mt102</c>.</summary>
    public static string Name(this BankFileFormat format) => Codes.Of(format);

    public static string Extension(this BankFileFormat format) => format switch
    {
        BankFileFormat.Csv => ".csv",
        BankFileFormat.Pain001 => ".xml",
        BankFileFormat.Mt102 => ".txt",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}

/// <summary>One bank of the directory, with the file it takes.</summary>
public sealed record Bank(
    string Bic,
    string Code,
    string Name,
    BankFileFormat Format,
    bool CsvWindows1251,
    char CsvDelimiter,
    int? Mt102MaxPayments,
    Tenge? Mt102MaxTotal,
    string? TransitAccount);

/// <summary>The bank directory (<c>Data/banks.json</c>): BIC, IBAN bank code and file preferences.</summary>
public sealed class BankDirectory
{
    private readonly Dictionary<string, Bank> _byBic;

    public BankDirectory(IEnumerable<Bank> banks) =>
        _byBic = banks.ToDictionary(b => b.Bic, StringComparer.Ordinal);

    public IEnumerable<Bank> All => _byBic.Values.OrderBy(b => b.Bic, StringComparer.Ordinal);

    public bool TryGet(string? bic, out Bank bank)
    {
        bank = null!;
        return bic is not null && _byBic.TryGetValue(bic.Trim().ToUpperInvariant(), out bank!);
    }

    public Bank Get(string bic) =>
        TryGet(bic, out var b) ? b : throw new InputException(CoreText.BankUnknown, bic);

    internal static BankDirectory FromJson(Stream json)
    {
        var file = JsonSerializer.Deserialize(json, ReferenceJson.Default.BanksFile) ?? throw new InvalidDataException("banks.json is empty");
        return new BankDirectory(file.Banks.Select(b =>
        {
            if (!Bic.TryParse(b.Bic, out _) || b.Code.Length != 3 || !b.Code.All(char.IsAsciiDigit))
                throw new InvalidDataException($"banks.json: '{b.Bic}' / '{b.Code}' is not a BIC with a 3-digit bank code");
            if (!BankFileFormats.TryParse(b.Format, out var format)) throw new InvalidDataException($"banks.json: {b.Bic}: unknown format '{b.Format}'");
            Tenge? maxTotal = null;
            if (b.Mt102MaxTotal is not null)
                maxTotal = Tenge.TryParse(b.Mt102MaxTotal, out var t) ? t : throw new InvalidDataException($"banks.json: {b.Bic}: bad mt102MaxTotal");
            return new Bank(b.Bic, b.Code, b.Name, format,
                string.Equals(b.CsvEncoding, "windows-1251", StringComparison.OrdinalIgnoreCase),
                string.IsNullOrEmpty(b.CsvDelimiter) ? ',' : b.CsvDelimiter[0],
                b.Mt102MaxPayments, maxTotal, string.IsNullOrWhiteSpace(b.TransitAccount) ? null : b.TransitAccount);
        }));
    }

    internal sealed record BanksFile([property: JsonPropertyName("banks")] BankEntry[] Banks);

    internal sealed record BankEntry(
        [property: JsonPropertyName("bic")] string Bic,
        [property: JsonPropertyName("code")] string Code,
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("format")] string? Format,
        [property: JsonPropertyName("csvEncoding")] string? CsvEncoding,
        [property: JsonPropertyName("csvDelimiter")] string? CsvDelimiter,
        [property: JsonPropertyName("mt102MaxPayments")] int? Mt102MaxPayments,
        [property: JsonPropertyName("mt102MaxTotal")] string? Mt102MaxTotal,
        [property: JsonPropertyName("transitAccount")] string? TransitAccount);
}
