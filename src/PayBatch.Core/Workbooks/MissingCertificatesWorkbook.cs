using PayBatch.Core.Reporting;

namespace PayBatch.Core.Workbooks;

/// <summary>The families to call as a workbook: one sheet, the csv's columns, grouped by district as the list is ordered.</summary>
public static class MissingCertificatesWorkbook
{
    public static Task WriteAsync(Workbook wb, IReadOnlyList<MissingCertificate> missing, Labels l) =>
        wb.SheetAsync(l["missingTitle"],
            [new(l["caseId"], CellKind.Text, 12), new(l["district"], CellKind.Text, 30), new(l["applicant"], CellKind.Text, 40),
             new(l["child"], CellKind.Text, 40), new(l["lastQuarter"], CellKind.Text, 12), new(l["lastSchool"], CellKind.Text, 40)],
            missing.Select(m => new[]
            {
                wb.Text(m.CaseId), wb.Text(m.District), wb.Text(m.ApplicantName), wb.Text(m.ChildName), wb.Text(m.LastQuarter), wb.Text(m.LastSchool),
            }).ToList());
}
