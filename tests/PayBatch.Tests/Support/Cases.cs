using System.Globalization;
using System.Text;
using PayBatch.Core.Domain;

namespace PayBatch.Tests.Support;

/// <summary>Builds valid IINs, IBANs and registry rows for tests.</summary>
public static class Cases
{
    public static string MakeIin(DateOnly birth, bool female = false, int serial = 1)
    {
        var century = (birth.Year / 100) switch { 18 => 1, 19 => 3, _ => 5 };
        century += female ? 1 : 0;
        for (var s = serial; ; s++)
        {
            var d11 = birth.ToString("yyMMdd", CultureInfo.InvariantCulture) + century.ToString(CultureInfo.InvariantCulture) + (s % 10000).ToString("0000", CultureInfo.InvariantCulture);
            for (var c = 0; c <= 9; c++)
                if (Iin.TryParse(d11 + c.ToString(CultureInfo.InvariantCulture), out var iin)) return iin.Value;
        }
    }

    public static string MakeIban(string bankCode, long account)
    {
        var bban = bankCode + account.ToString("0000000000000", CultureInfo.InvariantCulture);
        for (var cc = 2; cc <= 98; cc++)
        {
            var candidate = $"KZ{cc:00}{bban}";
            if (Iban.TryParse(candidate, out _)) return candidate;
        }
        throw new InvalidOperationException("no check digits fit");
    }

    public const string Header = "case_id,district,applicant_iin,applicant_name,applicant_role,guardianship_ref,child_iin,child_name,child_birth_date,application_date,decision_no,decision_date,disability_cert_no,disability_valid_to,home_education_from,home_education_to,study_end_date,bank_bic,iban,status";

    /// <summary>A registry row, eligible for 2026Q1 unless changed through <paramref name="with"/>.</summary>
    public static Dictionary<string, string> Row(int n, Action<Dictionary<string, string>>? with = null)
    {
        var childBirth = new DateOnly(2014, 3, 1).AddDays(n * 37 % 900);
        var r = new Dictionary<string, string>
        {
            ["case_id"] = $"C-{n:0000}",
            ["district"] = n % 2 == 0 ? "Есильский район" : "Сарыаркинский район",
            ["applicant_iin"] = MakeIin(new DateOnly(1985, 1, 1).AddDays(n * 11 % 3000), female: true, serial: n),
            ["applicant_name"] = $"Қасымова Гүлнар Болатқызы{n}",
            ["applicant_role"] = "parent",
            ["guardianship_ref"] = "",
            ["child_iin"] = MakeIin(childBirth, serial: n),
            ["child_name"] = $"Қасымов Ерлан {n}",
            ["child_birth_date"] = childBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["application_date"] = "2025-08-01",
            ["decision_no"] = $"Р-{n}",
            ["decision_date"] = "2025-08-04",
            ["disability_cert_no"] = $"МСЭ-{n}",
            ["disability_valid_to"] = "2027-01-01",
            ["home_education_from"] = "2025-09-01",
            ["home_education_to"] = "",
            ["study_end_date"] = "",
            ["bank_bic"] = "HSBKKZKX",
            ["iban"] = MakeIban("601", 1000 + n),
            ["status"] = "approved",
        };
        with?.Invoke(r);
        return r;
    }

    public static string Csv(IEnumerable<Dictionary<string, string>> rows, char delimiter = ',')
    {
        var sb = new StringBuilder(Header.Replace(',', delimiter)).Append('\n');
        foreach (var r in rows)
            sb.Append(string.Join(delimiter, Header.Split(',').Select(c => r[c]))).Append('\n');
        return sb.ToString();
    }

    public static string Certificates(IEnumerable<Dictionary<string, string>> rows, string quarter = "2026Q1") =>
        "child_iin,quarter,certificate_no,issued_on,school\n" +
        string.Concat(rows.Select((r, i) => $"{r["child_iin"]},{quarter},СП-{i + 1},2026-01-10,Школа № 1\n"));
}
