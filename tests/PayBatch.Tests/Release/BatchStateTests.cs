using PayBatch.Core.Domain;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Release;

/// <summary>SPEC "Release": prepared → released or cancelled, stored, and what it means for runs and confirmations.</summary>
public class BatchStateTests
{
    private static List<Dictionary<string, string>> Pay(Workspace ws, int n = 3, string valueDate = "2026-01-20")
    {
        var rows = Enumerable.Range(1, n).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", valueDate,
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        return rows;
    }

    private static JsonElement ReleaseJson(Workspace ws, string folder) =>
        JsonDocument.Parse(File.ReadAllText(ws.Path_("out", "2026Q1", folder, "release.json"))).RootElement;

    [Theory]
    [ClassData(typeof(Providers))]
    public void Without_required_signatures_a_batch_is_released_when_written_and_cannot_be_cancelled(string provider)
    {
        using var ws = new Workspace(provider);
        Pay(ws);
        Assert.Equal("released", ReleaseJson(ws, "01").GetProperty("state").GetString());
        using (var db = ws.OpenDb())
        {
            var batch = db.Batches.AsNoTracking().Single();
            Assert.Equal((BatchState.Released, Environment.UserName), (batch.State, batch.PreparedBy));
            Assert.Equal(provider == "postgres", batch.PreparedByDbLogin is not null);
        }
        var r = ws.Run("cancel", "--batch", "2026Q1-01", "--reason", "wrong value date");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("already released", r.Error, StringComparison.Ordinal);
        Assert.True(Directory.Exists(ws.Path_("out", "2026Q1", "01")));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void With_signatures_required_run_prepares_the_batch_and_names_sign_as_the_next_step(string provider)
    {
        using var ws = new Workspace(provider);
        TestPki.WriteSettings(ws);
        var rows = Enumerable.Range(1, 2).Select(i => Cases.Row(i)).ToList();
        var r = ws.RunOk("--json", "run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        var json = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal("prepared", json.GetProperty("state").GetString());
        Assert.Equal("paybatch sign --batch 2026Q1-01 --certificate KEY.p12", json.GetProperty("next").GetString());
        var release = ReleaseJson(ws, "01");
        Assert.Equal("prepared", release.GetProperty("state").GetString());
        Assert.Equal(0, release.GetProperty("signatures").GetArrayLength());
        Assert.True(File.Exists(ws.Path_("out", "2026Q1", "01", "manifest.json")));

        // The accountant's screen puts the waiting batch first, names the same command, and exits 3.
        var status = ws.Run("--json", "status", "--quarter", "2026Q1", "--as-of", "2026-01-20");
        Assert.Equal(3, status.ExitCode);
        var s = JsonDocument.Parse(status.Out).RootElement;
        Assert.Equal("AWAITING_SIGNATURE", s.GetProperty("attention")[0].GetString());
        Assert.Equal(json.GetProperty("next").GetString(), s.GetProperty("next").GetString());
        Assert.Equal("prepared", s.GetProperty("batches")[0].GetProperty("state").GetString());

        // Past the deadline, still unsigned: the screen counts the payments overdue as the report does, the signature first.
        var late = JsonDocument.Parse(ws.Run("--json", "status", "--quarter", "2026Q1", "--as-of", "2026-02-20").Out).RootElement;
        var report = JsonDocument.Parse(ws.RunOk("report", "--quarter", "2026Q1", "--as-of", "2026-02-20", "--format", "json").Out).RootElement;
        Assert.Equal(["AWAITING_SIGNATURE", "OVERDUE"], late.GetProperty("attention").EnumerateArray().Select(a => a.GetString()).Take(2));
        Assert.Equal(2, late.GetProperty("overdue").GetInt32());
        Assert.Equal(report.GetProperty("sla").GetProperty("overdue").GetInt32(), late.GetProperty("overdue").GetInt32());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void A_confirmation_for_an_unreleased_batch_is_NOT_RELEASED_and_changes_nothing(string provider)
    {
        using var ws = new Workspace(provider);
        TestPki.WriteSettings(ws);
        var rows = Pay(ws, 1);
        var bank = ws.Write("bank.csv", $"reference,iban,amount,status,credited_on,reason\n2026Q1-01-000001,{rows[0]["iban"]},28112.50,credited,2026-01-21,\n");
        var r = ws.Run("reconcile", bank, "--as-of", "2026-01-21");
        Assert.Equal(3, r.ExitCode);
        var finding = File.ReadAllLines(ws.Path_("out", "2026Q1", "findings.csv")).Skip(1).Single().Split(',');
        Assert.Equal(("2026Q1-01-000001", "NOT_RELEASED"), (finding[2], finding[3]));
        using var db = ws.OpenDb();
        Assert.Equal(PaymentStatus.Issued, db.Payments.AsNoTracking().Single().Status);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Cancel_voids_a_prepared_batch_and_the_next_run_pays_its_children_under_a_new_number(string provider)
    {
        using var ws = new Workspace(provider);
        TestPki.WriteSettings(ws);
        Pay(ws);

        // The reason is free text and may name a family: kept whole in release.json, masked in the audit like the log.
        const string reason = "wrong value date; IIN 140315501021, KZ45 9657 5364 4302 3855";
        var r = ws.RunOk("--json", "cancel", "--batch", "2026Q1-01", "--reason", reason);
        Assert.Equal("cancelled", JsonDocument.Parse(r.Out).RootElement.GetProperty("state").GetString());
        Assert.False(Directory.Exists(ws.Path_("out", "2026Q1", "01")));
        var release = ReleaseJson(ws, "01-cancelled");
        Assert.Equal("cancelled", release.GetProperty("state").GetString());
        Assert.Equal(reason, release.GetProperty("cancelled").GetProperty("reason").GetString());
        using (var audit = ws.OpenDb())
        {
            var row = audit.Audit.AsNoTracking().Single(a => a.Command == "cancel");
            Assert.Contains("IIN 14********21, KZ************3855", row.Arguments, StringComparison.Ordinal);
            Assert.Contains("IIN 14********21, KZ************3855", row.Changes, StringComparison.Ordinal);
            Assert.DoesNotContain("9657", row.Arguments + row.Changes, StringComparison.Ordinal);
        }
        Assert.True(File.Exists(ws.Path_("out", "2026Q1", "01-cancelled", "manifest.json")));

        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-21");
        using (var db = ws.OpenDb())
        {
            var payments = db.Payments.AsNoTracking().OrderBy(p => p.Id).ToList();
            Assert.Equal(6, payments.Count);
            Assert.All(payments.Take(3), p => Assert.Equal(PaymentStatus.Cancelled, p.Status));
            Assert.All(payments.Skip(3), p => Assert.Equal((PaymentStatus.Issued, "2026Q1-02"), (p.Status, p.Reference[..9])));
            Assert.Equal(payments.Take(3).Select(p => p.ChildIin), payments.Skip(3).Select(p => p.ChildIin));
        }
        Assert.False(Directory.Exists(ws.Path_("out", "2026Q1", "01")));
        Assert.True(File.Exists(ws.Path_("out", "2026Q1", "02", "manifest.json")));
    }

    [Fact]
    public void The_database_allows_one_live_payment_per_child_and_quarter_but_not_counting_cancelled_ones()
    {
        using var ws = new Workspace();
        TestPki.WriteSettings(ws);
        Pay(ws, 1);
        using var db = ws.OpenDb();
        var paid = db.Payments.AsNoTracking().Single();
        var batchId = paid.BatchId;
        void Insert(string reference) => db.Database.ExecuteSqlRaw(
            "INSERT INTO payments (batch_id, reference, quarter, sequence, case_id, district, child_iin, applicant_iin, applicant_name, iban, bic, amount_tiyn, status) " +
            "SELECT batch_id, {0}, quarter, 2, case_id, district, child_iin, applicant_iin, applicant_name, iban, bic, amount_tiyn, 'issued' FROM payments WHERE id = {1}",
            reference, paid.Id);
        Assert.ThrowsAny<Microsoft.Data.Sqlite.SqliteException>(() => Insert("2026Q1-01-000002"));
        db.Database.ExecuteSqlRaw("UPDATE payments SET status = 'cancelled' WHERE id = {0}", paid.Id);
        Insert("2026Q1-01-000002");
        Assert.Equal(2, db.Payments.Count(p => p.BatchId == batchId));
    }

    [Theory]
    [InlineData("2026Q1-07", "there is no batch 2026Q1-07")]
    [InlineData("2026Q1-1", "is not a batch such as 2026Q1-01")]
    public void Cancel_refuses_a_batch_that_does_not_exist_and_one_already_cancelled(string batch, string message)
    {
        using var ws = new Workspace();
        TestPki.WriteSettings(ws);
        Pay(ws, 1);
        var r = ws.Run("cancel", "--batch", batch, "--reason", "x");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Error, StringComparison.Ordinal);
        ws.RunOk("cancel", "--batch", "2026Q1-01", "--reason", "x");
        var again = ws.Run("cancel", "--batch", "2026Q1-01", "--reason", "x");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("is cancelled", again.Error, StringComparison.Ordinal);
    }
}
