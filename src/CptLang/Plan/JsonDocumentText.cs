using System.Text;
using System.Text.Json;

namespace CptLang.Plan;

/// <summary>How every cptc JSON output is written: indented, "\n" line breaks whatever the
/// platform, UTF-8, ending with a newline — so outputs are byte-identical everywhere.</summary>
public static class JsonDocumentText
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
            write(json);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
