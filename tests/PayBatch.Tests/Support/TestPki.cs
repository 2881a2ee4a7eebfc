using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace PayBatch.Tests.Support;

/// <summary>
/// A throw-away certification authority shaped like the NCA's: a TEST root, an intermediate, and
/// signer certificates whose subject carries SERIALNUMBER=IIN… and OU=BIN…. Keys live in memory
/// and in the workspace only; no real key is ever used.
/// </summary>
public sealed class TestPki : IDisposable
{
    public const string DepartmentBin = "080340001230";
    public const string FirstIin = "750315300018";
    public const string SecondIin = "800101400022";
    public const string UnknownIin = "901220300037";
    public const string GostOid = "1.2.398.3.10.1.1.1.1"; // the NCA's GOST 34.310 key algorithm

    /// <summary>Valid from 2020 to 2030: covers the workspaces' fake clock (January 2026) and a real clock.</summary>
    public static readonly DateTimeOffset From = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset To = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly RSA _rootKey = RSA.Create(2048);
    private readonly RSA _intermediateKey = RSA.Create(2048);

    public TestPki()
    {
        Root = SelfSigned(_rootKey, "CN=TEST НУЦ РК ROOT (RSA), O=TEST ONLY, C=KZ");
        var req = new CertificateRequest("CN=TEST НУЦ РК (RSA), O=TEST ONLY, C=KZ", _intermediateKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        using var issued = req.Create(Root, From, To, Serial());
        Intermediate = issued.CopyWithPrivateKey(_intermediateKey);
    }

    public X509Certificate2 Root { get; }
    public X509Certificate2 Intermediate { get; }

    public static X509Certificate2 SelfSigned(RSA key, string subject)
    {
        var req = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        return req.CreateSelfSigned(From, To);
    }

    /// <summary>An employee's subject as the NCA writes it.</summary>
    public static X500DistinguishedName Subject(string iin, string bin, string surname = "ТЕСТОВ", string name = "ТЕСТ")
    {
        var b = new X500DistinguishedNameBuilder();
        b.AddCommonName($"{surname} {name}");
        b.Add("2.5.4.4", surname); // SURNAME
        b.Add("2.5.4.5", "IIN" + iin, UniversalTagNumber.PrintableString); // SERIALNUMBER
        b.AddCountryOrRegion("KZ");
        b.Add("2.5.4.42", "ТЕСТОВИЧ"); // G
        b.AddOrganizationName("TEST ГУ «Управление занятости и социальных программ»");
        b.AddOrganizationalUnitName("BIN" + bin);
        return b.Build();
    }

    /// <summary>A signer certificate with its RSA key, issued by the intermediate unless said otherwise.</summary>
    public X509Certificate2 Signer(string iin, string bin = DepartmentBin, X509KeyUsageFlags usage = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation,
        DateTimeOffset? from = null, DateTimeOffset? to = null, string surname = "ТЕСТОВ")
    {
        using var key = RSA.Create(2048);
        var req = new CertificateRequest(Subject(iin, bin, surname), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        req.CertificateExtensions.Add(new X509KeyUsageExtension(usage, true));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        using var issued = req.Create(Intermediate, from ?? From, to ?? To, Serial());
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>A certificate carrying a signer's IIN and BIN, but signed by its own key: no trusted root.</summary>
    public static X509Certificate2 SelfSignedSigner(string iin)
    {
        using var key = RSA.Create(2048);
        var req = new CertificateRequest(Subject(iin, DepartmentBin), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        return req.CreateSelfSigned(From, To);
    }

    /// <summary>
    /// A PKCS#12 shaped like an NCA GOSTKNCA_….p12: a certificate whose public key is GOST, and a
    /// private key bag with the GOST algorithm, which .NET cannot use.
    /// </summary>
    public byte[] GostP12(string iin, string password)
    {
        var keyValue = new AsnWriter(AsnEncodingRules.DER);
        keyValue.WriteOctetString(RandomNumberGenerator.GetBytes(64));
        var parameters = new AsnWriter(AsnEncodingRules.DER);
        parameters.WriteObjectIdentifier("1.2.398.3.10.1.1.1.2.1");
        var publicKey = new PublicKey(new Oid(GostOid), new AsnEncodedData(parameters.Encode()), new AsnEncodedData(keyValue.Encode()));
        var req = new CertificateRequest(Subject(iin, DepartmentBin), publicKey, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        using var cert = req.Create(Intermediate.SubjectName, X509SignatureGenerator.CreateForRSA(_intermediateKey, RSASignaturePadding.Pkcs1), From, To, Serial());

        var pkcs8 = new AsnWriter(AsnEncodingRules.DER);
        using (pkcs8.PushSequence())
        {
            pkcs8.WriteInteger(0);
            using (pkcs8.PushSequence())
            {
                pkcs8.WriteObjectIdentifier(GostOid);
                pkcs8.WriteEncodedValue(parameters.Encode());
            }
            pkcs8.WriteOctetString(RandomNumberGenerator.GetBytes(32));
        }
        var contents = new Pkcs12SafeContents();
        contents.AddCertificate(cert);
        contents.AddSafeBag(new Pkcs12KeyBag(pkcs8.Encode()));
        var builder = new Pkcs12Builder();
        builder.AddSafeContentsEncrypted(contents, password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 2048));
        builder.SealWithMac(password, HashAlgorithmName.SHA256, 2048);
        return builder.Encode();
    }

    /// <summary>The trusted-roots folder: the root (self-signed) and the intermediate that completes the chains.</summary>
    public string WriteTrust(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "root.pem"), Root.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "intermediate.cer"), Intermediate.ExportCertificatePem());
        return folder;
    }

    /// <summary>Writes KEY.p12 into the workspace and its password into the environment variable <paramref name="passwordVar"/>.</summary>
    public static string WriteP12(Workspace ws, string name, X509Certificate2 cert, string password, string passwordVar)
    {
        ws.Environment[passwordVar] = password;
        return ws.WriteBytes(name, cert.Export(X509ContentType.Pkcs12, password));
    }

    /// <summary>Department and Release settings: two signatures, the two test signers (and any more), trust/ as the roots.</summary>
    public static void WriteSettings(Workspace ws, int required = 2, string moreSigners = "") => ws.Write("paybatch.json", $$"""
        {
          "Department": { "Name": "ГУ «Управление занятости и социальных программ города Астаны»", "Bin": "{{DepartmentBin}}",
                          "Iban": "KZ28070KZT0000123456", "Bic": "KKMFKZ2A" },
          "Payment": { "Knp": "999" },
          "Release": { "RequiredSignatures": {{required}}, "TrustedRoots": "trust/",
                       "Signers": [ { "Iin": "{{FirstIin}}", "Role": "first" }, { "Iin": "{{SecondIin}}", "Role": "second" }{{moreSigners}} ] }
        }
        """);

    private static byte[] Serial() => RandomNumberGenerator.GetBytes(12);

    public void Dispose()
    {
        Root.Dispose();
        Intermediate.Dispose();
        _rootKey.Dispose();
        _intermediateKey.Dispose();
    }
}
