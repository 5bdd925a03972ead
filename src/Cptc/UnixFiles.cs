using System.Runtime.InteropServices;

namespace Cptc;

/// <summary>What a path is and who owns it, which .NET does not say: <c>statx</c> and
/// <c>chown</c> from libc on Linux (statx's layout is the same on every architecture). Elsewhere
/// the kind comes from .NET and owners are not kept.</summary>
internal static class UnixFiles
{
    public enum Kind { Missing, Regular, Directory, Other }

    public readonly record struct Status(Kind Kind, uint Uid, uint Gid, bool HasOwner);

    /// <summary>The path's status, following symbolic links.</summary>
    public static Status Stat(string path)
    {
        if (OperatingSystem.IsLinux())
        {
            var buffer = new byte[256];
            try
            {
                if (statx(AtFdCwd, path, 0, StatxType | StatxMode | StatxUid | StatxGid, buffer) == 0)
                {
                    uint uid = BitConverter.ToUInt32(buffer, 20), gid = BitConverter.ToUInt32(buffer, 24);
                    int type = BitConverter.ToUInt16(buffer, 28) & 0xF000;
                    var kind = type switch { 0x8000 => Kind.Regular, 0x4000 => Kind.Directory, _ => Kind.Other };
                    return new Status(kind, uid, gid, true);
                }
                if (Marshal.GetLastPInvokeError() == 2 /* ENOENT */) return new Status(Kind.Missing, 0, 0, false);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { }
        }
        if (Directory.Exists(path)) return new Status(Kind.Directory, 0, 0, false);
        return new Status(File.Exists(path) ? Kind.Regular : Kind.Missing, 0, 0, false);
    }

    /// <summary>Gives <paramref name="path"/> the owner of <paramref name="like"/>; false when it
    /// cannot (not root, or not Linux), which leaves the new file owned by whoever runs cptc.</summary>
    public static bool TryChown(string path, Status like)
    {
        if (!like.HasOwner || !OperatingSystem.IsLinux()) return false;
        try { return chown(path, like.Uid, like.Gid) == 0; }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { return false; }
    }

    const int AtFdCwd = -100;
    const uint StatxType = 0x1, StatxMode = 0x2, StatxUid = 0x8, StatxGid = 0x10;

    // paths are marshalled as UTF-8 (the default off Windows); the byte[] is pinned, so statx fills it
    [DllImport("libc", SetLastError = true)]
    static extern int statx(int dirfd, string path, int flags, uint mask, byte[] buffer);

    [DllImport("libc", SetLastError = true)]
    static extern int chown(string path, uint owner, uint group);
}
