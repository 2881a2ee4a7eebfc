using Microsoft.SqlServer.TransactSql.ScriptDom;
using PayBatch.Core.Persistence;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Runs;

/// <summary>
/// No SQL Server runs here, so every statement written by hand for it — and the whole migration
/// script — is at least parsed by Microsoft's own T-SQL parser.
/// </summary>
public class SqlServerSqlTests
{
    private static void AssertParses(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")) + "\n" + sql);
    }

    public static TheoryData<string> HandWritten()
    {
        var data = new TheoryData<string>
        {
            SqlDialect.Merge("cases", ["case_id"], ["case_id", "district", "iban", "bank_bic", "status"]),
            SqlDialect.Merge("certificates", ["quarter", "child_iin", "certificate_no"], ["child_iin", "quarter", "certificate_no", "issued_on", "school"]),
            SqlDialect.Insert("payments", ["batch_id", "reference", "amount_tiyn", "replaces_payment_id"]),
            Core.Persistence.UpsertSink.HistorySql,
            Core.Reconciliation.Reconciler.UpdateSql,
            WriteLock.SqlServerLock,
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(HandWritten))]
    public void Hand_written_statements_parse_as_T_SQL(string sql) => AssertParses(sql);

    [Fact]
    public void The_SQL_Server_migration_script_parses() =>
        AssertParses(File.ReadAllText(Path.Combine(Repo.TestData, "golden", "init", "sqlserver.sql")));

    [Fact]
    public void The_parser_is_not_a_rubber_stamp()
    {
        var parser = new TSql160Parser(true);
        parser.Parse(new StringReader("MERGE cases AS t USING (SELECT 1) AS s ON WHEN MATCHED"), out var errors);
        Assert.NotEmpty(errors);
    }
}
