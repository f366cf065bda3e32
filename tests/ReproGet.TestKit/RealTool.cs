using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ReproGet.TestKit;

/// <summary>
/// Runs a real program a test needs (dpkg, apt-cache, xz, lz4…), binary-safe on stdin and stdout. A program that
/// is not installed fails the test and says where to get it; it is never a silent skip.
/// </summary>
public static class RealTool
{
    public sealed record Result(int ExitCode, byte[] StandardOutput, string StandardError)
    {
        public string Text => Encoding.UTF8.GetString(StandardOutput);
    }

    /// <summary>Fails at once, naming the first of <paramref name="tools"/> not on PATH, before a long setup gets halfway.</summary>
    public static void RequireInstalled(params string[] tools)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        var missing = tools.FirstOrDefault(tool => !directories.Any(dir => File.Exists(Path.Combine(dir, tool))));
        if (missing is not null)
        {
            throw new InvalidOperationException($"{missing} is missing: install it via scripts/bootstrap (scripts/bootstrap-packages.txt)");
        }
    }

    /// <summary>Runs and requires exit code 0; returns standard output as text.</summary>
    public static string Run(string tool, params string[] arguments) => RunBytes(tool, arguments).Text;

    /// <summary>Runs and requires exit code 0.</summary>
    public static Result RunBytes(string tool, IEnumerable<string> arguments, byte[]? input = null)
    {
        var list = arguments.ToList();
        var result = Try(tool, list, input);
        return result.ExitCode == 0
            ? result
            : throw new InvalidOperationException($"`{tool} {string.Join(' ', list)}` failed with exit code {result.ExitCode}: {result.StandardError}");
    }

    /// <summary>Runs with <c>LC_ALL=C</c> and returns whatever happened.</summary>
    public static Result Try(string tool, IEnumerable<string> arguments, byte[]? input = null)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["LC_ALL"] = "C";
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} is not installed: install it via scripts/bootstrap ({e.Message})", e);
        }
        using (process)
        {
            var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            var error = process.StandardError.ReadToEndAsync();
            try
            {
                process.StandardInput.BaseStream.Write(input ?? []);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The tool exited without reading all its input; its exit code and stderr tell why.
            }
            copy.Wait();
            process.WaitForExit();
            return new Result(process.ExitCode, output.ToArray(), error.Result);
        }
    }

    /// <summary>Compresses with the real gzip, xz, zstd or lz4, chosen by the file suffix (<c>.gz .xz .zst .lz4</c>).</summary>
    public static byte[] Compress(string suffix, byte[] plain)
    {
        string[] command = suffix switch
        {
            ".gz" => ["gzip", "-c", "-n"],
            ".xz" => ["xz", "-c"],
            ".zst" => ["zstd", "-c", "-q"],
            ".lz4" => ["lz4", "-c", "-q"],
            "" => [],
            _ => throw new ArgumentOutOfRangeException(nameof(suffix), suffix, "want .gz, .xz, .zst, .lz4 or empty"),
        };
        return command.Length == 0 ? plain : RunBytes(command[0], command[1..], plain).StandardOutput;
    }
}
