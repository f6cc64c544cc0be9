using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace HubInfra.Core.Config;

/// <summary>
/// Reads a Pulumi stack file (<c>stacks/Pulumi.&lt;stack&gt;.yaml</c>) offline into a <see cref="RawConfig"/>,
/// exactly as Pulumi would hand it to the program, except that secure values stay encrypted. Whatever the bytes,
/// the result is a <see cref="RawConfig"/> or one <see cref="StackFileException"/> naming the file (as the caller
/// spelled its path) with line and column: never another exception, never a hang.
/// </summary>
public static class StackFile
{
    public const string Prefix = "Pulumi.";
    public const string Suffix = ".yaml";

    /// <summary>Largest stack file read: 8 MiB (a large community stack is about 10 KB).</summary>
    public const long MaxBytes = 8L * 1024 * 1024;

    public static string FileName(string stack) => $"{Prefix}{stack}{Suffix}";

    /// <summary>A stack's file in a folder, spelled from the folder as the user gave it (<c>stacks/Pulumi.x.yaml</c>, <c>../other/Pulumi.x.yaml</c>).</summary>
    public static string PathIn(string folder, string stack) => Path.Combine(folder, FileName(stack));

    public static string StackNameOf(string path)
    {
        var name = Path.GetFileName(path);
        return name[Prefix.Length..^Suffix.Length];
    }

    /// <summary>Every stack file in a folder, sorted by stack name.</summary>
    public static IReadOnlyList<string> FindAll(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, $"{Prefix}*{Suffix}").Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Reads and parses a stack file; problems name <paramref name="path"/> as given.</summary>
    public static RawConfig Load(string path)
    {
        byte[] bytes;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
                throw new StackFileException(path, null, null,
                    $"is {length:N0} bytes; stack files are limited to {MaxBytes:N0} bytes (8 MiB): remove what the stack does not need");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new StackFileException(path, null, null, $"cannot be read ({e.Message.TrimEnd('.')}); check that it is a readable file");
        }
        return Parse(StackNameOf(path), Decode(bytes, path), path);
    }

    /// <summary>UTF-8 text of a stack file (a BOM is dropped); any other byte sequence is an error at its offset.</summary>
    public static string Decode(byte[] bytes, string file)
    {
        if (bytes.LongLength > MaxBytes)
            throw new StackFileException(file, null, null, $"is {bytes.LongLength:N0} bytes; stack files are limited to {MaxBytes:N0} bytes (8 MiB): remove what the stack does not need");
        ReadOnlySpan<byte> span = bytes;
        var bom = span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        span = span[bom..];
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, span.Length));
        try
        {
            var status = Utf8.ToUtf16(span, chars, out var read, out var written, false, true);
            if (status == OperationStatus.Done)
                return new string(chars, 0, written);
            var offset = bom + read;
            var before = bytes.AsSpan(0, offset);
            var line = before.Count((byte)'\n') + 1;
            var lineStart = before.LastIndexOf((byte)'\n') + 1;
            var column = Encoding.UTF8.GetCharCount(bytes, lineStart, offset - lineStart) + 1;
            throw new StackFileException(file, line, column,
                $"not UTF-8: byte 0x{bytes[offset]:X2} at byte offset {offset} is not valid UTF-8 (Pulumi refuses such files); save the file as UTF-8");
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Parses stack-file text; <paramref name="file"/> is the name problems give (default: Pulumi.&lt;stack&gt;.yaml).</summary>
    public static RawConfig Parse(string stackName, string yaml, string? file = null)
    {
        file ??= FileName(stackName);
        if (yaml.Length > MaxBytes)
            throw new StackFileException(file, null, null, $"is over {MaxBytes:N0} bytes; stack files are limited to 8 MiB: remove what the stack does not need");
        var root = StackYaml.Read(yaml, file);
        return StackFileLayout.Read(stackName, root);
    }
}

/// <summary>
/// A stack file that cannot be read at all (as opposed to one with config problems): not UTF-8, not YAML, too
/// large or unreadable. Its message is <c>FILE:LINE:COLUMN: what is wrong; how to fix it</c>.
/// </summary>
public sealed class StackFileException(string file, long? line, long? column, string reason)
    : Exception(line is null ? $"{file}: {reason}" : $"{file}:{line}:{column}: {reason}")
{
    public string File { get; } = file;

    public long? Line { get; } = line;

    public long? Column { get; } = column;

    public string Reason { get; } = reason;

    /// <summary>The same failure as a problem of its file (printed <c>FILE:LINE:COLUMN: reason</c>).</summary>
    public Problem ToProblem() => new(Line is null ? "" : $"{Line}:{Column}", Reason) { InFile = true };
}
