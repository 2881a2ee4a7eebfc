using PayBatch.Core.Localization;

namespace PayBatch.Core.Import;

/// <summary>
/// What any field of an input CSV may hold, by column name: a length that fits its data and the
/// formats that carry it, no control characters, and — for names and identifiers, which bank files
/// carry exactly — no formula character at the start. README lists the limits.
/// </summary>
public static class FieldRules
{
    /// <summary>Columns not listed here (dates, codes, unknown columns) take this limit.</summary>
    public const int DefaultLimit = 100;

    private static readonly Dictionary<string, int> Limits = new(StringComparer.OrdinalIgnoreCase)
    {
        // pain.001 Nm is Max140Text; MT102 cuts names to its own field width when it writes them.
        ["applicant_name"] = 140, ["child_name"] = 140,
        ["case_id"] = 50, ["guardianship_ref"] = 50, ["decision_no"] = 50, ["disability_cert_no"] = 50, ["certificate_no"] = 50,
        // An IIN is 12 digits and a BIC 11 characters; a wrong one is imported and excluded by run, a far longer one is no identifier.
        ["applicant_iin"] = 20, ["child_iin"] = 20, ["bank_bic"] = 20,
        // ISO 13616 caps an IBAN at 34 characters, written with spaces in groups of four.
        ["iban"] = 42,
        ["reference"] = 50, ["reason"] = 50,
        ["district"] = 100, ["school"] = 200,
    };

    /// <summary>Names and identifiers: they reach bank files, which carry data exactly, so a formula is refused rather than altered.</summary>
    private static readonly HashSet<string> Exact = new(StringComparer.OrdinalIgnoreCase)
    {
        "case_id", "applicant_iin", "applicant_name", "guardianship_ref", "child_iin", "child_name",
        "decision_no", "disability_cert_no", "bank_bic", "iban", "certificate_no",
    };

    public static int Limit(string column) => Limits.GetValueOrDefault(column, DefaultLimit);

    /// <summary>A column's rules: its length limit, and whether it must not start like a formula.</summary>
    public sealed record Rule(int Limit, bool Exact);

    public static Rule For(string column) => new(Limit(column), Exact.Contains(column));

    /// <summary>What is wrong with a field as read (before trimming), or null.</summary>
    public static Said? Check(Rule rule, string raw)
    {
        if (raw.Length > rule.Limit) return CoreText.TooLong.With(rule.Limit, raw.Length);
        var control = Domain.Unprintable.IndexIn(raw);
        if (control >= 0) return CoreText.ControlCharacter.With(((int)raw[control]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture), control + 1);
        var text = raw.TrimStart();
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' && rule.Exact)
            return CoreText.FormulaStart.With(text[0]);
        return null;
    }
}
