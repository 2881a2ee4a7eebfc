using PayBatch.Core.Domain;
using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PayBatch.Core.Release;
using PayBatch.Tests.Support;

namespace PayBatch.Tests.Release;

/// <summary>SPEC "Release": two signatures, checked by an independent verifier; every refusal; verify.</summary>
public sealed class SigningTests : IDisposable
{
    private const string Batch = "2026Q1-01";
    private readonly TestPki _pki = new();

    public void Dispose() => _pki.Dispose();

    /// <summary>A workspace with signatures required and batch 2026Q1-01 of three payments prepared.</summary>
    private Workspace Prepared(string provider = "sqlite", string moreSigners = "")
    {
        var ws = new Workspace(provider);
        TestPki.WriteSettings(ws, moreSigners: moreSigners);
        _pki.WriteTrust(ws.Path_("trust"));
        var rows = Enumerable.Range(1, 3).Select(i => Cases.Row(i)).ToList();
        ws.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
            "--recipients", ws.Write("r.csv", Cases.Csv(rows)), "--certificates", ws.Write("c.csv", Cases.Certificates(rows)));
        return ws;
    }

    private string Key(Workspace ws, string iin, string file) => TestPki.WriteP12(ws, file, _pki.Signer(iin), "пароль-" + iin, Var(iin));

    /// <summary>The environment variable holding a signer's password.</summary>
    private static string Var(string iin) => "PASSWORD_" + iin[..2];

    private static CliRun Sign(Workspace ws, string key, string iin) => ws.Run("sign", "--batch", Batch, "--certificate", key, "--password-env", Var(iin));

    private static string Folder(Workspace ws) => ws.Path_("out", "2026Q1", "01");

    private static string[] SignedFiles(Workspace ws) =>
        Directory.GetFiles(Folder(ws)).Where(f => !f.EndsWith(".p7s", StringComparison.Ordinal) && Path.GetFileName(f) != "release.json").Order().ToArray();

    private static JsonElement Release(Workspace ws) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(ws), "release.json"))).RootElement;

    private static (int Code, string Output) Openssl(params string[] args)
    {
        var psi = new ProcessStartInfo("openssl") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output + err.Result);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public void Two_signatures_release_the_batch_and_openssl_accepts_every_p7s_with_both_signers(string provider)
    {
        using var ws = Prepared(provider);
        var first = Key(ws, TestPki.FirstIin, "first.p12");
        var second = Key(ws, TestPki.SecondIin, "second.p12");

        var r1 = ws.RunOk("--json", "sign", "--batch", Batch, "--certificate", first, "--password-env", Var(TestPki.FirstIin));
        var j1 = JsonDocument.Parse(r1.Out).RootElement;
        Assert.Equal(("first", "prepared"), (j1.GetProperty("role").GetString(), j1.GetProperty("state").GetString()));
        Assert.Equal("prepared", Release(ws).GetProperty("state").GetString());

        ws.Clock.Advance(TimeSpan.FromHours(2));
        var r2 = ws.RunOk("sign", "--batch", Batch, "--certificate", second, "--password-env", Var(TestPki.SecondIin));
        Assert.Contains("Batch released", r2.Out, StringComparison.Ordinal);

        var release = Release(ws);
        Assert.Equal("released", release.GetProperty("state").GetString());
        var signatures = release.GetProperty("signatures").EnumerateArray().ToList();
        Assert.Equal(["first", "second"], signatures.Select(s => s.GetProperty("role").GetString()));
        Assert.Equal([TestPki.FirstIin, TestPki.SecondIin], signatures.Select(s => s.GetProperty("iin").GetString()));
        Assert.Equal("ТЕСТОВ ТЕСТ", signatures[0].GetProperty("name").GetString());
        Assert.Equal(64, signatures[1].GetProperty("thumbprint").GetString()!.Length);
        Assert.Equal("2026-01-19T11:00:00Z", signatures[1].GetProperty("signedAt").GetString());

        var root = ws.Write("root.pem", _pki.Root.ExportCertificatePem());
        var files = SignedFiles(ws);
        Assert.Equal(["exclusions.csv", "manifest.json"], files.Select(Path.GetFileName).Where(f => !f!.StartsWith("HSBK", StringComparison.Ordinal)));
        Assert.Equal(files.Length, Directory.GetFiles(Folder(ws), "*.p7s").Length);
        foreach (var file in files)
        {
            var signers = file + ".signers.pem";
            var (code, output) = Openssl("cms", "-verify", "-binary", "-inform", "DER", "-in", file + ".p7s", "-content", file,
                "-CAfile", root, "-signer", signers, "-out", "/dev/null");
            Assert.True(code == 0, $"openssl rejected {Path.GetFileName(file)}.p7s: {output}");
            var pem = File.ReadAllText(signers);
            Assert.Equal(2, pem.Split("BEGIN CERTIFICATE").Length - 1);
            File.Delete(signers);
        }
        Assert.Equal(0, ws.Run("verify", "--batch", Batch).ExitCode);

        // Who signed is in the audit trail (IIN masked); the password is nowhere.
        var history = ws.RunOk("history").Out;
        Assert.Contains("signed batch 2026Q1-01 as second: ТЕСТОВ ТЕСТ, IIN 80********22", history, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPki.SecondIin, history, StringComparison.Ordinal);
        var logs = string.Concat(Directory.GetFiles(ws.Path_("logs")).Select(File.ReadAllText));
        Assert.DoesNotContain("пароль-", logs + history, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPki.FirstIin, logs, StringComparison.Ordinal);

        // ...and in the report, in every format a person reads: who prepared and who signed.
        var report = ws.RunOk("report", "--quarter", "2026Q1", "--lang", "en").Out;
        Assert.Contains($"| {Batch} | released | {Environment.UserName}", report, StringComparison.Ordinal);
        Assert.Contains("second: ТЕСТОВ ТЕСТ, 80********22, sha256 ", report, StringComparison.Ordinal);
        Assert.DoesNotContain(TestPki.SecondIin, report, StringComparison.Ordinal);
    }

    [Fact]
    public void The_roles_may_sign_in_either_order()
    {
        using var ws = Prepared();
        Assert.Equal(0, Sign(ws, Key(ws, TestPki.SecondIin, "second.p12"), TestPki.SecondIin).ExitCode);
        Assert.Equal(0, Sign(ws, Key(ws, TestPki.FirstIin, "first.p12"), TestPki.FirstIin).ExitCode);
        Assert.Equal("released", Release(ws).GetProperty("state").GetString());
    }

    [Fact]
    public void A_file_changed_after_signing_is_caught_by_verify()
    {
        using var ws = Prepared();
        Sign(ws, Key(ws, TestPki.FirstIin, "first.p12"), TestPki.FirstIin);
        Sign(ws, Key(ws, TestPki.SecondIin, "second.p12"), TestPki.SecondIin);
        var bankFile = SignedFiles(ws).First(f => f.EndsWith(".csv", StringComparison.Ordinal) && !f.EndsWith("exclusions.csv", StringComparison.Ordinal));
        File.WriteAllText(bankFile, File.ReadAllText(bankFile).Replace("28112.50", "28112.60", StringComparison.Ordinal));
        File.Delete(Path.Combine(Folder(ws), "manifest.json.p7s"));
        File.Delete(Path.Combine(Folder(ws), "exclusions.csv"));

        var r = ws.Run("--json", "verify", "--batch", Batch);
        Assert.Equal(3, r.ExitCode);
        var findings = JsonDocument.Parse(r.Out).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("file").GetString(), f.GetProperty("finding").GetString())).ToList();
        var name = Path.GetFileName(bankFile);
        Assert.Contains((name, "CHANGED_FILE"), findings);
        Assert.Contains((name + ".p7s", "BAD_SIGNATURE"), findings);
        Assert.Contains(("manifest.json.p7s", "MISSING_SIGNATURE"), findings);
        Assert.Contains(("exclusions.csv", "MISSING_FILE"), findings);
        Assert.Equal(5, findings.Count); // one BAD_SIGNATURE per signer of the changed file
    }

    [Fact]
    public void Verify_of_a_prepared_batch_lists_the_missing_signatures_and_without_signatures_required_checks_files_only()
    {
        using var ws = Prepared();
        var r = ws.Run("--json", "verify", "--batch", Batch);
        Assert.Equal(3, r.ExitCode);
        var finding = Assert.Single(JsonDocument.Parse(r.Out).RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("MISSING_SIGNATURE", finding.GetProperty("finding").GetString());

        TestPki.WriteSettings(ws, required: 0);
        using var plain = new Workspace();
        plain.RunOk("run", "--quarter", "2026Q1", "--value-date", "2026-01-20",
            "--recipients", plain.Write("r.csv", Cases.Csv([Cases.Row(1)])), "--certificates", plain.Write("c.csv", Cases.Certificates([Cases.Row(1)])));
        Assert.Equal(0, plain.Run("verify", "--batch", Batch).ExitCode);
        File.AppendAllText(plain.Path_("out", "2026Q1", "01", "manifest.json"), " ");
        var changed = plain.Run("verify", "--batch", Batch);
        Assert.Equal(3, changed.ExitCode);
        Assert.Contains("CHANGED_FILE manifest.json", changed.Out, StringComparison.Ordinal);
    }

    public static TheoryData<string> Refusals =>
    [
        "wrong password", "expired", "not yet valid", "untrusted root", "self-signed with a signer's IIN", "wrong BIN", "unknown IIN",
        "GOST key", "no digital-signature usage", "same person for both roles", "second signature twice", "changed batch file",
        "missing batch file", "cancelled batch", "released batch", "batch that does not exist",
    ];

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Sign_refuses_with_exit_2_and_changes_nothing(string refusal)
    {
        const string third = "681205400013";
        using var ws = Prepared(moreSigners: refusal == "second signature twice"
            ? $", {{ \"Iin\": \"{third}\", \"Role\": \"second\" }}"
            : refusal == "same person for both roles" ? $", {{ \"Iin\": \"{TestPki.FirstIin}\", \"Role\": \"second\" }}" : "");
        var batch = Batch;
        string key = Key(ws, TestPki.FirstIin, "key.p12"), iin = TestPki.FirstIin, expected;
        X509Certificate2 Cert(string i, string bin = TestPki.DepartmentBin, DateTimeOffset? from = null, DateTimeOffset? to = null,
            X509KeyUsageFlags usage = X509KeyUsageFlags.DigitalSignature) => _pki.Signer(i, bin, usage, from, to);
        string P12(X509Certificate2 c) => TestPki.WriteP12(ws, "key.p12", c, "пароль-" + iin, Var(iin));
        switch (refusal)
        {
            case "wrong password":
                ws.Environment[Var(iin)] = "not the password";
                expected = "key.p12: wrong password";
                break;
            case "expired":
                key = P12(Cert(iin, from: new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), to: new(2025, 12, 31, 0, 0, 0, TimeSpan.Zero)));
                expected = "the certificate expired on 2025-12-31";
                break;
            case "not yet valid":
                key = P12(Cert(iin, from: new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)));
                expected = "the certificate is not valid yet: valid from 2026-02-01";
                break;
            case "untrusted root":
                using (var other = new TestPki()) key = P12(other.Signer(iin));
                expected = "does not chain to a root in Release:TrustedRoots";
                break;
            case "self-signed with a signer's IIN":
                key = P12(TestPki.SelfSignedSigner(iin));
                expected = "does not chain to a root in Release:TrustedRoots";
                break;
            case "wrong BIN":
                key = P12(Cert(iin, bin: "990940000014"));
                expected = "its OU is BIN99********14, Department:Bin is 08********30"; // every message is masked on the way out
                break;
            case "unknown IIN":
                iin = TestPki.UnknownIin;
                key = P12(Cert(iin));
                expected = "IIN 90********37 is not a signer in Release:Signers";
                break;
            case "GOST key":
                ws.Environment[Var(iin)] = "gost";
                key = ws.WriteBytes("GOSTKNCA_test.p12", _pki.GostP12(iin, "gost"));
                expected = $"GOSTKNCA_test.p12: the key is a GOST key ({TestPki.GostOid})";
                break;
            case "no digital-signature usage":
                key = P12(Cert(iin, usage: X509KeyUsageFlags.KeyEncipherment));
                expected = "does not allow digital signatures";
                break;
            case "same person for both roles":
                ws.RunOk("sign", "--batch", Batch, "--certificate", key, "--password-env", Var(iin));
                key = P12(Cert(iin)); // a second certificate of the same person
                expected = "IIN 75********18 already signed batch 2026Q1-01 as first";
                break;
            case "second signature twice":
                ws.RunOk("sign", "--batch", Batch, "--certificate", Key(ws, TestPki.SecondIin, "second.p12"), "--password-env", Var(TestPki.SecondIin));
                iin = third;
                key = P12(Cert(iin));
                expected = "the second signature of batch 2026Q1-01 is already given";
                break;
            case "changed batch file":
                File.AppendAllText(Path.Combine(Folder(ws), "exclusions.csv"), "X,Y,Z\n");
                expected = "exclusions.csv differs from what the batch recorded";
                break;
            case "missing batch file":
                File.Delete(Path.Combine(Folder(ws), "manifest.json"));
                expected = "manifest.json is missing";
                break;
            case "cancelled batch":
                ws.RunOk("cancel", "--batch", Batch, "--reason", "wrong value date");
                expected = "batch 2026Q1-01 is cancelled";
                break;
            case "released batch":
                ws.RunOk("sign", "--batch", Batch, "--certificate", key, "--password-env", Var(iin));
                ws.RunOk("sign", "--batch", Batch, "--certificate", Key(ws, TestPki.SecondIin, "second.p12"), "--password-env", Var(TestPki.SecondIin));
                expected = "batch 2026Q1-01 is already released";
                break;
            case "batch that does not exist":
                batch = "2026Q1-02";
                expected = "there is no batch 2026Q1-02";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(refusal), refusal, "no such case");
        }
        var before = Snapshot(ws);

        var r = ws.Run("sign", "--batch", batch, "--certificate", key, "--password-env", Var(iin));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(ws));
    }

    /// <summary>Every output file with its bytes' hash, and the signatures the database holds.</summary>
    private static string Snapshot(Workspace ws)
    {
        var files = Directory.GetFiles(ws.OutDir, "*", SearchOption.AllDirectories).Order()
            .Select(f => Path.GetRelativePath(ws.OutDir, f) + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
        using var db = ws.OpenDb();
        var signatures = db.BatchSignatures.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Role + s.Iin).ToList();
        var states = db.Batches.AsNoTracking().OrderBy(b => b.Id).Select(b => b.State).ToList();
        return string.Join("\n", files.Concat(signatures).Concat(states.Select(Codes.Of)));
    }

    [Fact]
    public void Two_processes_signing_the_same_role_at_once_leave_one_signature()
    {
        const string third = "681205400013";
        using var ws = Prepared(moreSigners: $", {{ \"Iin\": \"{third}\", \"Role\": \"second\" }}");
        var a = Key(ws, TestPki.SecondIin, "second.p12");
        var b = Key(ws, third, "third.p12");

        var pa = PaybatchProcess.Start(ws, "sign", "--batch", Batch, "--certificate", a, "--password-env", Var(TestPki.SecondIin));
        var pb = PaybatchProcess.Start(ws, "sign", "--batch", Batch, "--certificate", b, "--password-env", Var(third));
        var results = new[] { PaybatchProcess.Finish(pa), PaybatchProcess.Finish(pb) };

        Assert.Equal([0, 2], results.Select(r => r.ExitCode).Order());
        Assert.Contains("the second signature of batch 2026Q1-01 is already given", results.Single(r => r.ExitCode == 2).Error, StringComparison.Ordinal);
        using var db = ws.OpenDb();
        var signature = Assert.Single(db.BatchSignatures.AsNoTracking().ToList());
        foreach (var file in SignedFiles(ws))
        {
            var signers = CmsSignature.Read(File.ReadAllBytes(file), File.ReadAllBytes(file + ".p7s"));
            Assert.Equal(signature.Thumbprint, Assert.Single(signers).Thumbprint);
        }
    }
}
