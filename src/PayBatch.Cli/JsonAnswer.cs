using System.Text.Json;
using System.Text.Json.Nodes;

namespace PayBatch.Cli;

/// <summary>
/// A command's JSON answer with one long list written item by item as it is made: a reconcile's million findings are never
/// a JSON tree, nor one string (1.9 GB as both). The bytes are those of the whole tree written at once.
/// </summary>
public static class JsonAnswer
{
    private const int ItemsAtOnce = 500;

    /// <summary>
    /// Writes <paramref name="answer"/> to <paramref name="output"/> and a line end, the value of its property
    /// <paramref name="list"/> (present, empty, where the list goes) being <paramref name="items"/>, each made by <paramref name="item"/>.
    /// </summary>
    public static void Write<T>(TextWriter output, JsonObject answer, string list, IEnumerable<T> items, Func<T, JsonNode> item, JsonSerializerOptions options)
    {
        if (!answer.ContainsKey(list)) throw new ArgumentException($"the answer has no property {list}", nameof(list));
        using (var stream = new TextWriterStream(output))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions
               {
                   Indented = options.WriteIndented, Encoder = options.Encoder, NewLine = options.NewLine,
                   IndentCharacter = options.IndentCharacter, IndentSize = options.IndentSize,
                   MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth, // the serializer's default depth, as the tree's own writing has it
               }))
        {
            w.WriteStartObject();
            foreach (var (name, value) in answer)
            {
                w.WritePropertyName(name);
                if (name != list)
                {
                    if (value is null) w.WriteNullValue();
                    else value.WriteTo(w, options);
                    continue;
                }
                w.WriteStartArray();
                var n = 0;
                foreach (var i in items)
                {
                    item(i).WriteTo(w, options);
                    if (++n % ItemsAtOnce == 0) w.Flush(); // the writer holds all it is given until flushed
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        output.WriteLine();
    }
}
