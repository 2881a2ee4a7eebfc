using System.Globalization;
using System.Text;
using PayBatch.Core.Batches;
using PayBatch.Core.Domain;

namespace PayBatch.Core.Formats;

/// <summary>One recipient of an MT102 message, as written and as read back.</summary>
public sealed record Mt102Payment(int N, Tenge Amount, string Surname, string Name, string Patronymic, DateOnly BirthDate, string Iin, string Iban);

/// <summary>One MT102 message: a header, its payments and the total in <c>:32A:</c>.</summary>
public sealed record Mt102Message(
    string Reference, string PayerIban, string PayerName, string PayerBin, string PayerBic, string BeneficiaryBic,
    string Account, string DocumentNumber, string Knp, string Purpose, DateOnly ValueDate, Tenge Total,
    IReadOnlyList<Mt102Payment> Payments);

/// <summary>
/// The Kazakhstan client bulk payment MT102 (DOMAIN.md). One message per payer account and bank,
/// split where the bank directory caps a message (payments or amount). <c>:59:</c> carries the
/// beneficiary bank's transit account when the directory has one; without it, each message carries
/// one payment and <c>:59:</c> is that recipient's own account, so no money is routed by guess.
/// Lines end in CRLF; banks on a legacy code page get Windows-1251 with Kazakh letters transliterated.
/// Written to its stream about 16 K characters at a time: a bank's file of a million payments is never one string.
/// </summary>
public static class Mt102File
{
    private const string Crlf = "\r\n";

    public static void Write(Batch batch, string bic, IReadOnlyList<Payment> payments, BankFileTerms terms, Stream output)
    {
        const int CharsAtOnce = 1 << 14; // a piece's string and bytes stay off the large object heap (85,000 bytes)
        var dept = batch.Terms.RequirePayer(BankFileFormat.Mt102);
        var sb = new StringBuilder();
        var messageNo = 0;
        foreach (var chunk in Split(payments, terms))
        {
            messageNo++;
            var total = chunk.Sum(p => p.Amount);
            var yymmdd = batch.ValueDate.ToString("yyMMdd", CultureInfo.InvariantCulture);
            var lt = (dept.Bic!.Length == 8 ? dept.Bic + "AXXX" : dept.Bic.Insert(8, "A"))[..12];
            sb.Append("{1:F01").Append(lt).Append(messageNo.ToString("000000", CultureInfo.InvariantCulture)).Append('}').Append(Crlf);
            sb.Append("{2:I102SGROSS000000U3003}").Append(Crlf);
            sb.Append("{4:").Append(Crlf);
            sb.Append(":20:").Append(MessageReference(batch, messageNo)).Append(Crlf);
            sb.Append(":50:/D/").Append(dept.Iban).Append(Crlf);
            sb.Append("/NAME/").Append(Max(dept.Name!, 60)).Append(Crlf);
            sb.Append("/IDN/").Append(dept.Bin).Append(Crlf);
            sb.Append("/CHIEF/").Append(dept.Chief ?? "").Append(Crlf);
            sb.Append("/MAINBK/").Append(dept.ChiefAccountant ?? "").Append(Crlf);
            sb.Append("/IRS/1").Append(Crlf);
            sb.Append("/SECO/2").Append(Crlf);
            sb.Append(":52B:").Append(dept.Bic).Append(Crlf);
            sb.Append(":57B:").Append(bic).Append(Crlf);
            sb.Append(":59:").Append(terms.TransitAccount ?? chunk[0].Iban.Value).Append(Crlf);
            sb.Append(":70:/NUM/").Append(DocumentNumber(batch, messageNo)).Append(Crlf);
            sb.Append("/DATE/").Append(yymmdd).Append(Crlf);
            sb.Append("/SEND/").Append(batch.Terms.Send).Append(Crlf);
            sb.Append("/VO/01").Append(Crlf);
            sb.Append("/KNP/").Append(batch.Terms.Knp).Append(Crlf);
            sb.Append("/PSO/").Append(batch.Terms.Pso).Append(Crlf);
            sb.Append("/PRT/").Append(batch.Terms.Prt).Append(Crlf);
            sb.Append("/ASSIGN/").Append(batch.Terms.PurposeRu).Append(Crlf);
            var n = 0;
            foreach (var p in chunk)
            {
                var (surname, name, patronymic) = SplitName(p.ApplicantName);
                var birth = p.ApplicantIin.BirthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                sb.Append(":21:").Append((++n).ToString(CultureInfo.InvariantCulture)).Append(Crlf);
                sb.Append(":32B:KZT").Append(p.Amount.ToCommaString()).Append(Crlf);
                sb.Append(":70:/FM/").Append(surname).Append(Crlf);
                sb.Append("/NM/").Append(name).Append(Crlf);
                sb.Append("/FT/").Append(patronymic).Append(Crlf);
                sb.Append("/DT/").Append(birth).Append(Crlf);
                sb.Append("/IDN/").Append(p.ApplicantIin.Value).Append(Crlf);
                sb.Append("/LA/").Append(p.Iban.Value).Append(Crlf);
                if (sb.Length >= CharsAtOnce) Flush();
            }
            sb.Append(":32A:").Append(yymmdd).Append("KZT").Append(total.ToCommaString()).Append(Crlf);
            sb.Append("-}").Append(Crlf);
        }
        Flush();

        // Each piece ends a line, and both encodings take a character at a time: the pieces' bytes are the whole text's.
        void Flush()
        {
            var text = sb.ToString();
            output.Write(terms.Windows1251 ? Transliteration.ToWindows1251(text) : Encoding.UTF8.GetBytes(text));
            sb.Clear();
        }
    }

    private static string MessageReference(Batch batch, int messageNo) =>
        string.Create(CultureInfo.InvariantCulture, $"{batch.Quarter}-{batch.NumberText}-M{messageNo:000}");

    private static string DocumentNumber(Batch batch, int messageNo) =>
        string.Create(CultureInfo.InvariantCulture, $"{batch.Number:00}{messageNo:0000}");

    /// <summary>Messages within the bank's caps; one payment each when the bank has no transit account.</summary>
    private static IEnumerable<List<Payment>> Split(IReadOnlyList<Payment> payments, BankFileTerms terms)
    {
        var maxCount = terms.TransitAccount is null ? 1 : terms.Mt102MaxPayments ?? int.MaxValue;
        var maxTotal = terms.Mt102MaxTotalTiyn ?? long.MaxValue;
        var current = new List<Payment>();
        long sum = 0;
        foreach (var p in payments)
        {
            if (current.Count > 0 && (current.Count >= maxCount || sum + p.Amount.Tiyn > maxTotal))
            {
                yield return current;
                current = [];
                sum = 0;
            }
            current.Add(p);
            sum += p.Amount.Tiyn;
        }
        if (current.Count > 0) yield return current;
    }

    /// <summary>"Surname Name Patronymic…": the patronymic may be several words (…улы, …кызы) or absent.</summary>
    public static (string Surname, string Name, string Patronymic) SplitName(string fullName)
    {
        var parts = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            0 => ("", "", ""),
            1 => (parts[0], "", ""),
            2 => (parts[0], parts[1], ""),
            _ => (parts[0], parts[1], string.Join(' ', parts[2..])),
        };
    }

    private static string Max(string s, int n) => s.Length <= n ? s : s[..n];

    /// <summary>Reads back the messages of a file this writer produced (or a bank's of the same layout).</summary>
    public static IReadOnlyList<Mt102Message> Read(string text)
    {
        var messages = new List<Mt102Message>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        Dictionary<string, string>? header = null;
        List<Mt102Payment>? payments = null;
        Dictionary<string, string>? current = null;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.StartsWith("{4:", StringComparison.Ordinal)) { header = new(StringComparer.Ordinal); payments = []; current = null; continue; }
            if (header is null || payments is null) continue;
            if (line.StartsWith(":21:", StringComparison.Ordinal))
            {
                Flush();
                current = new(StringComparer.Ordinal) { ["21"] = line[4..] };
                continue;
            }
            if (line.StartsWith(":32A:", StringComparison.Ordinal))
            {
                Flush();
                var v = line[5..];
                var date = DateOnly.ParseExact(v[..6], "yyMMdd", CultureInfo.InvariantCulture);
                if (!Tenge.TryParse(v[9..], out var total)) throw new FormatException($"MT102: bad :32A: total '{v}'");
                messages.Add(new Mt102Message(header.GetValueOrDefault("20", ""), header.GetValueOrDefault("D", ""),
                    header.GetValueOrDefault("NAME", ""), header.GetValueOrDefault("IDN", ""), header.GetValueOrDefault("52B", ""),
                    header.GetValueOrDefault("57B", ""), header.GetValueOrDefault("59", ""), header.GetValueOrDefault("NUM", ""),
                    header.GetValueOrDefault("KNP", ""), header.GetValueOrDefault("ASSIGN", ""), date, total, payments));
                header = null;
                continue;
            }
            var target = current ?? header;
            if (line.StartsWith(":70:", StringComparison.Ordinal) || line.StartsWith(":50:", StringComparison.Ordinal)) { Slash(target, line[4..]); continue; }
            if (line.StartsWith(':'))
            {
                var end = line.IndexOf(':', 1);
                target[line[1..end]] = line[(end + 1)..];
                continue;
            }
            if (line.StartsWith('/')) Slash(target, line);
        }
        return messages;

        void Flush()
        {
            if (current is null || payments is null) return;
            if (!Tenge.TryParse(current.GetValueOrDefault("32B", "")[3..], out var amount)) throw new FormatException("MT102: bad :32B: amount");
            var dt = current.GetValueOrDefault("DT", "");
            payments.Add(new Mt102Payment(int.Parse(current["21"], CultureInfo.InvariantCulture), amount,
                current.GetValueOrDefault("FM", ""), current.GetValueOrDefault("NM", ""), current.GetValueOrDefault("FT", ""),
                dt.Length == 8 ? DateOnly.ParseExact(dt, "yyyyMMdd", CultureInfo.InvariantCulture) : default,
                current.GetValueOrDefault("IDN", ""), current.GetValueOrDefault("LA", "")));
            current = null;
        }

        static void Slash(Dictionary<string, string> into, string field)
        {
            // "/KEY/value"
            if (!field.StartsWith('/')) return;
            var end = field.IndexOf('/', 1);
            if (end < 0) return;
            into[field[1..end]] = field[(end + 1)..];
        }
    }
}
