using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PayBatch.Core.Domain;

namespace PayBatch.Core.Persistence;

/// <summary>
/// The reads of a million rows, by hand: one SELECT, each row mapped straight to what the step keeps.
/// EF materialises an entity per row through its shaper and parses every stored date with the culture's
/// full date parser, which cost a run most of its deciding time (issue 15). The small reads stay in
/// <see cref="Queries"/>. Each read here is checked against EF's reading of the same rows on SQLite and
/// PostgreSQL (PlainReadsTests; no SQL Server runs here), so a column renamed in the model fails there.
/// </summary>
internal static class PlainReads
{
    /// <summary>
    /// Runs <paramref name="sql"/> in the current transaction (opening the connection if EF has not) and
    /// yields each row mapped; synchronous, since an async read costs a task per row.
    /// </summary>
    public static IEnumerable<T> Read<T>(PayBatchDb db, string sql, Func<DbDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened) db.Database.OpenConnection();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandTimeout = db.Database.GetCommandTimeout() ?? 60;
            foreach (var (name, value) in parameters)
            {
                var p = command.CreateParameter();
                p.ParameterName = "@" + name;
                p.Value = value;
                command.Parameters.Add(p);
            }
            using var reader = command.ExecuteReader();
            while (reader.Read()) yield return map(reader);
        }
        finally
        {
            if (opened) db.Database.CloseConnection();
        }
    }

    /// <summary>Every case, in table order (on SQLite the order of import; the caller sorts), as the decision reads it.</summary>
    public static IEnumerable<RecipientCase> Cases(PayBatchDb db) => Read(db, """
        SELECT case_id, district, applicant_iin, applicant_name, applicant_role, guardianship_ref, child_iin, child_name,
               child_birth_date, application_date, decision_no, decision_date, disability_cert_no, disability_valid_to,
               home_education_from, home_education_to, study_end_date, bank_bic, iban, status
        FROM cases
        """, r => new RecipientCase
    {
        CaseId = r.GetString(0), District = r.GetString(1), ApplicantIin = r.GetString(2), ApplicantName = r.GetString(3),
        ApplicantRole = Codes.Parse<ApplicantRole>(r.GetString(4)), GuardianshipRef = TextOrNull(r, 5), ChildIin = r.GetString(6),
        ChildName = r.GetString(7), ChildBirthDate = Date(r, 8), ApplicationDate = Date(r, 9), DecisionNo = r.GetString(10),
        DecisionDate = Date(r, 11), DisabilityCertNo = r.GetString(12), DisabilityValidTo = DateOrNull(r, 13), HomeEducationFrom = Date(r, 14),
        HomeEducationTo = DateOrNull(r, 15), StudyEndDate = DateOrNull(r, 16), BankBic = r.GetString(17), Iban = r.GetString(18),
        Status = Codes.Parse<CaseStatus>(r.GetString(19)),
    });

    /// <summary>The payments of the quarters with their batch's value date and state, in reference order (<see cref="Queries.PaymentViews"/> by hand).</summary>
    public static IEnumerable<PaymentView> PaymentViews(PayBatchDb db, IReadOnlyList<string> quarters) => quarters.Count == 0 ? [] : Read(db, $"""
        SELECT p.id, p.reference, p.quarter, p.case_id, p.child_iin, p.district, p.bic, p.iban, p.amount_tiyn, p.status, p.credited_on,
               p.status_reason, p.replaces_payment_id, b.value_date, b.state
        FROM payments p JOIN batches b ON p.batch_id = b.id
        WHERE p.quarter IN ({string.Join(", ", quarters.Select((_, i) => $"@q{i}"))})
        ORDER BY p.reference
        """, r => new PaymentView(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
            r.GetString(7), r.GetInt64(8), Codes.Parse<PaymentStatus>(r.GetString(9)), DateOrNull(r, 10), TextOrNull(r, 11),
            r.IsDBNull(12) ? null : r.GetInt64(12), Date(r, 13), r.GetString(14) is { Length: > 0 } state ? Codes.Parse<BatchState>(state) : PayBatchDb.NoState),
        [.. quarters.Select((q, i) => ($"q{i}", (object)q))]);

    /// <summary>The children of a quarter's payments other than cancelled ones.</summary>
    public static ChildIins ChildrenWithPayments(PayBatchDb db, string quarter) =>
        Iins(db, "SELECT child_iin FROM payments WHERE quarter = @quarter AND status <> 'cancelled'", quarter);

    /// <summary>The children with a school certificate for the quarter.</summary>
    public static ChildIins CertifiedChildren(PayBatchDb db, string quarter) =>
        Iins(db, "SELECT child_iin FROM certificates WHERE quarter = @quarter", quarter);

    /// <summary>
    /// The children of more than one approved case. SQLite would group them in the order of the child's index,
    /// fetching each case from the table at random (7 s at a million cases); read in table order and sorted,
    /// 0.8 s. Counting them here instead would hold a set of a million IINs (issue 15's memory).
    /// </summary>
    public static ChildIins ChildrenInSeveralApprovedCases(PayBatchDb db) =>
        Iins(db, $"SELECT child_iin FROM {(db.Provider == DbProvider.Sqlite ? "cases NOT INDEXED" : "cases")} WHERE status = 'approved' GROUP BY child_iin HAVING COUNT(*) > 1", null);

    /// <summary>
    /// A column of IINs as a set, each IIN handed over as its UTF-8 bytes where the provider can (SQLite: no
    /// string made for a million IINs that end as numbers), else as text.
    /// </summary>
    private static ChildIins Iins(PayBatchDb db, string sql, string? quarter)
    {
        var set = new ChildIins([]);
        // SQLite hands a TEXT value's bytes over in the database's own encoding: UTF-8 in every database this
        // program creates; one created elsewhere as UTF-16 is read as text.
        if (db.Provider != DbProvider.Sqlite || Read(db, "PRAGMA encoding", r => r.GetString(0)).Single() != "UTF-8")
        {
            foreach (var iin in Read(db, sql, r => r.GetString(0), quarter is null ? [] : [("quarter", quarter)])) set.Add(iin);
            return set;
        }
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened) db.Database.OpenConnection();
        try
        {
            using var statement = new SqliteStatement(connection, sql, quarter is null ? [] : ["quarter"]);
            if (quarter is not null) statement.Set(0, quarter);
            statement.Query(iin => set.Add(iin));
        }
        finally
        {
            if (opened) db.Database.CloseConnection();
        }
        return set;
    }

    public static string? TextOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    /// <summary>
    /// A stored date: SQLite keeps it as the text yyyy-MM-dd (as Microsoft.Data.Sqlite writes it), read
    /// digit by digit; the servers have a date type.
    /// </summary>
    public static DateOnly Date(DbDataReader r, int i) => r is SqliteDataReader ? IsoDate(r.GetString(i)) : r.GetFieldValue<DateOnly>(i);

    public static DateOnly? DateOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : Date(r, i);

    /// <summary>yyyy-MM-dd exactly, as this program writes dates; anything else is corrupt data (stricter than EF, which parses any date text).</summary>
    internal static DateOnly IsoDate(string s) =>
        DateDigits.TryReadIso(s, out var date) ? date : throw new InvalidDataException($"'{s}' is not a stored date");
}
