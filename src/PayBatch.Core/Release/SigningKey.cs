using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PayBatch.Core.Domain;
using PayBatch.Core.Localization;

namespace PayBatch.Core.Release;

/// <summary>
/// Opens a signer's PKCS#12 key file (the NCA's <c>RSA256_….p12</c>). The key's algorithm is read
/// before anything uses it, so a GOST key (<c>GOSTKNCA_….p12</c>, which .NET cannot sign with) is
/// refused by name rather than with a cryptic failure. The password never leaves this call.
/// </summary>
public static class SigningKey
{
    public const string RsaOid = "1.2.840.113549.1.1.1";

    /// <summary>GOST key algorithms: Kazakhstan's (1.2.398.3.10…, the NCA) and Russia's (1.2.643…).</summary>
    public static bool IsGost(string oid) => oid.StartsWith("1.2.398.3.10.", StringComparison.Ordinal) || oid.StartsWith("1.2.643.", StringComparison.Ordinal);

    public static X509Certificate2 Load(string path, string password)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path)) throw new InputException(CoreText.FileNotFound, path);
        var bytes = File.ReadAllBytes(path);
        var algorithms = KeyAlgorithms(bytes, password, name);
        if (algorithms.Count == 0) throw new InputException(CoreText.KeyNoPrivateKey, name);
        if (algorithms.FirstOrDefault(IsGost) is { } gost)
            throw new InputException(CoreText.KeyGost, name, gost);
        if (algorithms.FirstOrDefault(a => a != RsaOid) is { } other)
            throw new InputException(CoreText.KeyNotRsa, name, other);
        var all = X509CertificateLoader.LoadPkcs12Collection(bytes, password, X509KeyStorageFlags.EphemeralKeySet);
        var withKey = all.Where(c => c.HasPrivateKey).ToList();
        foreach (var c in all.Except(withKey)) c.Dispose();
        if (withKey.Count != 1) throw new InputException(CoreText.KeyCount, name, withKey.Count);
        return withKey[0];
    }

    /// <summary>The algorithm of every private key in the file, and of every certificate's key when a key bag cannot be read.</summary>
    private static List<string> KeyAlgorithms(byte[] bytes, string password, string name)
    {
        Pkcs12Info info;
        try { info = Pkcs12Info.Decode(bytes, out _, skipCopy: true); }
        catch (CryptographicException) { throw new InputException(CoreText.KeyNotPkcs12, name); }
        if (info.IntegrityMode == Pkcs12IntegrityMode.Password && !info.VerifyMac(password))
            throw new InputException(CoreText.KeyWrongPassword, name);
        var keys = new List<string>();
        var certificateKeys = new List<string>();
        try
        {
            foreach (var safe in info.AuthenticatedSafe)
            {
                if (safe.ConfidentialityMode == Pkcs12ConfidentialityMode.Password) safe.Decrypt(password);
                foreach (var bag in safe.GetBags())
                {
                    switch (bag)
                    {
                        case Pkcs12ShroudedKeyBag shrouded:
                            keys.Add(Pkcs8PrivateKeyInfo.DecryptAndDecode(password, shrouded.EncryptedPkcs8PrivateKey, out _).AlgorithmId.Value!);
                            break;
                        case Pkcs12KeyBag plain:
                            keys.Add(Pkcs8PrivateKeyInfo.Decode(plain.Pkcs8PrivateKey, out _, skipCopy: true).AlgorithmId.Value!);
                            break;
                        case Pkcs12CertBag { IsX509Certificate: true } cert:
                            using (var c = cert.GetCertificate()) certificateKeys.Add(c.PublicKey.Oid.Value!);
                            break;
                    }
                }
            }
        }
        catch (CryptographicException)
        {
            // A key encrypted with an algorithm .NET lacks (GOST files may be): say what the certificates tell.
            if (certificateKeys.FirstOrDefault(IsGost) is { } gost) return [gost];
            throw new InputException(CoreText.KeyUnreadable, name);
        }
        return keys.Count > 0 ? keys : certificateKeys.Where(IsGost).ToList();
    }
}
