using System.Text.Json;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Operations;

/// <summary>
/// An argument, a setting or a path a person gives is refused with exit 2, naming it, and changes nothing: never
/// exit 1 ("unexpected failure") nor an unhandled exception.
/// </summary>
public class HostileArgumentsTests
{
    /// <summary>A run of <paramref name="quarter"/> that imports a registry of <paramref name="cases"/> eligible cases and their certificates.</summary>
    private static CliRun RunWithFiles(Workspace ws, int cases, string quarter, string valueDate, params string[] more)
    {
        var rows = Enumerable.Range(1, cases).Select(i => Cases.Row(i)).ToList();
        return ws.Run(["run", "--quarter", quarter, "--value-date", valueDate,
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)), .. more]);
    }

    /// <summary>Everything in the workspace but the logs: what a refusal must leave as it was.</summary>
    private static List<string> Entries(Workspace ws) =>
        Directory.GetFileSystemEntries(ws.Dir, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(ws.Path_("logs"), StringComparison.Ordinal)).Order().ToList();

    [Fact]
    public void An_argument_starting_with_at_is_an_ordinary_token_not_a_response_file()
    {
        using var ws = new Workspace();
        var folder = ws.Path_("adir");
        Directory.CreateDirectory(folder);
        var before = Entries(ws);
        var r = ws.Run("status", "--quarter", "2026Q1", "@" + folder);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"'@{folder}'", r.Error, StringComparison.Ordinal);
        Assert.Equal(before, Entries(ws)); // not even a database
    }

    [Fact]
    public void A_cancel_reason_starting_with_at_is_kept_as_written()
    {
        using var ws = new Workspace();
        TestPki.WriteSettings(ws);
        Assert.Equal(0, RunWithFiles(ws, 2, "2026Q1", "2026-01-20").ExitCode);
        var r = ws.RunOk("--json", "cancel", "--batch", "2026Q1-01", "--reason", "@ops");
        Assert.Equal("@ops", JsonDocument.Parse(r.Out).RootElement.GetProperty("cancelled").GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("report --quarter 2026Q1", "adir", "report.md")]
    [InlineData("report --quarter 2026Q1 --format csv", "adir", "report.csv")]
    [InlineData("report --year 2026 --format html", "adir", "report.html")]
    [InlineData("report --quarter 2026Q1", "", "report.md")]
    [InlineData("certificates missing --quarter 2026Q1", "adir", "missing.md")]
    [InlineData("certificates missing --quarter 2026Q1 --format csv", "", "missing.csv")]
    public void A_file_that_is_a_folder_is_refused_for_every_format_and_nothing_is_written(string command, string file, string example)
    {
        using var ws = new Workspace();
        Directory.CreateDirectory(ws.Path_("adir"));
        var before = Entries(ws);
        var r = ws.Run([.. command.Split(' '), "--file", file]);
        Assert.Equal(2, r.ExitCode);
        var folder = file == "" ? ws.Dir : ws.Path_(file); // an empty --file is the working folder
        Assert.Contains($"--file {folder}: is a folder; name the file, e.g. {Path.Combine(folder, example)}", r.Error, StringComparison.Ordinal);
        Assert.Equal(before, Entries(ws)); // no file, no temporary file, not even a database
    }

    /// <summary>A text file's folder that does not exist is made, as it always was; a workbook's is refused (it was).</summary>
    [Fact]
    public void A_text_file_in_a_folder_that_does_not_exist_is_written_there_and_a_workbook_is_refused()
    {
        using var ws = new Workspace();
        ws.RunOk("certificates", "missing", "--quarter", "2026Q1", "--format", "csv", "--file", "made/m.csv");
        Assert.True(File.Exists(ws.Path_("made", "m.csv")));
        var r = ws.Run("certificates", "missing", "--quarter", "2026Q1", "--format", "xlsx", "--file", "missing/m.xlsx");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"--file {ws.Path_("missing", "m.xlsx")}: the folder {ws.Path_("missing")} does not exist", r.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ws.Path_("missing")));
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("Data Source={0}")]
    public void A_SQLite_database_that_is_a_folder_is_refused(string db)
    {
        using var ws = new Workspace();
        var folder = ws.Path_("adir");
        Directory.CreateDirectory(folder);
        var before = Entries(ws);
        var r = ws.Run("status", "--quarter", "2026Q1", "--db", string.Format(System.Globalization.CultureInfo.InvariantCulture, db, folder));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"Database:ConnectionString: {folder} is a folder, not a SQLite database file", r.Error, StringComparison.Ordinal);
        Assert.Equal(before, Entries(ws));
    }

    /// <summary>A text file's folder is made when it is written, unless a file stands where one of its folders would be.</summary>
    [Fact]
    public void A_text_file_under_a_file_is_refused_before_any_work()
    {
        using var ws = new Workspace();
        ws.Write("afile", "");
        var before = Entries(ws);
        var r = ws.Run("report", "--quarter", "2026Q1", "--file", "afile/sub/r.md");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{ws.Path_("afile")} is a file, not a folder", r.Error, StringComparison.Ordinal);
        Assert.Equal(before, Entries(ws)); // not even a database
    }

    /// <summary>
    /// A <c>file:</c> address is SQLite's to resolve: no folder named after it is made (it was, as a path relative to the
    /// process's folder, which commands run in-process here share).
    /// </summary>
    [Fact]
    public void A_SQLite_file_address_is_opened_by_SQLite()
    {
        using var ws = new Workspace();
        var db = ws.Path_("by-uri.db");
        ws.RunOk("status", "--quarter", "2026Q1", "--db", $"Data Source=file:{db}");
        Assert.True(File.Exists(db));
        Assert.False(Directory.Exists(Path.Combine(Environment.CurrentDirectory, "file:")));
        Assert.Empty(Directory.GetFileSystemEntries(ws.Dir, "file:*"));
    }

    [Fact]
    public void A_SQLite_database_whose_folder_is_a_file_is_refused()
    {
        using var ws = new Workspace();
        ws.Write("afile", "");
        var before = Entries(ws);
        var r = ws.Run("status", "--quarter", "2026Q1", "--db", "afile/x.db");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"Database:ConnectionString: the SQLite database {ws.Path_("afile", "x.db")} cannot be created", r.Error, StringComparison.Ordinal);
        Assert.Equal(before, Entries(ws));
    }

    [Theory]
    [InlineData("afile")]
    [InlineData("afile/logs")]
    public void A_log_folder_that_is_a_file_is_refused(string logs)
    {
        using var ws = new Workspace();
        ws.Write("afile", "");
        ws.Environment["PAYBATCH_LOGS"] = logs;
        var r = ws.Run("status", "--quarter", "2026Q1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"Logs {ws.Path_(logs)}: the log folder cannot be made or written", r.Error, StringComparison.Ordinal);
        Assert.Equal([ws.Path_("afile")], Entries(ws)); // no database, no log
        Assert.Equal("", File.ReadAllText(ws.Path_("afile")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(":memory:")]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=")]
    [InlineData("Data Source=x.db;Mode=Memory")]
    [InlineData("file::memory:")]
    public void An_empty_or_in_memory_SQLite_database_is_refused(string db)
    {
        using var ws = new Workspace();
        var before = Entries(ws);
        var r = ws.Run("status", "--quarter", "2026Q1", "--db", db);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"Database:ConnectionString '{db}' names no database file", r.Error, StringComparison.Ordinal);
        Assert.Equal(before, Entries(ws));
    }

    [Theory]
    [InlineData("sqlserver", "garbage", "SQL Server")]
    [InlineData("postgres", "garbage", "PostgreSQL")]
    [InlineData("sqlserver", "Server=db;User Id=pay;Password=Sekret-77;Bogus Key=1", "SQL Server")]
    [InlineData("postgres", "Host=db;Username=pay;Password=Sekret-77;garbage", "PostgreSQL")]
    [InlineData("postgres", "Host=db;Password=Sekret;77", "PostgreSQL")]
    [InlineData("postgres", "", "PostgreSQL")]
    [InlineData("sqlserver", "Server=db;Connect Timeout=abc", "SQL Server")] // a value the builder converts itself
    [InlineData("sqlserver", "Server=db;TrustServerCertificate=maybe", "SQL Server")]
    public void A_malformed_server_connection_string_is_refused_without_its_password(string provider, string db, string named)
    {
        using var ws = new Workspace();
        var before = Entries(ws);
        var r = ws.Run("status", "--quarter", "2026Q1", "--provider", provider, "--db", db);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"Database:ConnectionString is not a {named} connection string", r.Error, StringComparison.Ordinal);
        var log = string.Concat(Directory.GetFiles(ws.Path_("logs")).Select(File.ReadAllText));
        Assert.DoesNotContain("Sekret", r.Error + r.Out + log, StringComparison.Ordinal);
        Assert.DoesNotContain("audit", log, StringComparison.Ordinal); // refused before the database counts as used
        Assert.Equal(before, Entries(ws));
    }

    /// <summary>A department's text is written into the bank files as it is: a line break in it made a field of its own in MT102.</summary>
    [Theory]
    [InlineData("Department:Name", "X\n:20:EVIL", "000A")]
    [InlineData("Department:Chief", "X\n:20:EVIL", "000A")]
    [InlineData("Payment:Send", "S\n:32A:999999KZT1,00", "000A")]
    [InlineData("Payment:Prt", "\u0001", "0001")]
    public void A_payer_setting_with_a_control_character_is_refused_before_any_work(string setting, string value, string code)
    {
        using var ws = new Workspace();
        ws.WriteDepartmentSettings();
        ws.Environment["PAYBATCH_" + setting.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant()] = value;
        var r = RunWithFiles(ws, 2, "2026Q1", "2026-01-20", "--format", "mt102");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{setting} holds a control character or an invisible one (U+{code})", r.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ws.Path_("out")));
        using var db = ws.OpenDb();
        Assert.Empty(db.Cases); // refused before the files were imported
        Assert.Empty(db.Batches);
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("0.0000001")]
    public void A_coefficient_that_pays_no_amount_per_child_is_refused(string coefficient)
    {
        using var ws = new Workspace();
        ws.Environment["PAYBATCH_PAYMENT__COEFFICIENT"] = coefficient;
        var dry = ws.Run("run", "--quarter", "2026Q2", "--value-date", "2026-04-06", "--dry-run");
        Assert.Equal(2, dry.ExitCode);
        Assert.Contains($"Payment:Coefficient {coefficient} × MRP 4325 (2026Q2) is not a payment per child", dry.Error, StringComparison.Ordinal);

        var run = RunWithFiles(ws, 2, "2026Q2", "2026-04-06");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Payment:Coefficient {coefficient}", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ws.OutDir));
        using var db = ws.OpenDb();
        Assert.Empty(db.Cases); // refused before the files were imported
        Assert.Empty(db.Batches);
    }

    [Theory]
    [InlineData(" 2026Q1-01-000001 ")]
    [InlineData("2026q1-01-000001")]
    public void A_payment_reference_is_looked_up_as_it_parses(string reference)
    {
        using var ws = new Workspace();
        Assert.Equal(0, RunWithFiles(ws, 1, "2026Q1", "2026-01-20").ExitCode);
        var r = ws.RunOk("--json", "payment", reference);
        Assert.Equal("2026Q1-01-000001", JsonDocument.Parse(r.Out).RootElement.GetProperty("reference").GetString());
    }
}
