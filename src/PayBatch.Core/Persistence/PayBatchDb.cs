using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PayBatch.Core.Domain;

namespace PayBatch.Core.Persistence;

/// <summary>
/// The one EF Core model. Each provider has a subclass (<see cref="SqliteDb"/>, <see cref="PostgresDb"/>,
/// <see cref="SqlServerDb"/>) so each keeps its own migrations in this assembly.
/// </summary>
public abstract class PayBatchDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<CaseRow> Cases => Set<CaseRow>();
    public DbSet<BankDetailChangeRow> BankDetailChanges => Set<BankDetailChangeRow>();
    public DbSet<CertificateRow> Certificates => Set<CertificateRow>();
    public DbSet<BatchRow> Batches => Set<BatchRow>();
    public DbSet<BatchFileRow> BatchFiles => Set<BatchFileRow>();
    public DbSet<BatchSignatureRow> BatchSignatures => Set<BatchSignatureRow>();
    public DbSet<PaymentRow> Payments => Set<PaymentRow>();
    public DbSet<ExclusionRow> Exclusions => Set<ExclusionRow>();
    public DbSet<ConfirmationRow> Confirmations => Set<ConfirmationRow>();
    public DbSet<StatementRow> Statements => Set<StatementRow>();
    public DbSet<StatementEntryRow> StatementEntries => Set<StatementEntryRow>();
    public DbSet<AuditRow> Audit => Set<AuditRow>();
    public DbSet<ReconcileFindingRow> ReconcileFindings => Set<ReconcileFindingRow>();

    public abstract DbProvider Provider { get; }

    /// <summary>No batch state: the sentinel of <see cref="BatchRow.State"/>.</summary>
    public static readonly BatchState NoState = (BatchState)(-1);

    /// <summary>
    /// The codes of the statuses that free a child's place in the quarter, as SQL ('rejected', 'returned', 'cancelled'):
    /// the one-live-payment index's filter, which a read naming the same condition can use.
    /// </summary>
    public static readonly string NotLiveCodes = string.Join(", ", PaymentStatuses.All.Where(s => !s.IsLive()).Select(s => $"'{s.Code()}'"));

    /// <summary>A column name quoted for this provider, for filters and check constraints.</summary>
    protected virtual string Q(string column) => $"\"{column}\"";

    /// <summary>A check constraint: the column holds one of the codes of <typeparamref name="T"/>.</summary>
    private string OneOf<T>(string column) where T : struct, Enum =>
        $"{Q(column)} IN ({string.Join(", ", Codes.All<T>().Select(c => $"'{c}'"))})";

    /// <summary>An enum stored as its code (<see cref="Codes"/>): text in the database, the enum in code.</summary>
    private static void AsCode<T>(PropertyBuilder<T> property) where T : struct, Enum =>
        property.HasConversion(v => Codes.Of(v), s => Codes.Parse<T>(s));

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<CaseRow>(e =>
        {
            e.ToTable("cases");
            e.HasKey(x => x.CaseId);
            e.HasIndex(x => x.ChildIin);
            AsCode(e.Property(x => x.Status));
            AsCode(e.Property(x => x.ApplicantRole));
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_cases_status", OneOf<CaseStatus>("status"));
                t.HasCheckConstraint("ck_cases_role", OneOf<ApplicantRole>("applicant_role"));
            });
        });
        b.Entity<BankDetailChangeRow>(e =>
        {
            e.ToTable("bank_detail_changes");
            e.HasIndex(x => x.CaseId);
            e.HasOne<CaseRow>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<CertificateRow>(e =>
        {
            e.ToTable("certificates");
            e.HasIndex(x => new { x.Quarter, x.ChildIin, x.CertificateNo }).IsUnique();
        });
        b.Entity<BatchRow>(e =>
        {
            e.ToTable("batches");
            e.HasIndex(x => new { x.Quarter, x.Number }).IsUnique();
            e.Property(x => x.Coefficient).HasPrecision(9, 4);
            AsCode(e.Property(x => x.Kind));
            e.HasMany(x => x.Files).WithOne().HasForeignKey(f => f.BatchId).OnDelete(DeleteBehavior.Restrict);
            // The default is for rows from before signatures; the sentinel is no state, so EF always writes the
            // state it is given (with the enum's default, Prepared, it would leave it to the database's default).
            // The sentinel converts to "" and back (the compiled model converts it), a code no check constraint lets in.
            e.Property(x => x.State).HasConversion(v => v == NoState ? "" : Codes.Of(v), s => s == "" ? NoState : Codes.Parse<BatchState>(s))
                .HasDefaultValue(BatchState.Released).HasSentinel(NoState);
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_batches_kind", OneOf<BatchKind>("kind"));
                t.HasCheckConstraint("ck_batches_state", OneOf<BatchState>("state"));
                t.HasCheckConstraint("ck_batches_number", $"{Q("number")} BETWEEN 1 AND 99");
                t.HasCheckConstraint("ck_batches_total", $"{Q("total_tiyn")} >= 0");
            });
        });
        b.Entity<BatchFileRow>(e =>
        {
            e.ToTable("batch_files");
            e.HasIndex(x => new { x.BatchId, x.FileName }).IsUnique();
            AsCode(e.Property(x => x.Format));
        });
        b.Entity<BatchSignatureRow>(e =>
        {
            e.ToTable("batch_signatures");
            e.HasIndex(x => new { x.BatchId, x.Role }).IsUnique();
            e.HasIndex(x => new { x.BatchId, x.Iin }).IsUnique(); // the same person never signs for both roles
            e.HasOne<BatchRow>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
            e.ToTable(t => t.HasCheckConstraint("ck_batch_signatures_role", $"{Q("role")} IN ('first', 'second')"));
        });
        b.Entity<PaymentRow>(e =>
        {
            e.ToTable("payments");
            e.HasIndex(x => x.Reference).IsUnique();
            e.HasIndex(x => x.BatchId);
            AsCode(e.Property(x => x.Status));
            // No child is paid twice for a quarter: at most one live payment (see PaymentStatuses.IsLive).
            e.HasIndex(x => new { x.Quarter, x.ChildIin }).IsUnique()
                .HasDatabaseName("ux_payments_live_child_quarter")
                .HasFilter($"{Q("status")} NOT IN ({NotLiveCodes})");
            // A rejected payment has one replacement; one in a cancelled batch may be followed by another.
            e.HasIndex(x => x.ReplacesPaymentId).IsUnique()
                .HasFilter($"{Q("replaces_payment_id")} IS NOT NULL AND {Q("status")} <> '{PaymentStatus.Cancelled.Code()}'");
            e.HasOne<BatchRow>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PaymentRow>().WithMany().HasForeignKey(x => x.ReplacesPaymentId).OnDelete(DeleteBehavior.Restrict);
            e.ToTable(t =>
            {
                t.HasCheckConstraint("ck_payments_amount", $"{Q("amount_tiyn")} > 0");
                t.HasCheckConstraint("ck_payments_status", OneOf<PaymentStatus>("status"));
                // A returned payment keeps its credit date when it had one.
                var (credited, returned) = (PaymentStatus.Credited.Code(), PaymentStatus.Returned.Code());
                t.HasCheckConstraint("ck_payments_credited_on",
                    $"({Q("status")} = '{credited}' AND {Q("credited_on")} IS NOT NULL) OR {Q("status")} = '{returned}' OR ({Q("status")} NOT IN ('{credited}', '{returned}') AND {Q("credited_on")} IS NULL)");
            });
        });
        b.Entity<ExclusionRow>(e =>
        {
            e.ToTable("exclusions");
            e.HasIndex(x => new { x.BatchId, x.CaseId }).IsUnique();
            e.HasIndex(x => x.Quarter);
            e.HasOne<BatchRow>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<ConfirmationRow>(e =>
        {
            e.ToTable("confirmations");
            e.HasIndex(x => new { x.FileSha256, x.Line }).IsUnique(); // a line of a file is kept once, however often it is read
            e.HasIndex(x => x.PaymentId);
            e.HasOne<PaymentRow>().WithMany().HasForeignKey(x => x.PaymentId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<StatementRow>(e =>
        {
            e.ToTable("statements");
            e.HasIndex(x => new { x.FileSha256, x.Line }).IsUnique();
        });
        b.Entity<StatementEntryRow>(e =>
        {
            e.ToTable("statement_entries");
            e.HasIndex(x => x.EntryKey).IsUnique(); // an entry is kept once, in however many files it is read
            e.HasIndex(x => x.BatchId);
            e.HasIndex(x => x.PaymentId);
            e.HasOne<BatchRow>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PaymentRow>().WithMany().HasForeignKey(x => x.PaymentId).OnDelete(DeleteBehavior.Restrict);
            e.ToTable(t => t.HasCheckConstraint("ck_statement_entries_kind", $"{Q("kind")} IN ('debit', 'return')"));
        });
        b.Entity<AuditRow>(e =>
        {
            e.ToTable("audit_log");
            e.HasIndex(x => x.StartedAtUtc);
        });
        b.Entity<ReconcileFindingRow>(e =>
        {
            e.ToTable("reconcile_findings");
            e.HasIndex(x => x.Quarter);
        });

        foreach (var entity in b.Model.GetEntityTypes())
            foreach (var p in entity.GetProperties())
                p.SetColumnName(Codes.SnakeCase(p.Name));
    }
}

public enum DbProvider { Sqlite, SqlServer, Postgres }

public sealed class SqliteDb(DbContextOptions<SqliteDb> options) : PayBatchDb(options)
{
    public override DbProvider Provider => DbProvider.Sqlite;
}

public sealed class PostgresDb(DbContextOptions<PostgresDb> options) : PayBatchDb(options)
{
    public override DbProvider Provider => DbProvider.Postgres;
}

public sealed class SqlServerDb(DbContextOptions<SqlServerDb> options) : PayBatchDb(options)
{
    public override DbProvider Provider => DbProvider.SqlServer;
    protected override string Q(string column) => $"[{column}]";
}
