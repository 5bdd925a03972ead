using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace CptLang.Export.Tables;

/// <summary>
/// NumPy's <c>.npy</c> format, version 1.0: the magic <c>\x93NUMPY</c>, version bytes 1 0, a
/// little-endian uint16 header length, an ASCII Python dict literal padded with spaces and ended
/// by <c>\n</c> so that the data starts at a multiple of 64 bytes, then the data. cptc writes one
/// 1-D little-endian float64 array (<c>'&lt;f8'</c>), so <c>numpy.load</c> reads it on any machine.
/// </summary>
public static class NpyFormat
{
    static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];

    public static byte[] Write(IReadOnlyList<double> values)
    {
        string dict = $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({values.Count.ToString(CultureInfo.InvariantCulture)},), }}";
        int unpadded = Magic.Length + 2 + dict.Length + 1;
        int headerLength = dict.Length + 1 + (64 - unpadded % 64) % 64;
        var bytes = new byte[Magic.Length + 2 + headerLength + 8L * values.Count];
        Magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(Magic.Length), checked((ushort)headerLength));
        var header = Encoding.ASCII.GetBytes(dict.PadRight(headerLength - 1) + "\n");
        header.CopyTo(bytes, Magic.Length + 2);
        int offset = Magic.Length + 2 + headerLength;
        for (int i = 0; i < values.Count; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(offset + 8 * i), values[i]);
        return bytes;
    }
}
