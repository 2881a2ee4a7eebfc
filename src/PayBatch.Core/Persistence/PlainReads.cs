using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PayBatch.Core.Domain;

namespace PayBatch.Core.Persistence;

/// <summary>
/// The reads by hand: one SELECT each, each row mapped straight to what the step keeps. The reads of a
/// million rows in a run (EF materialised an entity per row through its shaper and parsed every stored
/// date with the culture's full date parser, most of a run's deciding time), and every read of the
/// commands that only read (history, status, report), which then need no EF Core at all (see
/// <see cref="PlainDb"/>). Each read here is checked against EF's reading of the same rows on SQLite and
/// PostgreSQL (PlainReadsTests; no SQL Server runs here), so a column renamed in the model fails there.
/// </summary>
public static class PlainReads
{
    /// <summary>
    /// Runs <paramref name="sql"/> in the current transaction (opening EF's connection if EF has not) and
    /// yields each row mapped; synchronous, since an async read costs a task per row.
    /// </summary>
    public static IEnumerable<T> Read<T>(PlainDb db, string sql, Func<DbDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        var opened = db.OpenIfClosed();
        try
        {
            using var command = db.Command(sql, parameters);
            using var reader = command.ExecuteReader();
            while (reader.Read()) yield return map(reader);
        }
        finally
        {
            if (opened) db.Close();
        }
    }

    private const string CasesSql = """
        SELECT case_id, district, applicant_iin, applicant_name, applicant_role, guardianship_ref, child_iin, child_name,
               child_birth_date, application_date, decision_no, decision_date, disability_cert_no, disability_valid_to,
               home_education_from, home_education_to, study_end_date, bank_bic, iban, status
        FROM cases
        """;

    /// <summary>
    /// Every case, in table order (on SQLite the order of import; the caller sorts), as the decision reads it. On
    /// a UTF-8 SQLite database straight from SQLite's statement: the provider's reader asks SQLite two or three
    /// things per column and makes a string of each of a case's eight dates (a million cases: 20 million calls).
    /// </summary>
    public static IEnumerable<RecipientCase> Cases(PlainDb db) => IsUtf8Sqlite(db)
        ? SqliteRows(db, CasesSql, [], r => Case(new StatementColumns(r)))
        : Read(db, CasesSql, r => Case(new ReaderColumns(r)));

    private static RecipientCase Case<TColumns>(TColumns r) where TColumns : IColumns => new()
    {
        CaseId = r.Text(0), District = r.Text(1), ApplicantIin = r.Text(2), ApplicantName = r.Text(3),
        ApplicantRole = Codes.Parse<ApplicantRole>(r.Text(4)), GuardianshipRef = r.IsNull(5) ? null : r.Text(5), ChildIin = r.Text(6),
        ChildName = r.Text(7), ChildBirthDate = r.Date(8), ApplicationDate = r.Date(9), DecisionNo = r.Text(10),
        DecisionDate = r.Date(11), DisabilityCertNo = r.Text(12), DisabilityValidTo = r.IsNull(13) ? null : r.Date(13), HomeEducationFrom = r.Date(14),
        HomeEducationTo = r.IsNull(15) ? null : r.Date(15), StudyEndDate = r.IsNull(16) ? null : r.Date(16), BankBic = r.Text(17), Iban = r.Text(18),
        Status = Codes.Parse<CaseStatus>(r.Text(19)),
    };

    /// <summary>A row's columns by position, from SQLite's statement or from the provider's reader: one mapping for both.</summary>
    private interface IColumns
    {
        string Text(int i);

        /// <summary>A text column's characters, in <paramref name="buffer"/> when they fit (<see cref="BufferChars"/>); valid until the next call.</summary>
        ReadOnlySpan<char> Chars(int i, Span<char> buffer);

        bool IsNull(int i);
        DateOnly Date(int i);
        long Long(int i);
    }

    private readonly struct ReaderColumns(DbDataReader r) : IColumns
    {
        public string Text(int i) => r.GetString(i);
        public ReadOnlySpan<char> Chars(int i, Span<char> buffer) => r.GetString(i);
        public bool IsNull(int i) => r.IsDBNull(i);
        public DateOnly Date(int i) => PlainReads.Date(r, i);
        public long Long(int i) => r.GetInt64(i);
    }

    /// <summary>A UTF-8 database's row as SQLite holds it; a date read from its bytes, without a string.</summary>
    private readonly struct StatementColumns(SqliteStatement r) : IColumns
    {
        public string Text(int i) => System.Text.Encoding.UTF8.GetString(r.Bytes(i));

        public ReadOnlySpan<char> Chars(int i, Span<char> buffer)
        {
            var bytes = r.Bytes(i);
            return bytes.Length <= buffer.Length ? buffer[..System.Text.Encoding.UTF8.GetChars(bytes, buffer)] : Text(i); // a character per byte at most
        }

        public bool IsNull(int i) => r.IsNull(i);
        public long Long(int i) => r.Int64(i);

        public DateOnly Date(int i)
        {
            var bytes = r.Bytes(i);
            if (bytes.Length != 10) return IsoDate(System.Text.Encoding.UTF8.GetString(bytes)); // no stored date: IsoDate says so
            Span<char> chars = stackalloc char[10];
            for (var k = 0; k < 10; k++) chars[k] = (char)bytes[k];
            return IsoDate(chars);
        }
    }

    /// <summary>
    /// The payments of the quarters with their batch's value date and state, in reference order, as reconcile, the report
    /// and the workbook hold them: their identifiers, codes and repeated texts parsed from the characters read, without a
    /// string of each (a reconcile of a million payments loads them 0.4 s sooner than from strings).
    /// </summary>
    public static IEnumerable<PaymentState> PaymentStates(PlainDb db, IReadOnlyList<string> quarters)
    {
        if (quarters.Count == 0) return [];
        var sql = $"""
            SELECT p.id, p.reference, p.case_id, p.child_iin, p.district, p.bic, p.iban, p.amount_tiyn, p.status, p.credited_on,
                   p.status_reason, p.replaces_payment_id, b.value_date, b.state
            FROM payments p JOIN batches b ON p.batch_id = b.id
            WHERE p.quarter IN ({In("q", quarters.Count)})
            ORDER BY p.reference
            """;
        // A reconcile, a report or a workbook of a million payments: 14 million columns, read as Cases reads them.
        var repeated = new Repeated();
        return IsUtf8Sqlite(db)
            ? SqliteRows(db, sql, Values("q", quarters), r => PaymentState(new StatementColumns(r), repeated))
            : Read(db, sql, r => PaymentState(new ReaderColumns(r), repeated), Values("q", quarters));
    }

    private static PaymentState PaymentState<TColumns>(TColumns r, Repeated repeated) where TColumns : IColumns
    {
        Span<char> chars = stackalloc char[BufferChars];
        // Each value is parsed before the next is read into the buffer.
        var reference = PaymentReference.Parse(r.Chars(1, chars));
        var childIin = Iin.Parse(r.Chars(3, chars));
        var district = repeated.Text(r.Chars(4, chars));
        var bic = repeated.Bic(r.Chars(5, chars));
        var iban = Iban.Parse(r.Chars(6, chars));
        var status = Codes.Parse<PaymentStatus>(r.Chars(8, chars));
        var released = r.Chars(13, chars) is { Length: > 0 } state && Codes.Parse<BatchState>(state) == BatchState.Released;
        return new(r.Long(0), reference, r.Text(2), childIin, district, bic, iban, new Tenge(r.Long(7)), r.Date(12), status,
            r.IsNull(9) ? null : r.Date(9), r.IsNull(10) ? null : r.Text(10), r.IsNull(11) ? null : r.Long(11), released);
    }

    /// <summary>
    /// The characters a column's value is parsed from (a code, an identifier), read into a buffer of this many by
    /// <see cref="IColumns.Chars"/>: a million rows make no string of them.
    /// </summary>
    private const int BufferChars = 64;

    /// <summary>
    /// The few values a million rows repeat (districts, BICs): one string each, and one parsed BIC, found by the
    /// characters read, so no string is made of a value seen before.
    /// </summary>
    private sealed class Repeated
    {
        private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Bic> _bics = new(StringComparer.Ordinal);

        public string Text(ReadOnlySpan<char> chars)
        {
            if (_texts.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out var text)) return text;
            text = chars.ToString();
            _texts.Add(text, text);
            return text;
        }

        public Bic Bic(ReadOnlySpan<char> chars)
        {
            if (_bics.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars, out var bic)) return bic;
            var text = chars.ToString();
            bic = Domain.Bic.Parse(text);
            _bics.Add(text, bic);
            return bic;
        }
    }

    /// <summary>The children of a quarter's payments other than cancelled ones.</summary>
    public static ChildIins ChildrenWithPayments(PlainDb db, string quarter) =>
        Iins(db, "SELECT child_iin FROM payments WHERE quarter = @quarter AND status <> 'cancelled'", quarter);

    /// <summary>The children of a quarter's live payments (issued or credited): read from the one-live-payment index alone.</summary>
    public static ChildIins LiveChildren(PlainDb db, string quarter) =>
        Iins(db, $"SELECT child_iin FROM payments WHERE quarter = @quarter AND status NOT IN ({PayBatchDb.NotLiveCodes})", quarter);

    /// <summary>The children with a school certificate for the quarter.</summary>
    public static ChildIins CertifiedChildren(PlainDb db, string quarter) =>
        Iins(db, "SELECT child_iin FROM certificates WHERE quarter = @quarter", quarter);

    /// <summary>
    /// The children of more than one approved case. First the children of more than one case of any status, from
    /// the child's index alone (in its order: nothing to sort, no case fetched), then the approved cases of those few.
    /// At a million cases: 0.6 s in SQLite, against 1.1 s grouping the approved cases read in table order, and 7 s
    /// grouping them in the index's order with each case fetched at random. Counting them here instead would
    /// hold a set of a million IINs (issue 15's memory).
    /// </summary>
    public static ChildIins ChildrenInSeveralApprovedCases(PlainDb db) =>
        Iins(db, "SELECT child_iin FROM cases WHERE status = 'approved' AND child_iin IN " +
                 "(SELECT child_iin FROM cases GROUP BY child_iin HAVING COUNT(*) > 1) GROUP BY child_iin HAVING COUNT(*) > 1", null);

    /// <summary>
    /// A column of IINs as a set, each IIN handed over as its UTF-8 bytes where the provider can (SQLite: no
    /// string made for a million IINs that end as numbers), else as text.
    /// </summary>
    private static ChildIins Iins(PlainDb db, string sql, string? quarter)
    {
        var set = new ChildIins([]);
        if (IsUtf8Sqlite(db))
            foreach (var _ in SqliteRows(db, sql, quarter is null ? [] : [("quarter", quarter)], r => set.Add(r.Bytes(0)))) { } // each row adds itself, as bytes
        else
            foreach (var iin in Read(db, sql, r => r.GetString(0), quarter is null ? [] : [("quarter", quarter)])) set.Add(iin);
        return set;
    }

    // The reads of the commands that only read. Every name is quoted: "user", "file" and "count" are words of
    // some provider's SQL.

    /// <summary>The last <paramref name="last"/> entries of the audit trail, newest first.</summary>
    public static IEnumerable<AuditRow> History(PlainDb db, int last) => Read(db, $"""
        SELECT {(db.Provider == DbProvider.SqlServer ? "TOP (@last) " : "")}"id", "run_id", "command", "arguments", "user", "machine",
               "started_at_utc", "finished_at_utc", "exit_code", "input_hashes", "changes"
        FROM "audit_log" ORDER BY "id" DESC{(db.Provider == DbProvider.SqlServer ? "" : " LIMIT @last")}
        """, r => new AuditRow
    {
        Id = r.GetInt64(0), RunId = r.GetString(1), Command = r.GetString(2), Arguments = r.GetString(3), User = r.GetString(4),
        Machine = r.GetString(5), StartedAtUtc = Time(r, 6), FinishedAtUtc = Time(r, 7), ExitCode = r.GetInt32(8),
        InputHashes = r.GetString(9), Changes = r.GetString(10),
    }, ("last", (long)Math.Max(last, 0))); // the servers read a whole result even when the reader stops early

    public static long ApprovedCases(PlainDb db) => Count(db, """SELECT COUNT(*) FROM "cases" WHERE "status" = 'approved'""");

    /// <summary>The approved cases whose child has no school certificate for the quarter.</summary>
    public static long ApprovedCasesWithoutCertificate(PlainDb db, string quarter) => Count(db, """
        SELECT COUNT(*) FROM "cases" c
        WHERE c."status" = 'approved' AND NOT EXISTS (SELECT 1 FROM "certificates" x WHERE x."child_iin" = c."child_iin" AND x."quarter" = @quarter)
        """, ("quarter", quarter));

    public static long FindingsOf(PlainDb db, string quarter) =>
        Count(db, """SELECT COUNT(*) FROM "reconcile_findings" WHERE "quarter" = @quarter""", ("quarter", quarter));

    public static long PaymentsOf(PlainDb db, string quarter) =>
        Count(db, """SELECT COUNT(*) FROM "payments" WHERE "quarter" = @quarter""", ("quarter", quarter));

    /// <summary>The quarter's batches in number order, without their files (<see cref="Queries.BatchesOfQuarter"/> has them).</summary>
    public static List<BatchRow> BatchHeadsOfQuarter(PlainDb db, string quarter) => Read(db, """
        SELECT "id", "quarter", "number", "kind", "value_date", "mrp", "coefficient", "amount_per_child_tiyn", "count", "total_tiyn", "excluded",
               "written_with", "created_at_utc", "state", "prepared_by", "prepared_by_db_login", "released_at_utc", "cancel_reason", "cancelled_by",
               "cancelled_at_utc"
        FROM "batches" WHERE "quarter" = @quarter ORDER BY "number"
        """, r => new BatchRow
    {
        Id = r.GetInt64(0), Quarter = r.GetString(1), Number = r.GetInt32(2), Kind = Codes.Parse<BatchKind>(r.GetString(3)), ValueDate = Date(r, 4),
        Mrp = r.GetInt32(5), Coefficient = r.GetDecimal(6), AmountPerChildTiyn = r.GetInt64(7), Count = r.GetInt32(8), TotalTiyn = r.GetInt64(9),
        Excluded = r.GetInt32(10), WrittenWith = r.GetString(11), CreatedAtUtc = Time(r, 12),
        State = r.GetString(13) is { Length: > 0 } state ? Codes.Parse<BatchState>(state) : PayBatchDb.NoState, PreparedBy = r.GetString(14),
        PreparedByDbLogin = TextOrNull(r, 15), ReleasedAtUtc = DateTimeOrNull(r, 16), CancelReason = TextOrNull(r, 17), CancelledBy = TextOrNull(r, 18),
        CancelledAtUtc = DateTimeOrNull(r, 19),
    }, ("quarter", quarter)).ToList();

    /// <summary>The signatures of the batches, by batch and role.</summary>
    public static List<BatchSignatureRow> Signatures(PlainDb db, IReadOnlyList<long> batchIds) => batchIds.Count == 0 ? [] : Read(db, $"""
        SELECT "id", "batch_id", "role", "iin", "name", "thumbprint", "signed_at_utc", "signed_by"
        FROM "batch_signatures" WHERE "batch_id" IN ({In("b", batchIds.Count)}) ORDER BY "batch_id", "role"
        """, r => new BatchSignatureRow
    {
        Id = r.GetInt64(0), BatchId = r.GetInt64(1), Role = r.GetString(2), Iin = r.GetString(3), Name = r.GetString(4), Thumbprint = r.GetString(5),
        SignedAtUtc = Time(r, 6), SignedBy = r.GetString(7),
    }, Values("b", batchIds)).ToList();

    /// <summary>The quarter's latest batch of a run (not a reissue), if any.</summary>
    public static long? LatestRunBatch(PlainDb db, string quarter) => Read(db, """
        SELECT "id" FROM "batches" WHERE "quarter" = @quarter AND "kind" = 'run' ORDER BY "number" DESC
        """, r => (long?)r.GetInt64(0), ("quarter", quarter)).FirstOrDefault();

    public static List<ExclusionRow> ExclusionsOfBatch(PlainDb db, long batchId) => Read(db, """
        SELECT "id", "batch_id", "quarter", "case_id", "child_iin", "reasons" FROM "exclusions" WHERE "batch_id" = @batch
        """, r => new ExclusionRow
    {
        Id = r.GetInt64(0), BatchId = r.GetInt64(1), Quarter = r.GetString(2), CaseId = r.GetString(3), ChildIin = r.GetString(4), Reasons = r.GetString(5),
    }, ("batch", batchId)).ToList();

    /// <summary>The application and decision dates of the cases decided by <paramref name="end"/>.</summary>
    public static List<(DateOnly Applied, DateOnly Decided)> DecidedBy(PlainDb db, DateOnly end) => Read(db, """
        SELECT "application_date", "decision_date" FROM "cases" WHERE "decision_date" <= @end
        """, r => (Date(r, 0), Date(r, 1)), ("end", end)).ToList();

    /// <summary>The debits the statements showed for the batches: batch, sum and count.</summary>
    public static List<(long Batch, long SumTiyn, int Count)> DebitSums(PlainDb db, IReadOnlyList<long> batchIds) => batchIds.Count == 0 ? [] : Read(db, $"""
        SELECT "batch_id", SUM("amount_tiyn"), COUNT(*) FROM "statement_entries"
        WHERE "kind" = 'debit' AND "batch_id" IN ({In("b", batchIds.Count)}) GROUP BY "batch_id"
        """, r => (r.GetInt64(0), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture)),
        Values("b", batchIds)).ToList(); // PostgreSQL sums a bigint as numeric, SQL Server counts in int

    /// <summary>The quarter's payments a confirmation named in an amount or IBAN mismatch (indicator 2.2).</summary>
    public static HashSet<long> PaymentsNamedInMismatch(PlainDb db, string quarter) => Read(db, """
        SELECT DISTINCT p."id" FROM "confirmations" c JOIN "payments" p ON c."payment_id" = p."id"
        WHERE p."quarter" = @quarter AND c."outcome" IN ('AMOUNT_MISMATCH', 'IBAN_MISMATCH')
        """, r => r.GetInt64(0), ("quarter", quarter)).ToHashSet();

    private static long Count(PlainDb db, string sql, params (string Name, object? Value)[] parameters) =>
        Read(db, sql, r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), parameters).Single(); // SQL Server's COUNT is an int

    private static string In(string prefix, int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"@{prefix}{i}"));

    private static (string, object?)[] Values<T>(string prefix, IReadOnlyList<T> values) => [.. values.Select((v, i) => ($"{prefix}{i}", (object?)v))];

    /// <summary>
    /// A stored time: on SQLite the text EF wrote, read digit by digit when it has EF's shape and by the
    /// provider otherwise, as EF reads it (a time with no kind); the servers have a time type.
    /// </summary>
    private static DateTime Time(DbDataReader r, int i) =>
        r is SqliteDataReader && DateDigits.TryReadIsoTime(r.GetString(i), out var time) ? time : r.GetDateTime(i);

    private static DateTime? DateTimeOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : Time(r, i);

    /// <summary>
    /// SQLite hands a TEXT value's bytes over in the database's own encoding: UTF-8 in every database this
    /// program creates; one created elsewhere as UTF-16 is read through the provider, as text.
    /// </summary>
    private static bool IsUtf8Sqlite(PlainDb db) =>
        db.Provider == DbProvider.Sqlite && Read(db, "PRAGMA encoding", r => r.GetString(0)).Single() == "UTF-8";

    /// <summary>The rows of <paramref name="sql"/> with its text parameters read straight from SQLite's statement, in the current transaction.</summary>
    private static IEnumerable<T> SqliteRows<T>(PlainDb db, string sql, (string Name, object? Value)[] parameters, Func<SqliteStatement, T> read)
    {
        var opened = db.OpenIfClosed();
        try
        {
            using var statement = new SqliteStatement((SqliteConnection)db.Connection, sql, [.. parameters.Select(p => p.Name)]);
            for (var i = 0; i < parameters.Length; i++) statement.Set(i, (string?)parameters[i].Value);
            foreach (var row in statement.Rows(read)) yield return row;
        }
        finally
        {
            if (opened) db.Close();
        }
    }

    public static string? TextOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>
    /// A stored date: SQLite keeps it as the text yyyy-MM-dd (as Microsoft.Data.Sqlite writes it), read
    /// digit by digit; the servers have a date type.
    /// </summary>
    public static DateOnly Date(DbDataReader r, int i) => r is SqliteDataReader ? IsoDate(r.GetString(i)) : r.GetFieldValue<DateOnly>(i);

    public static DateOnly? DateOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : Date(r, i);

    /// <summary>yyyy-MM-dd exactly, as this program writes dates; anything else is corrupt data (stricter than EF, which parses any date text).</summary>
    internal static DateOnly IsoDate(ReadOnlySpan<char> s) =>
        DateDigits.TryReadIso(s, out var date) ? date : throw new InvalidDataException($"'{s}' is not a stored date");
}
