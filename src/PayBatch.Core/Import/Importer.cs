using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Domain;
using PayBatch.Core.Persistence;
using Serilog;

namespace PayBatch.Core.Import;

public sealed record ImportResult(string File, string Sha256, int Rows, int BankDetailChanges);

/// <summary>
/// Loads the registry and the certificates. A file is applied whole or not at all: rows stream into
/// one transaction through prepared statements; any unreadable row rolls the transaction back and
/// the file's problems are reported together.
/// </summary>
public sealed class Importer(PayBatchDb db, TimeProvider clock, ILogger log)
{
    private static readonly Column[] CaseColumns =
    [
        new("case_id", ColumnType.Text), new("district", ColumnType.Text), new("applicant_iin", ColumnType.Text),
        new("applicant_name", ColumnType.Text), new("applicant_role", ColumnType.Text), new("guardianship_ref", ColumnType.Text),
        new("child_iin", ColumnType.Text), new("child_name", ColumnType.Text), new("child_birth_date", ColumnType.Date),
        new("application_date", ColumnType.Date), new("decision_no", ColumnType.Text), new("decision_date", ColumnType.Date),
        new("disability_cert_no", ColumnType.Text), new("disability_valid_to", ColumnType.Date), new("home_education_from", ColumnType.Date),
        new("home_education_to", ColumnType.Date), new("study_end_date", ColumnType.Date), new("bank_bic", ColumnType.Text),
        new("iban", ColumnType.Text), new("status", ColumnType.Text),
    ];

    private static readonly Column[] CertificateColumns =
    [
        new("child_iin", ColumnType.Text), new("quarter", ColumnType.Text), new("certificate_no", ColumnType.Text),
        new("issued_on", ColumnType.Date), new("school", ColumnType.Text),
    ];

    public Task<ImportResult> ImportRecipientsAsync(string path, IProgress<ProgressInfo>? progress, CancellationToken ct) =>
        ImportAsync(path, "recipients", RegistryFiles.RecipientColumns, "cases", ["case_id"], CaseColumns, keepBankDetailHistory: true,
            csv => RegistryFiles.ReadCase(csv) is { } c ? Values(c) : null, progress, ct);

    public Task<ImportResult> ImportCertificatesAsync(string path, IProgress<ProgressInfo>? progress, CancellationToken ct) =>
        ImportAsync(path, "certificates", RegistryFiles.CertificateColumns, "certificates", ["quarter", "child_iin", "certificate_no"], CertificateColumns,
            keepBankDetailHistory: false,
            csv => RegistryFiles.ReadCertificate(csv) is { } c ? [c.ChildIin, c.Quarter.ToString(), c.CertificateNo, c.IssuedOn, c.School] : null,
            progress, ct);

    private async Task<ImportResult> ImportAsync(string path, string what, IReadOnlyList<string> required, string table, string[] keys,
        Column[] columns, bool keepBankDetailHistory, Func<CsvInput, object?[]?> read, IProgress<ProgressInfo>? progress, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        using var csv = CsvInput.Open(path, required);
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        // Serialised with runs and reconciles: a run never sees half of the registry from before an import and half from after.
        await WriteLock.AcquireAsync(db, ct).ConfigureAwait(false);
        var changes = 0;
        var rows = 0;
        await using (var sink = await UpsertSink.OpenAsync(db, table, keys, columns, keepBankDetailHistory, clock.GetUtcNow().UtcDateTime, ct).ConfigureAwait(false))
        {
            while (!csv.Full && csv.Read())
            {
                var values = read(csv);
                if (values is null || csv.Problems.Count > 0) continue; // keep reading: report every problem of the file at once
                rows++;
                await sink.AddAsync(values, ct).ConfigureAwait(false);
                if (rows % 10_000 == 0) progress?.Report(new(what, rows, csv.Percent));
            }
            // The transaction rolls back on dispose: nothing of a file with problems is applied.
            if (csv.Problems.Count > 0) throw new InputFileException(path, csv.Problems);
            changes = await sink.CompleteAsync(ct).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
        progress?.Report(new(what, rows, 100));
        var sha = csv.Sha256;
        log.Information("Imported {Rows} {What} from {File} ({Sha256}) in {Ms} ms; {Changes} bank detail changes kept",
            rows, what, csv.FileName, sha, (int)clock.GetElapsedTime(started).TotalMilliseconds, changes);
        return new ImportResult(path, sha, rows, changes);
    }

    private static object?[] Values(RecipientCase c) =>
    [
        c.CaseId, c.District, c.ApplicantIin, c.ApplicantName, c.ApplicantRole.Code(), c.GuardianshipRef, c.ChildIin, c.ChildName,
        c.ChildBirthDate, c.ApplicationDate, c.DecisionNo, c.DecisionDate, c.DisabilityCertNo, c.DisabilityValidTo, c.HomeEducationFrom,
        c.HomeEducationTo, c.StudyEndDate, c.BankBic, c.Iban, c.Status.Code(),
    ];
}
