using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Processes;

namespace ReproGet.Distros.Fedora.Verifying;

/// <summary>
/// The rpm database whose imported keys (<c>gpg-pubkey</c> packages) <c>rpmkeys --checksig</c> trusts: the root's own
/// (<c>--root</c>), or, for keys given with <c>--keyring</c> (armored public key files), a private temporary rpmdb
/// they are imported into with <c>rpmkeys --import</c>, so the root's database is neither read nor written.
/// </summary>
internal sealed class RpmKeyring : IDisposable
{
    private readonly string? _privateDatabase;

    private RpmKeyring(IReadOnlyList<string> arguments, string description, string? privateDatabase)
    {
        Arguments = arguments;
        Description = description;
        _privateDatabase = privateDatabase;
    }

    /// <summary>The options that point rpm and rpmkeys at this database.</summary>
    public IReadOnlyList<string> Arguments { get; }

    public string Description { get; }

    public static async Task<RpmKeyring> OpenAsync(DistroContext context, IReadOnlyList<string> given, CancellationToken cancellationToken)
    {
        if (given.Count == 0)
        {
            return new RpmKeyring(["--root", context.Root], $"the rpm database of {context.Root}", null);
        }
        var database = Directory.CreateTempSubdirectory("repro-get-rpmdb.").FullName;
        var keyring = new RpmKeyring(["--dbpath", database], string.Join(", ", given.Select(Path.GetFullPath)), database);
        try
        {
            foreach (var file in given.Select(Path.GetFullPath))
            {
                if (!File.Exists(file))
                {
                    throw new ReproGetException($"key file \"{file}\" does not exist", "pass an armored OpenPGP public key (what `rpm --import` takes)");
                }
                var import = await ProcessRunner.RunAsync("rpmkeys", ["--dbpath", database, "--import", file], cancellationToken, throwOnFailure: false)
                    .ConfigureAwait(false);
                if (import.ExitCode != 0)
                {
                    throw new ReproGetException($"rpmkeys cannot import \"{file}\": {import.StandardError.Trim()}",
                        "pass an armored OpenPGP public key (what `rpm --import` takes)");
                }
            }
            return keyring;
        }
        catch
        {
            keyring.Dispose();
            throw;
        }
    }

    /// <summary>The user id of each imported key by its short key ID (<c>gpg-pubkey</c>'s version), for the report.</summary>
    public async Task<IReadOnlyDictionary<string, string>> UidsAsync(CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync("rpm", [.. Arguments, "-q", "gpg-pubkey", "--qf", "%{version} %{summary}\\n"],
            cancellationToken, throwOnFailure: false).ConfigureAwait(false);
        var uids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (result.ExitCode == 0 && space > 0)
            {
                var summary = line[(space + 1)..];
                uids.TryAdd(line[..space], summary.EndsWith(" public key", StringComparison.Ordinal) ? summary[..^" public key".Length] : summary);
            }
        }
        return uids;
    }

    public void Dispose()
    {
        if (_privateDatabase is not null)
        {
            try
            {
                Directory.Delete(_privateDatabase, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
