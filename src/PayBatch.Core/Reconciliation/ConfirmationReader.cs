using System.Globalization;
using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using PayBatch.Core.Domain;
using PayBatch.Core.Import;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Reconciliation;

/// <summary>
/// Reads bank confirmations and account statements, recognised by content (not by name): the CSV of
/// SPEC, ISO 20022 pain.002.001.10, camt.054.001.08 and camt.053.001.08, and MT940. XML is read with
/// DTD processing prohibited and no resolver, so an external entity is never fetched. Anything else
/// is refused as a whole.
/// </summary>
public static class ConfirmationReader
{
    public const string Pain002 = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.10";
    public const string Camt054 = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.08";
    private static readonly string[] CsvColumns = ["reference", "iban", "amount", "status", "credited_on", "reason"];

    public static ConfirmationFile Read(string path) => Read(path, null);

    /// <param name="quarterSeen">Told each quarter a CSV file's references name, as it first comes, while the file is read.</param>
    public static ConfirmationFile Read(string path, Action<string>? quarterSeen)
    {
        if (!File.Exists(path)) throw new InputException(CoreText.FileNotFound, path);
        using var stream = Resilience.OpenRead(path);
        if (!StartsWithAngleBracket(stream)) return LooksLikeMt940(stream) ? ReadMt940(path, stream) : ReadCsv(path, quarterSeen);
        stream.Position = 0;
        var sha = Convert.ToHexStringLower(SHA256.HashData(stream));
        stream.Position = 0;
        return ReadXml(path, stream, sha);
    }

    /// <summary>Whether <see cref="Read(string)"/> reads the file as the CSV of SPEC (neither XML nor MT940); false for a file that is not there.</summary>
    public static bool IsCsv(string path)
    {
        if (!File.Exists(path)) return false;
        using var stream = Resilience.OpenRead(path);
        return !StartsWithAngleBracket(stream) && !LooksLikeMt940(stream);
    }

    /// <summary>MT940 or not, from the first 8 KB: statement fields where a CSV has its header.</summary>
    private static bool LooksLikeMt940(Stream stream)
    {
        stream.Position = 0;
        var head = new byte[8192];
        var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return Mt940Reader.Recognises(System.Text.Encoding.Latin1.GetString(head, 0, n));
    }

    private static ConfirmationFile ReadMt940(string path, Stream stream)
    {
        var bytes = ReadAll(stream);
        var statements = Mt940Reader.Read(path, Mt940Reader.Decode(bytes));
        return new ConfirmationFile(path, "mt940", Convert.ToHexStringLower(SHA256.HashData(bytes)), [.. StatementMatching.Returns(path, statements)], statements);
    }

    private static byte[] ReadAll(Stream stream)
    {
        stream.Position = 0;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>XML or not, from the first byte after a BOM and white space ('&lt;' is the same byte in UTF-8 and Windows-1251).</summary>
    private static bool StartsWithAngleBracket(Stream stream)
    {
        int b;
        while ((b = stream.ReadByte()) is 0xEF or 0xBB or 0xBF or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
        }
        return b == '<';
    }

    public static XmlReaderSettings SafeXml => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
    };

    private static ConfirmationFile ReadXml(string path, Stream stream, string sha)
    {
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(stream, SafeXml);
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new InputFileException(path, [CoreText.XmlUnreadable.With(e.LineNumber, e.LinePosition,
                e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) ? CoreText.XmlDtd : CoreText.XmlMalformed)]);
        }
        var ns = doc.Root?.Name.Namespace.NamespaceName ?? "";
        switch (ns)
        {
            case Pain002: return new ConfirmationFile(path, "pain.002", sha, ReadPain002(path, doc));
            case Camt054: return new ConfirmationFile(path, "camt.054", sha, ReadCamt054(path, doc));
            case Camt053Reader.Namespace:
                var statements = Camt053Reader.Read(path, ReadAll(stream), doc);
                return new ConfirmationFile(path, "camt.053", sha, [.. StatementMatching.Returns(path, statements)], statements);
        }
        var camt = ns.StartsWith(CamtPrefix, StringComparison.Ordinal) ? ns[(CamtPrefix.Length - 5)..] : null;
        throw new InputFileException(path, [camt is not null ? CoreText.XmlCamtVersion.With(camt) : CoreText.XmlUnknown.With(ns)]);
    }

    private const string CamtPrefix = "urn:iso:std:iso:20022:tech:xsd:camt.";

    private static int LineOf(XObject x) => ((IXmlLineInfo)x).LineNumber;

    private static List<Confirmation> ReadPain002(string path, XDocument doc)
    {
        XNamespace n = Pain002;
        var created = DateOfDateTime(path, doc.Root!.Element(n + "CstmrPmtStsRpt")?.Element(n + "GrpHdr")?.Element(n + "CreDtTm"));
        var lines = new List<Confirmation>();
        foreach (var tx in doc.Descendants(n + "TxInfAndSts"))
        {
            var reference = tx.Element(n + "OrgnlEndToEndId")?.Value.Trim() ?? "";
            var status = tx.Element(n + "TxSts")?.Value.Trim();
            switch (status)
            {
                case "ACSC" or "ACCC":
                    var on = DateOfDateTime(path, tx.Element(n + "AccptncDtTm")) ?? created;
                    if (on is null) throw new InputFileException(path, [CoreText.CreditedWithoutDate.With(LineOf(tx))]);
                    lines.Add(new Confirmation(path, LineOf(tx), reference, ConfirmationStatus.Credited, on, null, null, null));
                    break;
                case "RJCT":
                    var reason = tx.Elements(n + "StsRsnInf").Select(s => s.Element(n + "Rsn")?.Element(n + "Cd")?.Value.Trim()).FirstOrDefault(c => c is not null);
                    lines.Add(new Confirmation(path, LineOf(tx), reference, ConfirmationStatus.Rejected, null, null, null, reason));
                    break;
                default:
                    break; // pending and accepted-in-process statuses say nothing final
            }
        }
        return lines;
    }

    private static List<Confirmation> ReadCamt054(string path, XDocument doc)
    {
        XNamespace n = Camt054;
        var lines = new List<Confirmation>();
        foreach (var entry in doc.Descendants(n + "Ntry"))
        {
            if (entry.Element(n + "Sts")?.Element(n + "Cd")?.Value.Trim() != "BOOK") continue;
            var booked = entry.Element(n + "BookgDt") is { } b
                ? (b.Element(n + "Dt") is { } dt ? DateOfDateTime(path, dt) : DateOfDateTime(path, b.Element(n + "DtTm")))
                : null;
            // xs:boolean: "1" is true as much as "true" is (a reversal read as a credit would credit a rejected payment).
            var reversal = entry.Element(n + "RvslInd") is { } rvsl && (XsBoolean(rvsl.Value) ?? throw Bad(path, rvsl, CoreText.XmlNotABoolean));
            var credit = entry.Element(n + "CdtDbtInd")?.Value.Trim() == "CRDT";
            var details = entry.Elements(n + "NtryDtls").SelectMany(d => d.Elements(n + "TxDtls")).ToList();
            foreach (var tx in details)
            {
                var reference = tx.Element(n + "Refs")?.Element(n + "EndToEndId")?.Value.Trim();
                if (!PaymentReference.TryParse(reference, out _)) continue; // not one of ours
                var amount = AmountOf(path, tx.Element(n + "Amt") ?? tx.Element(n + "AmtDtls")?.Element(n + "TxAmt")?.Element(n + "Amt")
                                            ?? (details.Count == 1 ? entry.Element(n + "Amt") : null));
                var iban = tx.Element(n + "RltdPties")?.Element(n + "CdtrAcct")?.Element(n + "Id")?.Element(n + "IBAN")?.Value;
                var reason = tx.Element(n + "RtrInf")?.Element(n + "Rsn")?.Element(n + "Cd")?.Value.Trim();
                if (credit && tx.Element(n + "RtrInf") is not null)
                {
                    // The money came back to the department's account: RtrInf makes it a return, reversal or not.
                    lines.Add(new Confirmation(path, LineOf(tx), reference!, ConfirmationStatus.Returned, null, amount, null, reason));
                }
                else if (reversal)
                {
                    lines.Add(new Confirmation(path, LineOf(tx), reference!, ConfirmationStatus.Rejected, null, amount, iban is null ? null : Iban.Normalize(iban), reason));
                }
                else
                {
                    if (booked is null) throw new InputFileException(path, [CoreText.BookedWithoutDate.With(LineOf(entry))]);
                    lines.Add(new Confirmation(path, LineOf(tx), reference!, ConfirmationStatus.Credited, booked, amount, iban is null ? null : Iban.Normalize(iban), null));
                }
            }
        }
        return lines;
    }

    /// <summary>
    /// The date of an ISO date or date-time element as written (the bank's local date, not converted to
    /// another zone); null when the element is absent or empty. A date that does not exist is bad input.
    /// </summary>
    private static DateOnly? DateOfDateTime(string path, XElement? element)
    {
        if (element is null || string.IsNullOrWhiteSpace(element.Value)) return null;
        var t = element.Value.Trim();
        return t.Length >= 10 && DateOnly.TryParseExact(t[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw Bad(path, element, CoreText.XmlNotADate);
    }

    /// <summary>
    /// The amount of an element, null when absent; an unreadable or impossible amount, or one in another currency than
    /// its <c>Ccy</c> says is KZT, is bad input.
    /// </summary>
    private static Tenge? AmountOf(string path, XElement? element) =>
        element is null ? null
        : element.Attribute("Ccy")?.Value.Trim() is { } ccy && !string.Equals(ccy, StatementMatching.Currency, StringComparison.OrdinalIgnoreCase)
            ? throw Bad(path, element, CoreText.XmlNotKzt)
        : Tenge.TryParse(element.Value, out var t) ? t
        : throw Bad(path, element, CoreText.XmlNotAnAmount);

    /// <summary>An xs:boolean as written (<c>true</c>, <c>false</c>, <c>1</c>, <c>0</c>; spaces around and any case read), null for anything else.</summary>
    internal static bool? XsBoolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    private static InputFileException Bad(string path, XElement element, Message what)
    {
        var value = element.Value.Trim();
        return new InputFileException(path, [CoreText.XmlValue.With(LineOf(element), XmlPath(element), value.Length > 40 ? value[..40] + "…" : value, what)]);
    }

    /// <summary>Where an element is, by local names from the root: /Document/…/BookgDt/Dt.</summary>
    private static string XmlPath(XElement element) =>
        "/" + string.Join('/', element.AncestorsAndSelf().Reverse().Select(e => e.Name.LocalName));

    /// <summary>
    /// Checks every line first, keeping only their count and quarters; the lines are read again as they
    /// are matched, from a file whose hash must not have changed meanwhile.
    /// </summary>
    private static ConfirmationFile ReadCsv(string path, Action<string>? quarterSeen)
    {
        using var csv = CsvInput.Open(path, CsvColumns);
        var (count, quarters) = (0, new HashSet<string>(StringComparer.Ordinal));
        foreach (var line in CsvLines(csv))
        {
            count++;
            if (Confirmation.QuarterOf(line.Reference) is { } q && quarters.Add(q)) quarterSeen?.Invoke(q);
        }
        if (csv.Problems.Count > 0) throw new InputFileException(path, csv.Problems);
        var sha = csv.Sha256;
        return new ConfirmationFile(path, "csv", sha, count, quarters, () => ReadCsvAgain(path, sha));
    }

    private static IEnumerable<Confirmation> ReadCsvAgain(string path, string sha)
    {
        using var csv = CsvInput.Open(path, CsvColumns);
        if (csv.Sha256 != sha) throw new InputFileException(path, [CoreText.ConfirmationFileChanged.With()]);
        foreach (var line in CsvLines(csv)) yield return line;
        if (csv.Problems.Count > 0) throw new InputFileException(path, csv.Problems);
    }

    /// <summary>The well-formed lines; the others are the reader's problems.</summary>
    private static IEnumerable<Confirmation> CsvLines(CsvInput csv)
    {
        while (!csv.Full && csv.Read())
        {
            var before = csv.Problems.Count;
            var reference = csv.RequiredText("reference");
            if (!Codes.TryParse(csv.Text("status"), out ConfirmationStatus status)) csv.Problem("status", CoreText.ConfirmationStatusInvalid);
            var creditedOn = csv.OptionalDate("credited_on");
            if (status == ConfirmationStatus.Credited && creditedOn is null && csv.Problems.Count == before) csv.Problem("credited_on", CoreText.CreditedOnRequired);
            Tenge? amount = null;
            var amountText = csv.Text("amount");
            if (amountText.Length > 0)
            {
                if (Tenge.TryParse(amountText, out var a)) amount = a;
                else csv.Problem("amount", CoreText.AmountInvalid);
            }
            var iban = csv.OptionalText("iban");
            if (csv.Problems.Count == before)
                yield return new Confirmation(csv.Path, csv.Line, reference, status, status == ConfirmationStatus.Credited ? creditedOn : null, amount,
                    iban is null ? null : Iban.Normalize(iban), csv.OptionalText("reason"));
        }
    }
}
