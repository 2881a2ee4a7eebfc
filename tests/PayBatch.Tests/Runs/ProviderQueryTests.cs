using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Persistence;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Runs;

/// <summary>
/// Every query of <see cref="Queries"/> translated by each provider, without a server: a query a
/// provider cannot translate (or translates to something unexpected) fails here.
/// </summary>
public class ProviderQueryTests
{
    public static TheoryData<DbProvider, string> AllProviders => new()
    {
        { DbProvider.SqlServer, "Server=localhost;Database=paybatch;TrustServerCertificate=true" },
        { DbProvider.Postgres, "Host=localhost;Database=paybatch" },
        { DbProvider.Sqlite, "Data Source=:memory:" },
    };

    [Theory]
    [MemberData(nameof(AllProviders))]
    public void Every_query_translates(DbProvider provider, string connectionString)
    {
        using var db = DbFactory.Create(provider, connectionString);
        string[] quarters = ["2026Q1"];
        var sql = new Dictionary<string, string>
        {
            ["AllCases"] = db.AllCases().ToQueryString(),
            ["CasesById"] = db.CasesById(["C-1"]).ToQueryString(),
            ["UnreplacedRejections"] = db.UnreplacedRejections("2026Q1").ToQueryString(),
            ["PaymentsOfQuarters"] = db.PaymentsOfQuarters(quarters).ToQueryString(),
            ["PaymentsOfBatch"] = db.PaymentsOfBatch(1).ToQueryString(),
            ["BatchNumbers"] = db.BatchNumbers("2026Q1").ToQueryString(),
            ["BatchesOfQuarter"] = db.BatchesOfQuarter("2026Q1").ToQueryString(),
            ["SeenConfirmationLines"] = db.SeenConfirmationLines(["abc"]).ToQueryString(),
            ["PaymentByReference"] = db.PaymentByReference("2026Q1-01-000001").ToQueryString(),
            ["PaymentById"] = db.PaymentById(1).ToQueryString(),
            ["ReplacementOf"] = db.ReplacementOf(1).ToQueryString(),
            ["ConfirmationsOf"] = db.ConfirmationsOf("2026Q1-01-000001").ToQueryString(),
            ["BatchByName"] = db.BatchByName("2026Q1", 1).ToQueryString(),
        };
        Assert.All(sql.Values, s => Assert.Contains("SELECT", s, StringComparison.Ordinal));
        // The filtered unique index that keeps a child from being paid twice exists in every model.
        var index = db.Model.FindEntityType(typeof(PaymentRow))!.GetIndexes().Single(i => i.GetDatabaseName() == "ux_payments_live_child_quarter");
        Assert.True(index.IsUnique);
        Assert.Contains("NOT IN ('rejected', 'returned', 'cancelled')", index.GetFilter(), StringComparison.Ordinal);
        if (provider == DbProvider.SqlServer)
        {
            Assert.Contains("[status] NOT IN ('rejected', 'returned', 'cancelled')", index.GetFilter(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    [InlineData("sqlserver")]
    public void Init_script_matches_its_golden_file(string provider)
    {
        using var ws = new Workspace();
        var r = ws.RunOk("init", "--script", "--provider", provider, "--db", provider == "sqlite" ? "Data Source=x.db" : "Server=none;Host=none;Database=none");
        Assert.Contains("CREATE TABLE", r.Out, StringComparison.Ordinal);
        Golden.Match(Path.Combine(Repo.TestData, "golden", "init", $"{provider}.sql"), System.Text.Encoding.UTF8.GetBytes(r.Out));
    }
}
