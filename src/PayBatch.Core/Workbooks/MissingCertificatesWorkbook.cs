using PayBatch.Core.Reporting;

namespace PayBatch.Core.Workbooks;

/// <summary>
/// The families to call as a workbook: one sheet, the csv's columns, grouped by district as the list is ordered. Streamed
/// row by row (at the start of a quarter a million cases may be listed), going on in a second sheet past Excel's row limit.
/// </summary>
public static class MissingCertificatesWorkbook
{
    public static Task WriteAsync(Workbook wb, IReadOnlyList<MissingCertificate> missing, Labels l) =>
        wb.TableAsync(l["missingTitle"],
            [new(l["caseId"], CellKind.Text, 12), new(l["district"], CellKind.Text, 30), new(l["applicant"], CellKind.Text, 40),
             new(l["child"], CellKind.Text, 40), new(l["lastQuarter"], CellKind.Text, 12), new(l["lastSchool"], CellKind.Text, 40)],
            missing.Count, missing, (m, row) =>
            {
                row[0] = wb.Text(m.CaseId);
                row[1] = wb.Text(m.District);
                row[2] = wb.Text(m.ApplicantName);
                row[3] = wb.Text(m.ChildName);
                row[4] = wb.Text(m.LastQuarter);
                row[5] = wb.Text(m.LastSchool);
            });
}
