using System.Globalization;
using System.Text;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using PayBatch.Core.Batches;
using PayBatch.Core.Domain;
using PayBatch.Core.Formats;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Formats;

public class FormatTests
{

    /// <summary>The shipped data, with a test bank directory in which KCJBKZKX takes Windows-1251 and NURSKZKX caps MT102.</summary>
    private static readonly ReferenceData Data = ReferenceData.Load(Path.Combine(Repo.TestData, "bank-preferences"));
    private static readonly Quarter Q1 = Quarter.Parse("2026Q1");

    private static readonly PaymentTerms Terms = new()
    {
        Department = new Department
        {
            Name = "ГУ «Управление занятости и социальных программ города Астаны»", Bin = "080340001230",
            Iban = "KZ28070KZT0000123456", Bic = "KKMFKZ2A", Chief = "Сейткали А. Б.", ChiefAccountant = "Иманова Г. К.",
        },
        Knp = "999",
    };

    private static readonly (string Name, string Iin, string Bic, string Code)[] People =
    [
        ("Әбдіров Нұрлан Серікұлы", "840220395959", "HSBKKZKX", "601"),
        ("Иванова Мария Петровна", "860702401019", "HSBKKZKX", "601"),
        ("Қасымова Гүлнар Болатқызы", "810401400243", "KCJBKZKX", "856"),
        ("Ли Артур", "900415351267", "NURSKZKX", "849"),
        ("Ержанов Қайрат Болатұлы", "870516428031", "NURSKZKX", "849"),
    ];

    private static Batch SampleBatch(BankFileFormat? format)
    {
        var amount = Tenge.PerChild(6.5m, 4325);
        var payments = People.Select((p, i) => new Payment(new PaymentReference(Q1, 1, i + 1), $"C-{i + 1:000}", "Есильский район",
            Iin.Parse(Cases.MakeIin(new DateOnly(2014, 1, 1).AddDays(i * 40), serial: i + 1)), Iin.Parse(p.Iin), p.Name, Iban.Parse(Cases.MakeIban(p.Code, 5000 + i)),
            Bic.Parse(p.Bic), amount)).ToList();
        return new Batch(Q1, 1, new DateOnly(2026, 1, 20), 4325, 6.5m, amount, BatchTerms.For(Q1, payments, format, Terms, Data.Banks), payments, []);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("pain001")]
    [InlineData("mt102")]
    public void Each_format_matches_its_golden_files(string formatName)
    {
        Assert.True(BankFileFormats.TryParse(formatName, out var format));
        var dir = Path.Combine(Path.GetTempPath(), "paybatch-tests", "golden-" + Guid.NewGuid().ToString("N")[..8]);
        BatchStore.WriteFolder(dir, BatchDocuments.All(SampleBatch(format)));
        try { Golden.MatchFolder(Path.Combine(Repo.TestData, "golden", formatName), dir); }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [InlineData(false, ',')]
    [InlineData(true, ';')]
    public void A_csv_bank_file_written_in_pieces_is_the_whole_text_encoded_at_once(bool windows1251, char delimiter)
    {
        // More rows than one piece (4096), Kazakh letters in the names: the pieces must join to exactly the one encoding.
        var batch = LargeBatch(BankFileFormat.Csv);
        var payments = batch.Payments;
        var terms = new BankFileTerms(BankFileFormat.Csv, windows1251, delimiter);
        var whole = new Core.Output.CsvText(delimiter, forPeople: false).Row(CsvBankFile.Columns);
        foreach (var p in payments)
            whole.Row(p.Reference.ToString(), p.Iban.Value, p.Bic.Value, p.ApplicantIin.Value, p.ApplicantName, p.Amount.ToString(), "KZT", batch.Terms.Knp ?? "",
                batch.Terms.PurposeRu, "2026-01-20");
        var expected = windows1251 ? Transliteration.ToWindows1251(whole.ToString()) : whole.ToUtf8();
        Assert.Equal(expected, CsvBankFile.Write(batch, payments, terms));
    }

    /// <summary>A batch of 10,000 payments to the banks of <see cref="People"/>: more than one piece of every streamed writer.</summary>
    private static Batch LargeBatch(BankFileFormat format)
    {
        var amount = Tenge.PerChild(6.5m, 4325);
        var payments = Enumerable.Range(0, 10_000).Select(i => People[i % People.Length]).Select((p, i) => new Payment(new PaymentReference(Q1, 1, i + 1),
            $"C-{i + 1:00000}", "Есильский район", Iin.Parse(Cases.MakeIin(new DateOnly(2014, 1, 1).AddDays(i % 300), serial: i % 900 + 1)), Iin.Parse(p.Iin), p.Name,
            Iban.Parse(Cases.MakeIban(p.Code, 5000 + i)), Bic.Parse(p.Bic), amount)).ToList();
        return new Batch(Q1, 1, new DateOnly(2026, 1, 20), 4325, 6.5m, amount, BatchTerms.For(Q1, payments, format, Terms, Data.Banks), payments, []);
    }

    [Fact]
    public void An_MT102_file_written_in_pieces_carries_every_payment_once_in_order()
    {
        // NURSKZKX has a transit account (one message of thousands of payments); KCJBKZKX is on Windows-1251 with Kazakh names.
        var batch = LargeBatch(BankFileFormat.Mt102);
        batch = batch with { Terms = batch.Terms with { Banks = new(batch.Terms.Banks, StringComparer.Ordinal)
        {
            ["KCJBKZKX"] = batch.Terms.Banks["KCJBKZKX"] with { TransitAccount = "KZ968560000000000001" },
        } } };
        foreach (var plan in BatchDocuments.BankFilePlans(batch))
        {
            var terms = batch.Terms.Banks[plan.Bic];
            var output = new CountingStream();
            plan.Write(output);
            var bytes = output.ToArray();
            Assert.True(output.Writes > 1, $"{plan.Bic}: written in pieces");
            Assert.Equal(bytes, BatchDocuments.BankFiles(batch).Single(f => f.Bic == plan.Bic).Content);
            var text = terms.Windows1251 ? Core.Formats.Encodings.Windows1251.GetString(bytes) : Encoding.UTF8.GetString(bytes);
            var read = Mt102File.Read(text).SelectMany(m => m.Payments).ToList();
            var written = batch.Payments.Where(p => p.Bic.Value == plan.Bic).ToList();
            Assert.Equal(written.Select(p => (p.Iban.Value, p.Amount)), read.Select(r => (r.Iban, r.Amount)));
            Assert.EndsWith("-}\r\n", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_pain001_file_is_written_to_its_stream_as_it_is_made_and_checked_from_the_stream()
    {
        var batch = LargeBatch(BankFileFormat.Pain001);
        var plan = BatchDocuments.BankFilePlans(batch).First(p => p.Bic == "HSBKKZKX");
        var output = new CountingStream();
        plan.Write(output);
        Assert.True(output.Writes > 10, "written in pieces, not as one buffer");
        var bytes = output.ToArray();
        Assert.Equal(4000, XDocument.Parse(Encoding.UTF8.GetString(bytes)).Descendants(XName.Get("EndToEndId", Pain001File.Namespace)).Count());
        plan.Check!(new MemoryStream(bytes));
        var broken = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>XXX</PmtMtd>", StringComparison.Ordinal));
        var refused = Assert.Throws<InvalidOperationException>(() => plan.Check(new MemoryStream(broken)));
        Assert.Contains("pain.001 for HSBKKZKX is not valid against the XSD", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("pain001")]
    [InlineData("mt102")]
    public void A_dry_runs_measure_of_each_bank_file_is_its_hash_and_size(string formatName)
    {
        Assert.True(BankFileFormats.TryParse(formatName, out var format));
        var batch = LargeBatch(format);
        var measured = BatchDocuments.BankFilesMeasured(batch);
        Assert.Equal(BatchDocuments.BankFiles(batch).Select(f => (f.FileName, f.Sha256, f.Length, f.Count, f.Total)),
            measured.Select(f => (f.FileName, f.Sha256, f.Length, f.Count, f.Total)));
        Assert.All(measured, f => Assert.Empty(f.Content));
    }

    [Fact]
    public void A_dry_run_refuses_a_pain001_that_fails_its_check()
    {
        // The first payment's empty name breaks the XSD (Nm is 1 to 140 characters); megabytes of the file follow it.
        var batch = LargeBatch(BankFileFormat.Pain001);
        batch = batch with { Payments = [batch.Payments[0] with { ApplicantName = "" }, .. batch.Payments.Skip(1)] };
        var refused = Assert.Throws<InvalidOperationException>(() => BatchDocuments.BankFilesMeasured(batch));
        Assert.Contains("pain.001 for HSBKKZKX is not valid against the XSD", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_that_stops_early_or_a_writer_that_fails_ends_the_measure_with_its_own_error()
    {
        // 16 MB to write, far past what the pipe holds while nobody reads: a writer left waiting would hang this test.
        void Write(Stream s)
        {
            var block = new byte[1 << 16];
            for (var i = 0; i < 256; i++) s.Write(block);
        }
        BankFilePlan Plan(Action<Stream> write, Action<Stream> check) => new("X.xml", "HSBKKZKX", BankFileFormat.Pain001, 1, Tenge.Zero, write, check);

        var measuring = Task.Run(() => BatchDocuments.Measure(Plan(Write, _ => throw new InvalidOperationException("refused at once"))));
        Assert.True(((IAsyncResult)measuring).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(30)), "the writer was left waiting for a check that had stopped");
        var early = Assert.Throws<InvalidOperationException>(() => measuring.GetAwaiter().GetResult());
        Assert.Equal("refused at once", early.Message);
        var writer = Assert.Throws<InputException>(() => BatchDocuments.Measure(Plan(s =>
        {
            s.Write(new byte[1000]);
            throw new InputException(Core.Localization.CoreText.NotWindows1251, "674E");
        }, s => s.CopyTo(Stream.Null))));
        Assert.Contains("674E", writer.Message, StringComparison.Ordinal);
        var read = 0L;
        var whole = BatchDocuments.Measure(Plan(Write, s => read = CountBytes(s)));
        Assert.Equal((1L << 24, 1L << 24), (whole.Length, read));
    }

    private static long CountBytes(Stream s)
    {
        var (buffer, total) = (new byte[8192], 0L);
        for (int n; (n = s.Read(buffer)) > 0;) total += n;
        return total;
    }

    /// <summary>A memory stream that counts the writes it was given.</summary>
    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            base.Write(buffer);
        }

        public override void WriteByte(byte value)
        {
            Writes++;
            base.WriteByte(value);
        }
    }

    [Fact]
    public void Every_pain001_written_validates_against_the_official_XSD()
    {
        var schemas = new System.Xml.Schema.XmlSchemaSet { XmlResolver = null };
        schemas.Add(null, Path.Combine(Repo.Iso20022, "pain.001.001.09.xsd"));
        foreach (var file in BatchDocuments.BankFiles(SampleBatch(BankFileFormat.Pain001)))
            Assert.Empty(Iso20022Schema.Validate(file.Content, schemas));
        // The validator is not a rubber stamp: a broken document is reported.
        var broken = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(BatchDocuments.BankFiles(SampleBatch(BankFileFormat.Pain001))[0].Content).Replace("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>XXX</PmtMtd>", StringComparison.Ordinal));
        Assert.NotEmpty(Iso20022Schema.Validate(broken, schemas));
    }

    [Fact]
    public void Pain001_carries_the_reference_as_EndToEndId_and_the_payer_and_KNP()
    {
        var file = BatchDocuments.BankFiles(SampleBatch(BankFileFormat.Pain001)).First(f => f.Bic == "HSBKKZKX");
        var doc = XDocument.Parse(Encoding.UTF8.GetString(file.Content));
        XNamespace n = Pain001File.Namespace;
        Assert.Equal(["2026Q1-01-000001", "2026Q1-01-000002"], doc.Descendants(n + "EndToEndId").Select(e => e.Value));
        Assert.Equal("2", doc.Descendants(n + "GrpHdr").Single().Element(n + "NbOfTxs")!.Value);
        Assert.Equal("56225.00", doc.Descendants(n + "GrpHdr").Single().Element(n + "CtrlSum")!.Value);
        Assert.Equal("KZ28070KZT0000123456", doc.Descendants(n + "DbtrAcct").Single().Descendants(n + "IBAN").Single().Value);
        Assert.All(doc.Descendants(n + "Purp"), p => Assert.Equal("999", p.Value));
        Assert.Contains("Әбдіров Нұрлан Серікұлы", doc.Descendants(n + "Cdtr").Select(c => c.Element(n + "Nm")!.Value));
    }

    [Fact]
    public void Mt102_round_trips_to_the_same_payments()
    {
        var batch = SampleBatch(BankFileFormat.Mt102);
        foreach (var file in BatchDocuments.BankFiles(batch))
        {
            var terms = batch.Terms.Banks[file.Bic!];
            var text = terms.Windows1251 ? Core.Formats.Encodings.Windows1251.GetString(file.Content) : Encoding.UTF8.GetString(file.Content);
            var messages = Mt102File.Read(text);
            var read = messages.SelectMany(m => m.Payments).ToList();
            var written = batch.Payments.Where(p => p.Bic.Value == file.Bic).ToList();
            Assert.Equal(written.Count, read.Count);
            foreach (var (w, r) in written.Zip(read))
            {
                var (surname, name, patronymic) = Mt102File.SplitName(terms.Windows1251 ? Transliteration.KazakhToRussian(w.ApplicantName) : w.ApplicantName);
                Assert.Equal((w.Amount, w.ApplicantIin.Value, w.Iban.Value, surname, name, patronymic), (r.Amount, r.Iin, r.Iban, r.Surname, r.Name, r.Patronymic));
                Assert.Equal(w.ApplicantIin.BirthDate, r.BirthDate);
            }
            Assert.All(messages, m =>
            {
                Assert.Equal(m.Payments.Sum(p => p.Amount), m.Total);
                Assert.Equal(new DateOnly(2026, 1, 20), m.ValueDate);
                Assert.Equal("999", m.Knp);
                Assert.Equal(file.Bic, m.BeneficiaryBic);
                Assert.True(m.PayerName.Length <= 60);
            });
        }
    }

    [Fact]
    public void Mt102_splits_messages_where_the_bank_caps_them()
    {
        var amount = Tenge.PerChild(6.5m, 4325);
        var payments = Enumerable.Range(1, 7).Select(i => new Payment(new PaymentReference(Q1, 1, i), $"C-{i}", "d", Iin.Parse("140315501021"),
            Iin.Parse("860702401019"), "Иванова Мария Петровна", Iban.Parse(Cases.MakeIban("849", i)), Bic.Parse("NURSKZKX"), amount)).ToList();
        var terms = new BankFileTerms(BankFileFormat.Mt102, Mt102MaxPayments: 3, TransitAccount: "KZ968490000000000001");
        var batch = new Batch(Q1, 1, new DateOnly(2026, 1, 20), 4325, 6.5m, amount,
            BatchTerms.For(Q1, payments, BankFileFormat.Mt102, Terms, Data.Banks) with { Banks = new(StringComparer.Ordinal) { ["NURSKZKX"] = terms } }, payments, []);
        var messages = Mt102File.Read(Encoding.UTF8.GetString(BatchDocuments.BankFiles(batch).Single().Content));
        Assert.Equal([3, 3, 1], messages.Select(m => m.Payments.Count));
        Assert.All(messages, m => Assert.Equal("KZ968490000000000001", m.Account));
        var capped = batch with { Terms = batch.Terms with { Banks = new(StringComparer.Ordinal) { ["NURSKZKX"] = terms with { Mt102MaxPayments = null, Mt102MaxTotalTiyn = 6_000_000 } } } };
        Assert.Equal([2, 2, 2, 1], Mt102File.Read(Encoding.UTF8.GetString(BatchDocuments.BankFiles(capped).Single().Content)).Select(m => m.Payments.Count));
    }

    [Fact]
    public void Without_a_transit_account_each_MT102_message_carries_one_payment_to_its_own_account()
    {
        var batch = SampleBatch(BankFileFormat.Mt102);
        var messages = Mt102File.Read(Encoding.UTF8.GetString(BatchDocuments.BankFiles(batch).First(f => f.Bic == "HSBKKZKX").Content));
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(m.Payments.Single().Iban, m.Account));
    }

    [Fact]
    public void Windows1251_banks_get_transliterated_Kazakh_letters_never_a_question_mark()
    {
        var batch = SampleBatch(BankFileFormat.Csv);
        var file = BatchDocuments.BankFiles(batch).Single(f => f.Bic == "KCJBKZKX");
        var text = Core.Formats.Encodings.Windows1251.GetString(file.Content);
        Assert.Contains(";Касымова Гулнар Болаткызы;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("?", text, StringComparison.Ordinal);
        Assert.StartsWith("reference;iban;bic;", text, StringComparison.Ordinal);
        Assert.Throws<InputException>(() => Transliteration.ToWindows1251("Ли 李"));
        var utf8 = Encoding.UTF8.GetString(BatchDocuments.BankFiles(batch).Single(f => f.Bic == "HSBKKZKX").Content);
        Assert.Contains("Әбдіров Нұрлан Серікұлы", utf8, StringComparison.Ordinal);
    }

    /// <summary>For any set of payments, each file's own count and control sum equal the payments it carries.</summary>
    [Fact]
    public void Count_and_control_sum_of_every_file_equal_its_payments() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Zip(Gen.Choose(1, 99_999_999), Gen.Elements(People))).Where(l => l.Any()).ToArbitrary(),
            Gen.Elements(BankFileFormat.Csv, BankFileFormat.Pain001, BankFileFormat.Mt102).ToArbitrary(),
            (items, format) =>
            {
                var payments = items.Select((x, i) => new Payment(new PaymentReference(Q1, 1, i + 1), $"C-{i}", "d", Iin.Parse("140315501021"),
                    Iin.Parse(x.Item2.Iin), x.Item2.Name, Iban.Parse(Cases.MakeIban(x.Item2.Code, i)), Bic.Parse(x.Item2.Bic), new Tenge(x.Item1))).ToList();
                var batch = new Batch(Q1, 1, new DateOnly(2026, 1, 20), 4325, 6.5m, Tenge.Zero, BatchTerms.For(Q1, payments, format, Terms, Data.Banks), payments, []);
                return BatchDocuments.BankFiles(batch).All(f =>
                {
                    var carried = payments.Where(p => p.Bic.Value == f.Bic).ToList();
                    var (count, sum) = CountAndSum(f, batch.Terms.Banks[f.Bic!]);
                    return count == carried.Count && sum == carried.Sum(p => p.Amount) && f.Count == count && f.Total == sum;
                });
            }).QuickCheckThrowOnFailure();

    /// <summary>Reads a file's own statement of count and control sum (CSV: its rows).</summary>
    private static (int Count, Tenge Sum) CountAndSum(BatchFile f, BankFileTerms terms)
    {
        var text = terms.Windows1251 ? Core.Formats.Encodings.Windows1251.GetString(f.Content) : Encoding.UTF8.GetString(f.Content);
        switch (f.Format)
        {
            case BankFileFormat.Pain001:
                XNamespace n = Pain001File.Namespace;
                var h = XDocument.Parse(text).Descendants(n + "GrpHdr").Single();
                Tenge.TryParse(h.Element(n + "CtrlSum")!.Value, out var ctrl);
                return (int.Parse(h.Element(n + "NbOfTxs")!.Value, CultureInfo.InvariantCulture), ctrl);
            case BankFileFormat.Mt102:
                var messages = Mt102File.Read(text);
                Assert.All(messages, m => Assert.Equal(m.Payments.Sum(p => p.Amount), m.Total));
                return (messages.Sum(m => m.Payments.Count), messages.Sum(m => m.Total));
            default:
                var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(terms.Delimiter)).ToList();
                return (rows.Count, rows.Sum(r => Tenge.TryParse(r[5], out var t) ? t : throw new FormatException(r[5])));
        }
    }
}
