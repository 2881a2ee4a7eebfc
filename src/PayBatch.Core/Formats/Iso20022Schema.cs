using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Schema;

namespace PayBatch.Core.Formats;

/// <summary>
/// The official ISO 20022 schemas the program validates its own messages against (a copy carried
/// in Data/iso20022, from ../shared/iso20022). Read with DTDs off, like every XML here.
/// </summary>
public static partial class Iso20022Schema
{
    private static readonly Lazy<XmlSchemaSet> Pain001 = new(() => Load("pain.001.001.09.xsd"));
    private static readonly Lazy<XmlSchemaSet> Camt053 = new(() => Load("camt.053.001.08.xsd"));

    private static XmlSchemaSet Load(string name)
    {
        using var stream = typeof(Iso20022Schema).Assembly.GetManifestResourceStream("PayBatch.Data.iso20022/" + name)
                           ?? throw new InvalidDataException($"built-in schema {name} is missing");
        var set = new XmlSchemaSet { XmlResolver = null };
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        set.Add(null, reader);
        set.Compile();
        return set;
    }

    /// <summary>The schema errors of a pain.001.001.09 document read from <paramref name="document"/>, which stays open; empty when it is valid.</summary>
    public static IReadOnlyList<SchemaError> ValidatePain001(Stream document) => Validate(document, Pain001.Value);

    /// <summary>The schema errors of a camt.053.001.08 statement; empty when it is valid.</summary>
    public static IReadOnlyList<SchemaError> ValidateCamt053(byte[] document) => Validate(document, Camt053.Value);

    /// <summary>
    /// The validator quotes the value it refused ("The value 'KZ45 9657 …' is invalid according to its datatype …"):
    /// a name or an IBAN that would reach the screen and the log. The line and the element say where; the value goes.
    /// </summary>
    [GeneratedRegex("value '(?:[^']|'')*'")]
    private static partial Regex WithoutValues();

    public static IReadOnlyList<SchemaError> Validate(byte[] document, XmlSchemaSet schemas) => Validate(new MemoryStream(document), schemas);

    private static List<SchemaError> Validate(Stream document, XmlSchemaSet schemas)
    {
        var errors = new List<SchemaError>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, ValidationType = ValidationType.Schema, Schemas = schemas,
        };
        settings.ValidationEventHandler += (_, e) => errors.Add(new SchemaError(e.Exception.LineNumber, WithoutValues().Replace(e.Message, "value")));
        using var reader = XmlReader.Create(document, settings); // CloseInput is false: the caller's stream stays open
        while (reader.Read())
        {
        }
        return errors;
    }
}

/// <summary>A schema error: its line, and the validator's own words (English: .NET's XML validator speaks no other language here).</summary>
public sealed record SchemaError(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}
