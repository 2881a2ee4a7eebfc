using System.Globalization;
using System.Text;
using System.Xml;
using PayBatch.Core.Batches;
using PayBatch.Core.Domain;

namespace PayBatch.Core.Formats;

/// <summary>
/// ISO 20022 pain.001.001.09 (customer credit transfer initiation), one payment information block
/// per file: the department pays each applicant. EndToEndId is the payment reference; the KNP goes
/// in Purp/Prtry; NbOfTxs and CtrlSum carry the count and control sum. Written straight to its stream (a bank's
/// file of a million payments is about a gigabyte of XML), then checked against the XSD as written (<see cref="Check"/>).
/// </summary>
public static class Pain001File
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    /// <summary>Writes the file to <paramref name="output"/> as it is made; not yet checked against the XSD.</summary>
    public static void Write(Batch batch, string bic, IReadOnlyList<Payment> payments, Stream output)
    {
        var dept = batch.Terms.RequirePayer(BankFileFormat.Pain001);
        var count = payments.Count.ToString(CultureInfo.InvariantCulture);
        var total = payments.Sum(p => p.Amount).ToString();
        var msgId = $"{batch.Quarter}-{batch.NumberText}-{bic}";
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using (var w = XmlWriter.Create(output, settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("Document", Namespace);
            w.WriteStartElement("CstmrCdtTrfInitn");

            w.WriteStartElement("GrpHdr");
            w.WriteElementString("MsgId", msgId);
            // The value date at the start of the Almaty day: a fixed function of the batch, so re-created files match.
            w.WriteElementString("CreDtTm", batch.ValueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+05:00");
            w.WriteElementString("NbOfTxs", count);
            w.WriteElementString("CtrlSum", total);
            w.WriteStartElement("InitgPty");
            w.WriteElementString("Nm", Max(dept.Name!, 140));
            OrgId(w, dept.Bin!);
            w.WriteEndElement();
            w.WriteEndElement();

            w.WriteStartElement("PmtInf");
            w.WriteElementString("PmtInfId", msgId);
            w.WriteElementString("PmtMtd", "TRF");
            w.WriteElementString("BtchBookg", "false");
            w.WriteElementString("NbOfTxs", count);
            w.WriteElementString("CtrlSum", total);
            w.WriteStartElement("ReqdExctnDt");
            w.WriteElementString("Dt", batch.ValueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteEndElement();
            w.WriteStartElement("Dbtr");
            w.WriteElementString("Nm", Max(dept.Name!, 140));
            OrgId(w, dept.Bin!);
            w.WriteEndElement();
            Account(w, "DbtrAcct", dept.Iban!);
            Agent(w, "DbtrAgt", dept.Bic!);

            foreach (var p in payments)
            {
                w.WriteStartElement("CdtTrfTxInf");
                w.WriteStartElement("PmtId");
                w.WriteElementString("EndToEndId", p.Reference.ToString());
                w.WriteEndElement();
                w.WriteStartElement("Amt");
                w.WriteStartElement("InstdAmt");
                w.WriteAttributeString("Ccy", "KZT");
                w.WriteString(p.Amount.ToString());
                w.WriteEndElement();
                w.WriteEndElement();
                Agent(w, "CdtrAgt", p.Bic.Value);
                w.WriteStartElement("Cdtr");
                w.WriteElementString("Nm", Max(p.ApplicantName, 140));
                w.WriteStartElement("Id");
                w.WriteStartElement("PrvtId");
                w.WriteStartElement("Othr");
                w.WriteElementString("Id", p.ApplicantIin.Value);
                w.WriteStartElement("SchmeNm");
                w.WriteElementString("Prtry", "IIN");
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndElement();
                Account(w, "CdtrAcct", p.Iban.Value);
                w.WriteStartElement("Purp");
                w.WriteElementString("Prtry", batch.Terms.Knp!);
                w.WriteEndElement();
                w.WriteStartElement("RmtInf");
                w.WriteElementString("Ustrd", Max(batch.Terms.PurposeRu, 140));
                w.WriteEndElement();
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }
        output.WriteByte((byte)'\n');
    }

    /// <summary>
    /// Reads a written file from its start and throws when it is not valid against the XSD: a file the bank would refuse
    /// must never leave the program.
    /// </summary>
    public static void Check(string bic, Stream written)
    {
        var errors = Iso20022Schema.ValidatePain001(written);
        if (errors.Count > 0) throw new InvalidOperationException($"pain.001 for {bic} is not valid against the XSD: {string.Join("; ", errors.Take(3))}");
    }

    private static void OrgId(XmlWriter w, string bin)
    {
        w.WriteStartElement("Id");
        w.WriteStartElement("OrgId");
        w.WriteStartElement("Othr");
        w.WriteElementString("Id", bin);
        w.WriteStartElement("SchmeNm");
        w.WriteElementString("Prtry", "BIN");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void Account(XmlWriter w, string element, string iban)
    {
        w.WriteStartElement(element);
        w.WriteStartElement("Id");
        w.WriteElementString("IBAN", iban);
        w.WriteEndElement();
        w.WriteElementString("Ccy", "KZT");
        w.WriteEndElement();
    }

    private static void Agent(XmlWriter w, string element, string bic)
    {
        w.WriteStartElement(element);
        w.WriteStartElement("FinInstnId");
        w.WriteElementString("BICFI", bic);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static string Max(string s, int n) => s.Length <= n ? s : s[..n];
}
