using PayBatch.Core.Batches;
using PayBatch.Core.Domain;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Runs;

/// <summary>
/// A batch numbers its payments 000001 to 999999. A quarter with more to pay is refused before the
/// run stores or writes anything (exit 2), never failed after the work; the limit is lowered here.
/// </summary>
public class BatchLimitTests
{
    [Fact]
    public async Task More_payments_than_a_batch_can_number_are_refused_before_anything_is_stored()
    {
        using var ws = new Workspace();
        var rows = Enumerable.Range(1, 5).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("import", "recipients", ws.Write("recipients.csv", Cases.Csv(rows)));
        ws.RunOk("import", "certificates", ws.Write("certificates.csv", Cases.Certificates(rows)));
        var request = new RunRequest(Quarter.Parse("2026Q1"), new DateOnly(2026, 1, 20), null, ws.OutDir, DryRun: false);

        await using (var db = ws.OpenDb())
        {
            var tooMany = new QuarterRun(db, ReferenceData.Load(), new PaymentTerms(), ws.Clock, Serilog.Core.Logger.None) { MaxPayments = 4 };
            var e = await Assert.ThrowsAsync<InputException>(() => tooMany.ExecuteAsync(request, null, CancellationToken.None));
            Assert.Contains("5 payments", e.Message, StringComparison.Ordinal);
            Assert.Contains("at most 4", e.Message, StringComparison.Ordinal);
            Assert.Empty(db.Batches);
            Assert.Empty(db.Payments);
            Assert.False(Directory.Exists(ws.Path_("out", "2026Q1", "01")));
        }

        await using (var db = ws.OpenDb())
        {
            var enough = new QuarterRun(db, ReferenceData.Load(), new PaymentTerms(), ws.Clock, Serilog.Core.Logger.None) { MaxPayments = 5 };
            var outcome = await enough.ExecuteAsync(request, null, CancellationToken.None);
            Assert.Equal(5, outcome.Batch!.Payments.Count);
        }
    }
}
