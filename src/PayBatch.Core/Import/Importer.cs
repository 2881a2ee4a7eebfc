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
    private static readonly string[] CaseColumns =
    [
        "case_id", "district", "applicant_iin", "applicant_name", "applicant_role", "guardianship_ref", "child_iin",
        "child_name", "child_birth_date", "application_date", "decision_no", "decision_date", "disability_cert_no",
        "disability_valid_to", "home_education_from", "home_education_to", "study_end_date", "bank_bic", "iban", "status",
    ];

    private static readonly string[] CertificateColumns = ["child_iin", "quarter", "certificate_no", "issued_on", "school"];

    public async Task<ImportResult> ImportRecipientsAsync(string path, IProgress<ProgressInfo>? progress, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        using var csv = CsvInput.Open(path, RegistryFiles.RecipientColumns);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        using var history = new PreparedCommand(db,
            "INSERT INTO bank_detail_changes (case_id, old_bank_bic, old_iban, new_bank_bic, new_iban, changed_at_utc) " +
            "SELECT case_id, bank_bic, iban, @bank_bic, @iban, @now FROM cases " +
            "WHERE case_id = @case_id AND (bank_bic <> @bank_bic OR iban <> @iban)",
            "case_id", "bank_bic", "iban", "now");
        using var upsert = new PreparedCommand(db, SqlDialect.Upsert(db.Provider, "cases", ["case_id"], CaseColumns), CaseColumns);
        int rows = 0, changes = 0;
        while (!csv.Full && csv.Read())
        {
            var c = RegistryFiles.ReadCase(csv);
            if (c is null || csv.Problems.Count > 0) continue; // keep reading: report every problem of the file at once
            rows++;
            changes += await history.Set("case_id", c.CaseId).Set("bank_bic", c.BankBic).Set("iban", c.Iban).Set("now", now).ExecuteAsync(ct).ConfigureAwait(false);
            Bind(upsert, c);
            await upsert.ExecuteAsync(ct).ConfigureAwait(false);
            if (rows % 10_000 == 0) progress?.Report(new("recipients", rows, csv.Percent));
        }
        if (csv.Problems.Count > 0) throw new InputFileException(path, csv.Problems); // the transaction rolls back on dispose
        await tx.CommitAsync(ct).ConfigureAwait(false);
        progress?.Report(new("recipients", rows, 100));
        var sha = Sha256Of(path);
        log.Information("Imported {Rows} cases from {File} ({Sha256}) in {Ms} ms; {Changes} bank detail changes kept",
            rows, csv.FileName, sha, (int)clock.GetElapsedTime(started).TotalMilliseconds, changes);
        return new ImportResult(path, sha, rows, changes);
    }

    public async Task<ImportResult> ImportCertificatesAsync(string path, IProgress<ProgressInfo>? progress, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        using var csv = CsvInput.Open(path, RegistryFiles.CertificateColumns);
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        using var upsert = new PreparedCommand(db, SqlDialect.Upsert(db.Provider, "certificates", ["quarter", "child_iin", "certificate_no"], CertificateColumns), CertificateColumns);
        var rows = 0;
        while (!csv.Full && csv.Read())
        {
            var c = RegistryFiles.ReadCertificate(csv);
            if (c is null || csv.Problems.Count > 0) continue;
            rows++;
            await upsert.Set("child_iin", c.ChildIin).Set("quarter", c.Quarter.ToString()).Set("certificate_no", c.CertificateNo)
                .Set("issued_on", c.IssuedOn).Set("school", c.School).ExecuteAsync(ct).ConfigureAwait(false);
            if (rows % 10_000 == 0) progress?.Report(new("certificates", rows, csv.Percent));
        }
        if (csv.Problems.Count > 0) throw new InputFileException(path, csv.Problems);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        progress?.Report(new("certificates", rows, 100));
        var sha = Sha256Of(path);
        log.Information("Imported {Rows} certificates from {File} ({Sha256}) in {Ms} ms", rows, csv.FileName, sha, (int)clock.GetElapsedTime(started).TotalMilliseconds);
        return new ImportResult(path, sha, rows, 0);
    }

    private static void Bind(PreparedCommand cmd, RecipientCase c) => cmd
        .Set("case_id", c.CaseId).Set("district", c.District).Set("applicant_iin", c.ApplicantIin)
        .Set("applicant_name", c.ApplicantName).Set("applicant_role", c.ApplicantRole.Code()).Set("guardianship_ref", c.GuardianshipRef)
        .Set("child_iin", c.ChildIin).Set("child_name", c.ChildName).Set("child_birth_date", c.ChildBirthDate)
        .Set("application_date", c.ApplicationDate).Set("decision_no", c.DecisionNo).Set("decision_date", c.DecisionDate)
        .Set("disability_cert_no", c.DisabilityCertNo).Set("disability_valid_to", c.DisabilityValidTo)
        .Set("home_education_from", c.HomeEducationFrom).Set("home_education_to", c.HomeEducationTo)
        .Set("study_end_date", c.StudyEndDate).Set("bank_bic", c.BankBic).Set("iban", c.Iban).Set("status", c.Status.Code());

    public static string Sha256Of(string path)
    {
        using var s = Resilience.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }
}
