using PayBatch.Tests.Support;

namespace PayBatch.Tests.Runs;

/// <summary>
/// An output folder that cannot be written is refused before the batch is decided (exit 2, nothing
/// changed); a bank file that cannot be written before the commit records nothing; a write that still
/// fails after the commit says that the batch is recorded and its files are not (exit 1), and the next
/// run writes them.
/// </summary>
public class OutputFolderTests
{
    private static Workspace Registry()
    {
        var ws = new Workspace();
        var rows = new[] { Cases.Row(1), Cases.Row(2) };
        ws.RunOk("import", "recipients", ws.Write("r.csv", Cases.Csv(rows)));
        ws.RunOk("import", "certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        return ws;
    }

    private static int Batches(Workspace ws)
    {
        using var db = ws.OpenDb();
        return db.Batches.Count() + db.Payments.Count();
    }

    [Fact]
    public void Out_at_an_existing_file_is_refused_before_anything_is_decided()
    {
        using var ws = Registry();
        var file = ws.Write("not-a-folder", "x");
        var r = ws.Run("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--out", file);
        Assert.True(r.ExitCode == 2, r.Error);
        Assert.Contains(file, r.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", r.Error, StringComparison.Ordinal);
        Assert.Equal(0, Batches(ws));
    }

    [Fact]
    public void Out_in_a_folder_that_cannot_be_written_is_refused_before_anything_is_decided()
    {
        using var ws = Registry();
        var unwritable = Path.Combine(ws.Write("blocker", "x"), "out");
        var r = ws.Run("run", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--out", unwritable);
        Assert.True(r.ExitCode == 2, r.Error);
        Assert.Contains(unwritable, r.Error, StringComparison.Ordinal);
        Assert.Equal(0, Batches(ws));
        var reissue = ws.Run("reissue", "--quarter", "2026Q1", "--value-date", "2026-01-20", "--all-rejected", "--out", unwritable);
        Assert.True(reissue.ExitCode == 2, reissue.Error);
    }

    [Fact]
    public void Reconcile_refuses_an_output_folder_that_cannot_be_written_before_anything_is_applied()
    {
        using var ws = Registry();
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20");
        var bank = ws.Write("bank.csv", "reference,iban,amount,status,credited_on,reason\n2026Q1-01-000001,,28112.50,credited,2026-01-21,\n");
        var unwritable = Path.Combine(ws.Write("blocker", "x"), "out");
        var r = ws.Run("reconcile", bank, "--as-of", "2026-01-22", "--out", unwritable);
        Assert.True(r.ExitCode == 2, r.Error);
        Assert.Contains(unwritable, r.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", r.Error, StringComparison.Ordinal);
        using var db = ws.OpenDb();
        Assert.Equal(0, db.Confirmations.Count());
        Assert.All(db.Payments.ToList(), p => Assert.Equal(Core.Domain.PaymentStatus.Issued, p.Status));
    }

    [Fact]
    public void A_write_failing_after_the_commit_says_the_batch_is_recorded_and_the_next_run_writes_its_files()
    {
        using var ws = Registry();
        var folder = ws.Path_("out", "2026Q1", "01");
        Directory.CreateDirectory(Path.Combine(folder, "manifest.json")); // the bank files go in before the commit, the manifest cannot after it
        var r = ws.Run("run", "--quarter", "2026Q1", "--value-date", "2026-01-20");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("batch 2026Q1-01 is recorded", r.Error, StringComparison.Ordinal);
        Assert.Contains("not written to " + folder, r.Error, StringComparison.Ordinal);
        Assert.Contains("next 'paybatch run --quarter 2026Q1' writes them", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing half-done", r.Error, StringComparison.Ordinal);
        Assert.Equal(1 + 2, Batches(ws));

        Directory.Delete(Path.Combine(folder, "manifest.json"));
        var again = ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20");
        Assert.Contains("Re-created missing file", again.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "manifest.json")));
        Assert.Equal(1 + 2, Batches(ws));
    }

    [Fact]
    public void A_bank_file_that_cannot_be_written_before_the_commit_records_nothing_and_leaves_nothing()
    {
        using var ws = Registry();
        var folder = ws.Path_("out", "2026Q1", "01");
        Directory.CreateDirectory(ws.Path_("out", "2026Q1"));
        File.WriteAllText(folder, "a file where the batch folder goes");
        var r = ws.Run("run", "--quarter", "2026Q1", "--value-date", "2026-01-20");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("nothing half-done", r.Error, StringComparison.Ordinal);
        Assert.Equal(0, Batches(ws));
        Assert.Equal(["01"], Directory.GetFileSystemEntries(ws.Path_("out", "2026Q1")).Select(Path.GetFileName));

        File.Delete(folder);
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20");
        Assert.True(File.Exists(Path.Combine(folder, "manifest.json")));
        Assert.Empty(Directory.GetFiles(folder, "*.partial"));
        Assert.Equal(1 + 2, Batches(ws));
    }

    /// <summary>
    /// The XSD check of a run's pain.001 reads the file as written: one the bank would refuse (an applicant without a
    /// name, which the import never lets through) fails the batch before its commit and leaves no file, not even its
    /// temporary.
    /// </summary>
    [Fact]
    public async Task A_pain001_that_fails_its_check_on_disk_records_nothing_and_leaves_nothing()
    {
        using var ws = Registry();
        var q = Core.Domain.Quarter.Parse("2026Q1");
        var amount = Core.Domain.Tenge.PerChild(6.5m, 4325);
        var payments = Enumerable.Range(1, 3).Select(i => new Core.Batches.Payment(new Core.Domain.PaymentReference(q, 1, i), $"C-{i}", "d",
            Core.Domain.Iin.Parse(Cases.MakeIin(new DateOnly(2014, 1, 1), serial: i)), Core.Domain.Iin.Parse("860702401019"), i == 2 ? "" : "Иванова Мария Петровна",
            Core.Domain.Iban.Parse(Cases.MakeIban("601", i)), Core.Domain.Bic.Parse("HSBKKZKX"), amount)).ToList();
        var terms = new Core.Batches.PaymentTerms
        {
            Department = new Core.Batches.Department { Name = "ГУ", Bin = "080340001230", Iban = "KZ28070KZT0000123456", Bic = "KKMFKZ2A" },
            Knp = "999",
        };
        var batch = new Core.Batches.Batch(q, 1, new DateOnly(2026, 1, 20), 4325, 6.5m, amount,
            Core.Batches.BatchTerms.For(q, payments, Core.Domain.BankFileFormat.Pain001, terms, Core.Domain.ReferenceData.Load().Banks), payments, []);
        var outDir = ws.Path_("out");
        using (var db = ws.OpenDb())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Core.Batches.BatchStore.CreateAsync(db, batch, Core.Domain.BatchKind.Run, false,
                null, outDir, new DateTime(2026, 1, 20, 0, 0, 0, DateTimeKind.Utc), Serilog.Core.Logger.None, CancellationToken.None));
            Assert.Contains("pain.001 for HSBKKZKX is not valid against the XSD", refused.Message, StringComparison.Ordinal);
        }
        Assert.Equal(0, Batches(ws));
        Assert.False(Directory.Exists(Path.Combine(outDir, "2026Q1", "01")), "no file, no temporary, no folder made for them");
    }

    [Fact]
    public void A_lost_bank_file_is_restored_only_when_it_comes_back_byte_identical()
    {
        using var ws = Registry();
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20");
        var folder = ws.Path_("out", "2026Q1", "01");
        string name;
        using (var db = ws.OpenDb())
        {
            var file = db.BatchFiles.First();
            name = file.FileName;
            file.Sha256 = new string('0', 64); // as if the program now rendered it differently
            db.SaveChanges();
        }
        File.Delete(Path.Combine(folder, name));
        var r = ws.Run("run", "--quarter", "2026Q1", "--value-date", "2026-01-20");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("would not be re-created identically", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, name)));
        Assert.Empty(Directory.GetFiles(folder, "*.partial", SearchOption.AllDirectories));
    }
}
