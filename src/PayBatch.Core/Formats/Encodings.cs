using System.Text;

namespace PayBatch.Core.Formats;

/// <summary>
/// Windows-1251, the legacy code page of registries and some banks. .NET carries it only once the
/// code-pages provider is registered: every use goes through here, so it always is.
/// </summary>
public static class Encodings
{
    static Encodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1251 => Encoding.GetEncoding(1251);

    /// <summary>Windows-1251 that throws on a character it cannot carry instead of writing '?'.</summary>
    public static Encoding StrictWindows1251 => Encoding.GetEncoding(1251, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
}
