using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using PayBatch.Core.Domain;
using PayBatch.Core.Formats;
using PayBatch.Core.Import;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Reconciliation;

/// <summary>
/// Reads ISO 20022 camt.053.001.08 statements (DOMAIN.md), after validating them against the schema
/// the program carries: a file that fails it is refused, naming the first error. The account is
/// <c>Acct/Id/IBAN</c> or an IBAN in <c>Acct/Id/Othr/Id</c>; the opening balance <c>OPBD</c> (or
/// <c>PRCD</c>), the closing <c>CLBD</c>.
/// </summary>
public static class Camt053Reader
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
    private static readonly XNamespace N = Namespace;

    public static IReadOnlyList<Statement> Read(string path, byte[] bytes, XDocument doc)
    {
        var errors = Iso20022Schema.ValidateCamt053(bytes);
        if (errors.Count > 0) throw new InputFileException(path, [CoreText.CamtSchema.With(CoreText.AtLine.With(errors[0].Line, errors[0].Message))]);
        var statements = new List<Statement>();
        var i = 0;
        foreach (var stmt in doc.Root!.Element(N + "BkToCstmrStmt")!.Elements(N + "Stmt"))
        {
            i++;
            var where = $"/Document/BkToCstmrStmt/Stmt[{i}]";
            var id = stmt.Element(N + "Id")!.Value.Trim();
            var accountId = stmt.Element(N + "Acct")!.Element(N + "Id")!;
            var account = Iban.Normalize(accountId.Element(N + "IBAN")?.Value ?? accountId.Element(N + "Othr")?.Element(N + "Id")?.Value);
            var opening = Balance(path, stmt, where, "OPBD", "PRCD");
            var closing = Balance(path, stmt, where, "CLBD");
            if (opening.Currency != closing.Currency) throw Problem(path, stmt, CoreText.CamtCurrencies.With(where, opening.Currency, closing.Currency));
            var entries = stmt.Elements(N + "Ntry").Select((e, k) => Entry(path, e, $"{where}/Ntry[{k + 1}]", opening.Currency)).ToList();
            statements.Add(new Statement(LineOf(stmt), id, account, opening.Currency, opening.Amount, opening.Date, closing.Amount, closing.Date,
                StatementEntries.WithIdentities(account, entries)));
        }
        return statements;
    }

    private static (Tenge Amount, DateOnly Date, string Currency) Balance(string path, XElement stmt, string where, params string[] codes)
    {
        var bal = stmt.Elements(N + "Bal").FirstOrDefault(b => codes.Contains(b.Element(N + "Tp")?.Element(N + "CdOrPrtry")?.Element(N + "Cd")?.Value.Trim()))
                  ?? throw Problem(path, stmt, CoreText.CamtNoBalance.With(where, string.Join("/", codes)));
        var amt = bal.Element(N + "Amt")!;
        var amount = Amount(path, amt);
        var date = Date(bal.Element(N + "Dt")) ?? throw Problem(path, bal, CoreText.CamtBalanceNoDate.With(where, codes[0]));
        return (bal.Element(N + "CdtDbtInd")!.Value.Trim() == "DBIT" ? new Tenge(-amount.Tiyn) : amount, date, amt.Attribute("Ccy")!.Value);
    }

    private static StatementEntry Entry(string path, XElement e, string where, string currency)
    {
        var amt = e.Element(N + "Amt")!;
        if (amt.Attribute("Ccy")!.Value != currency) throw Problem(path, e, CoreText.CamtEntryCurrency.With(where, amt.Attribute("Ccy")!.Value, currency));
        var amount = Amount(path, amt);
        var details = e.Elements(N + "NtryDtls").ToList();
        var txs = details.SelectMany(d => d.Elements(N + "TxDtls")).ToList();
        var references = new[] { e.Element(N + "NtryRef"), e.Element(N + "AcctSvcrRef"), e.Element(N + "AddtlNtryInf") }
            .Concat(details.SelectMany(d => d.Elements(N + "Btch")).SelectMany(b => new[] { b.Element(N + "MsgId"), b.Element(N + "PmtInfId") }))
            .Concat(txs.Select(t => t.Element(N + "Refs")).SelectMany(r => new[] { r?.Element(N + "MsgId"), r?.Element(N + "PmtInfId"), r?.Element(N + "EndToEndId") }))
            .OfType<XElement>().Select(x => x.Value.Trim()).Where(v => v.Length > 0).ToList();
        var transactions = txs.Select(t =>
        {
            var txAmount = t.Element(N + "Amt") ?? t.Element(N + "AmtDtls")?.Element(N + "TxAmt")?.Element(N + "Amt");
            Tenge? value = txAmount is not null ? Amount(path, txAmount) : txs.Count == 1 ? amount : null;
            return new EntryTransaction(LineOf(t), t.Element(N + "Refs")?.Element(N + "EndToEndId")?.Value.Trim(), value,
                t.Element(N + "RtrInf")?.Element(N + "Rsn")?.Element(N + "Cd")?.Value.Trim());
        }).ToList();
        return new StatementEntry(LineOf(e), where, e.Element(N + "Sts")?.Element(N + "Cd")?.Value.Trim() == "BOOK",
            e.Element(N + "CdtDbtInd")!.Value.Trim() == "CRDT", e.Element(N + "RvslInd") is { } rvsl && ConfirmationReader.XsBoolean(rvsl.Value) == true, // the schema allows 1 as well as true
            amount, Date(e.Element(N + "BookgDt")), Date(e.Element(N + "ValDt")),
            (e.Element(N + "AcctSvcrRef") ?? e.Element(N + "NtryRef"))?.Value.Trim(), references, transactions, "");
    }

    private static Tenge Amount(string path, XElement amt) =>
        Tenge.TryParse(amt.Value, out var t) ? t : throw Problem(path, amt, CoreText.CamtNotAnAmount.With(amt.Value));

    /// <summary>A <c>Dt</c> or the date part of a <c>DtTm</c>, as written (the bank's local date).</summary>
    private static DateOnly? Date(XElement? choice)
    {
        var text = (choice?.Element(N + "Dt") ?? choice?.Element(N + "DtTm"))?.Value.Trim();
        return text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static int LineOf(XObject x) => ((IXmlLineInfo)x).LineNumber;

    private static InputFileException Problem(string path, XObject x, Said why) => new(path, [CoreText.AtLine.With(LineOf(x), why)]);
}
