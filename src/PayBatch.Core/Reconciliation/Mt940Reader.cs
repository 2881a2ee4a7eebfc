using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PayBatch.Core.Domain;
using PayBatch.Core.Formats;
using PayBatch.Core.Import;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Reconciliation;

/// <summary>
/// Reads SWIFT MT940 statements as banks export them (DOMAIN.md): with or without the
/// <c>{1:}{2:}{4:</c> … <c>-}</c> envelope, CRLF or LF, transport framing and control bytes between
/// messages, several statements and <c>:60M:</c>/<c>:62M:</c> pages, <c>:28:</c> for <c>:28C:</c>,
/// <c>:86:</c> on many lines or repeated, <c>:NS:</c> blocks, a funds-code letter after the mark, and
/// amounts written <c>500,</c>, <c>11,8</c>, <c>000000000500,00</c> or <c>500</c>. Strict where money is
/// concerned: a balance without a currency, a date that does not exist, a <c>:61:</c> that does not
/// parse, or a statement cut off before its closing balance refuse the file, naming the line.
/// </summary>
public static partial class Mt940Reader
{
    /// <summary>Whether a text is an MT940 statement: a <c>:20:</c> and a <c>:60F:</c>/<c>:60M:</c> field at line starts.</summary>
    public static bool Recognises(string text) => StatementTag().IsMatch(text) && OpeningTag().IsMatch(text);

    /// <summary>UTF-8 when the bytes are valid UTF-8, else Windows-1251 (1C exports).</summary>
    public static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encodings.Windows1251.GetString(bytes);
        }
    }

    public static IReadOnlyList<Statement> Read(string path, string text)
    {
        var fields = Fields(text);
        var statements = new List<Statement>();
        Draft? draft = null;
        var numbering = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal); // identical entries, by account and statement number
        foreach (var f in fields)
        {
            if (f.Tag == "20")
            {
                if (draft is not null) throw Problem(path, draft.Line, CoreText.Mt940NoClosingBeforeNext.With(draft.Id));
                draft = new Draft(f.Line, f.Value.Trim());
                continue;
            }
            if (draft is null) continue; // a statement-level field after :62F: (:64:, :65:, :86:) belongs to no entry
            switch (f.Tag)
            {
                case "25":
                    draft.Account = Account(f.Value);
                    break;
                case "28" or "28C":
                    draft.Number = f.Value.Trim();
                    break;
                case "60F" or "60M":
                    draft.Opening = Balance(path, f);
                    draft.Continuation = f.Tag == "60M";
                    break;
                case "61":
                    if (draft.Opening is null) throw Problem(path, f.Line, CoreText.Mt940EntryBeforeOpening.With());
                    draft.Entries.Add(Entry(path, f));
                    break;
                case "86" or "NS":
                    if (draft.Entries.Count > 0) draft.Entries[^1].Text.Add(f.Value);
                    break;
                case "62F" or "62M":
                    statements.Add(draft.Close(path, Balance(path, f), numbering));
                    draft = null;
                    break;
                default:
                    break; // :21:, :64:, :65: and bank-specific fields say nothing about the money moved
            }
        }
        if (draft is not null) throw Problem(path, draft.Line, CoreText.Mt940EndsInsideStatement.With(draft.Id));
        if (statements.Count == 0) throw Problem(path, 1, CoreText.Mt940NoStatement.With());
        return statements;
    }

    private sealed record Field(string Tag, string Value, int Line);

    /// <summary>
    /// The fields in file order. A line starting <c>:tag:</c> opens a field; other lines continue it
    /// (<c>:86:</c>, the second line of <c>:61:</c>), except framing: envelope blocks, <c>-}</c>, <c>-XXX</c>,
    /// and whatever stands outside a statement. Control bytes are dropped.
    /// </summary>
    private static List<Field> Fields(string text)
    {
        var fields = new List<Field>();
        string? tag = null;
        var value = new StringBuilder();
        var start = 0;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = string.Concat(lines[i].Where(c => !char.IsControl(c)));
            var envelope = line.LastIndexOf("{4:", StringComparison.Ordinal);
            if (envelope >= 0) line = line[(envelope + 3)..];
            else if (line.StartsWith('{')) line = "";
            if (Framing().IsMatch(line)) line = "";
            var m = TagLine().Match(line);
            if (m.Success)
            {
                Flush();
                tag = m.Groups[1].Value;
                value.Clear().Append(line[m.Length..]);
                start = i + 1;
            }
            else if (tag is "86" or "NS" or "61" && line.Length > 0)
            {
                value.Append('\n').Append(line);
            }
        }
        Flush();
        return fields;

        void Flush()
        {
            if (tag is not null) fields.Add(new Field(tag, value.ToString(), start));
            tag = null;
        }
    }

    private sealed class Draft(int line, string id)
    {
        public int Line { get; } = line;
        public string Id { get; } = id;
        public string? Account { get; set; }
        public string? Number { get; set; }
        public (Tenge Amount, DateOnly Date, string Currency)? Opening { get; set; }
        public bool Continuation { get; set; }
        public List<EntryDraft> Entries { get; } = [];

        /// <summary>
        /// The statement, its identical entries numbered on from its earlier pages in the file (a <c>:60M:</c> page of the same
        /// account and statement number, the <c>:28C:</c> before its page); a <c>:60F:</c> statement numbers its own from one.
        /// </summary>
        public Statement Close(string path, (Tenge Amount, DateOnly Date, string Currency) closing, Dictionary<string, Dictionary<string, int>> numbering)
        {
            if (Account is null) throw Problem(path, Line, CoreText.Mt940NoAccount.With(Id));
            if (Opening is not { } opening) throw Problem(path, Line, CoreText.Mt940NoOpening.With(Id));
            if (opening.Currency != closing.Currency) throw Problem(path, Line, CoreText.Mt940Currencies.With(Id, opening.Currency, closing.Currency));
            var id = Number is null ? Id : $"{Id} {Number}";
            var entries = Entries.Select(e => e.ToEntry()).ToList();
            var statement = $"{Account}|{(Number is null ? Id : Number.Split('/')[0].Trim())}";
            if (!Continuation || !numbering.TryGetValue(statement, out var seen)) numbering[statement] = seen = new Dictionary<string, int>(StringComparer.Ordinal);
            return new Statement(Line, id, Account, opening.Currency, opening.Amount, opening.Date, closing.Amount, closing.Date,
                StatementEntries.WithIdentities(Account, entries, seen));
        }
    }

    private sealed record EntryDraft(int Line, DateOnly ValueDate, DateOnly BookedOn, bool Credit, bool Reversal, Tenge Amount, string OwnerReference, string? BankReference)
    {
        public List<string> Text { get; } = [];

        public StatementEntry ToEntry()
        {
            var text = string.Join(" ", Text.Select(t => t.Replace("\n", "", StringComparison.Ordinal).Trim()));
            var reason = ReturnReason().Match(text) is { Success: true } m ? m.Groups[1].Value : null;
            var owner = OwnerReference is "" or "NONREF" ? null : OwnerReference;
            string[] references = [.. new[] { owner, BankReference, text }.OfType<string>().Where(s => s.Length > 0)];
            return new StatementEntry(Line, $"line {Line}", true, Credit, Reversal, Amount, BookedOn, ValueDate, BankReference, references,
                [new EntryTransaction(Line, owner, Amount, reason)], "");
        }
    }

    /// <summary>The IBAN of <c>:25:</c>, without a trailing currency (<c>…3456KZT</c>, <c>…3456/KZT</c>) or a bank code before a slash.</summary>
    private static string Account(string value)
    {
        var raw = Iban.Normalize(value.Replace("\n", "", StringComparison.Ordinal));
        foreach (var part in raw.Split('/'))
        {
            if (Iban.TryParse(part, out var iban)) return iban.Value;
            if (part.Length > 3 && part[^3..].All(char.IsAsciiLetterUpper) && Iban.TryParse(part[..^3], out iban)) return iban.Value;
        }
        return raw;
    }

    /// <summary><c>C|D YYMMDD CCY amount</c>: every part required.</summary>
    private static (Tenge Amount, DateOnly Date, string Currency) Balance(string path, Field f)
    {
        var v = f.Value.Trim();
        var m = BalanceField().Match(v);
        if (!m.Success)
        {
            var noCurrency = BalanceWithoutCurrency().IsMatch(v);
            throw Problem(path, f.Line, (noCurrency ? CoreText.Mt940BalanceNoCurrency : CoreText.Mt940NotABalance).With(f.Tag, v));
        }
        var date = Date(path, f.Line, m.Groups[2].Value);
        var amount = Amount(path, f.Line, m.Groups[4].Value);
        return (m.Groups[1].Value == "D" ? new Tenge(-amount.Tiyn) : amount, date, m.Groups[3].Value);
    }

    /// <summary><c>:61:</c> value date, [entry date], mark, [funds code], amount, type, owner's reference[//bank reference].</summary>
    private static EntryDraft Entry(string path, Field f)
    {
        var first = f.Value.Split('\n')[0].Trim();
        if (first.Length < 6 || !first[..6].All(char.IsAsciiDigit)) throw Problem(path, f.Line, CoreText.Mt940EntryNoValueDate.With(first));
        var valueDate = Date(path, f.Line, first[..6]);
        var p = 6;
        var bookedOn = valueDate;
        if (first.Length >= p + 4 && first.Substring(p, 4).All(char.IsAsciiDigit))
        {
            bookedOn = EntryDate(path, f.Line, valueDate, first.Substring(p, 4));
            p += 4;
        }
        var mark = first[p..] switch
        {
            var s when s.StartsWith("RC", StringComparison.Ordinal) => "RC",
            var s when s.StartsWith("RD", StringComparison.Ordinal) => "RD",
            var s when s.StartsWith('C') => "C",
            var s when s.StartsWith('D') => "D",
            _ => throw Problem(path, f.Line, CoreText.Mt940EntryNoMark.With(first)),
        };
        p += mark.Length;
        if (p < first.Length && char.IsAsciiLetterUpper(first[p])) p++; // funds code: the currency's third letter
        var amountStart = p;
        while (p < first.Length && (char.IsAsciiDigit(first[p]) || first[p] is ',' or '.')) p++;
        if (p == amountStart) throw Problem(path, f.Line, CoreText.Mt940EntryNoAmount.With(first, mark));
        var amount = Amount(path, f.Line, first[amountStart..p]);
        // The type: N, F or S and three characters, which some banks leave blank (Sberbank Hungary writes "S   ").
        if (p + 4 > first.Length || first[p] is not ('N' or 'F' or 'S') || !first.Substring(p + 1, 3).All(c => char.IsAsciiLetterOrDigit(c) || c == ' '))
            throw Problem(path, f.Line, CoreText.Mt940EntryNoType.With(first));
        p += 4;
        var rest = first[p..];
        var split = rest.IndexOf("//", StringComparison.Ordinal);
        var owner = (split < 0 ? rest : rest[..split]).Trim();
        var bank = split < 0 ? null : rest[(split + 2)..].Trim() is { Length: > 0 } b ? b : null;
        var credit = mark is "C" or "RD";
        return new EntryDraft(f.Line, valueDate, bookedOn, credit, mark.StartsWith('R'), amount, owner, bank);
    }

    private static DateOnly Date(string path, int line, string yymmdd) =>
        DateOnly.TryParseExact("20" + yymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw Problem(path, line, CoreText.Mt940NoSuchDate.With(yymmdd));

    /// <summary>The entry date MMDD in the year that puts it nearest the value date (a booking on 31 December for a 2 January value).</summary>
    private static DateOnly EntryDate(string path, int line, DateOnly valueDate, string mmdd)
    {
        var month = int.Parse(mmdd[..2], CultureInfo.InvariantCulture);
        var year = month - valueDate.Month > 6 ? valueDate.Year - 1 : valueDate.Month - month > 6 ? valueDate.Year + 1 : valueDate.Year;
        return DateOnly.TryParseExact(year.ToString("0000", CultureInfo.InvariantCulture) + mmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw Problem(path, line, CoreText.Mt940NoSuchEntryDate.With(mmdd));
    }

    /// <summary><c>500,</c> <c>11,8</c> <c>000000000500,00</c> <c>500</c>; more than two decimals is not tenge.</summary>
    private static Tenge Amount(string path, int line, string text) =>
        AmountText().IsMatch(text) && Tenge.TryParse(text.TrimEnd(',', '.'), out var t)
            ? t : throw Problem(path, line, CoreText.Mt940NotAnAmount.With(text));

    private static InputFileException Problem(string path, int line, Said why) => new(path, [CoreText.AtLine.With(line, why)]);

    [GeneratedRegex(@"^:(\d{2}[A-Z]?|NS):")]
    private static partial Regex TagLine();

    [GeneratedRegex(@"^-[}A-Z0-9]*\}?\s*$")]
    private static partial Regex Framing();

    [GeneratedRegex(@"^([CD])(\d{6})([A-Z]{3})(\d[\d,.]*)$")]
    private static partial Regex BalanceField();

    [GeneratedRegex(@"^[CD]\d{6}\d[\d,.]*$")]
    private static partial Regex BalanceWithoutCurrency();

    [GeneratedRegex(@"^\d+([,.]\d{0,2})?$")]
    private static partial Regex AmountText();

    [GeneratedRegex(@"/RTRN/\s*([A-Z0-9]{4})")]
    private static partial Regex ReturnReason();

    [GeneratedRegex(@"(^|\n|\{4:)[\s\x00-\x1F]*:20:")]
    private static partial Regex StatementTag();

    [GeneratedRegex(@"(^|\n)[\s\x00-\x1F]*:60[FM]:")]
    private static partial Regex OpeningTag();
}
