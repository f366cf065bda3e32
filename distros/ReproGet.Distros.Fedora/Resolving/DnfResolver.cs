using System.Text;
using System.Text.Json;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Hashing;
using ReproGet.Core.Processes;
using ReproGet.Distros.Fedora.Repodata;

namespace ReproGet.Distros.Fedora.Resolving;

/// <summary>
/// Resolves with dnf's own solver in a <see cref="PrivateDnfState"/>: installroot = an empty private root (or the
/// base root), <c>releasever</c>, the target architecture forced (<c>--forcearch</c>'s <c>conf.arch</c>), the project's
/// repositories only, weak dependencies as <c>recommends</c> says. dnf 4 prints no machine-readable transaction, so
/// a short script (<c>dnf-resolve.py</c>) calls what <c>dnf install</c> calls (<c>Base.install</c>, <c>Base.resolve</c>)
/// on the interpreter dnf itself runs on, and prints the install set. Each file's SHA-256 is then read from the
/// private repodata as <c>hash generate</c> reads it (primary.xml checked against repomd.xml) and must equal dnf's.
/// </summary>
internal sealed class DnfResolver : IPackageResolver
{
    private const string Dnf = "dnf";

    public async Task<Resolution> ResolveAsync(ResolveRequest request, IStatusLog log, CancellationToken cancellationToken)
    {
        if (request.Snapshot is not null)
        {
            throw new ReproGetException("snapshot: Fedora has no snapshot archive that repro-get knows",
                "remove `snapshot` and point the sources at a repository that keeps the versions you need");
        }
        if (request.StatusFile is not null)
        {
            throw new ReproGetException($"base {request.StatusFile}: a dpkg status file cannot be the base of a Fedora lock",
                "use a base lock (SHA256SUMS-base-{arch}), a root directory with an rpm database, or \"none\"");
        }
        var release = request.Release ?? throw new ReproGetException("Fedora needs the release to resolve against",
            "add `releasever = \"40\"` (dnf's $releasever) to the project file");
        var sources = request.Sources.Select(DnfRepositoryLine.Parse).ToList();
        var state = PrivateDnfState.Create(request.StateDirectory);
        state.WriteRepositories(sources, request.Keyring);
        var python = Interpreter();
        log.Info($"{request.Architecture}: dnf resolves {string.Join(' ', request.Packages)} in {state.Directory}");
        var result = await ProcessRunner.RunAsync(python, ["-c", Script.Value, Request(state, request, release)], cancellationToken,
            throwOnFailure: false).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            var errors = result.StandardError.Split('\n').Where(l => l.StartsWith("E: ", StringComparison.Ordinal)).Select(l => l[3..]).ToList();
            throw new ReproGetException(
                $"dnf cannot install {string.Join(' ', request.Packages)} for {request.Architecture}: {string.Join(" | ", errors.DefaultIfEmpty(Last(result.StandardError)))}",
                "check the package names (NAME or NAME-VERSION), releasever, and that each source's baseurl serves repodata/repomd.xml");
        }
        using var answer = JsonDocument.Parse(result.StandardOutput);
        var repositories = CachedRepository.FindIn(state.CacheDirectory).Where(r => sources.Any(s => s.Id == r.Id)).ToList();
        var index = await RepositoryIndex.LoadAsync(repositories, cancellationToken).ConfigureAwait(false);
        var files = new List<LockedFile>();
        foreach (var package in answer.RootElement.GetProperty("packages").EnumerateArray())
        {
            files.Add(Lock(package, index));
        }
        return new Resolution([.. files.OrderBy(f => f.Name, StringComparer.Ordinal)], "dnf " + answer.RootElement.GetProperty("dnf").GetString());
    }

    private static LockedFile Lock(JsonElement package, RepositoryIndex index)
    {
        string Text(string key) => package.GetProperty(key).GetString() ?? "";
        var nevra = $"{Text("name")}-{package.GetProperty("epoch").GetInt32()}:{Text("version")}-{Text("release")}.{Text("arch")}";
        var file = index.Find(Text("name"), package.GetProperty("epoch").GetInt32(), Text("version"), Text("release"), Text("arch"))
            ?? throw new ReproGetException($"{nevra}: dnf chose it from {Text("repo")}, but no private repodata lists it",
                "run `repro-get lock --refresh` to fetch the metadata again");
        if (Text("checksumType") == "sha256" && !string.Equals(Text("checksum"), file.Sha256.Hex, StringComparison.OrdinalIgnoreCase))
        {
            throw new ReproGetException($"{nevra}: dnf says SHA-256 {Text("checksum")}, the repodata of {file.Repository} says {file.Sha256.Hex}",
                "run `repro-get lock --refresh` to fetch the metadata again");
        }
        var name = RpmPackageFile.KojiName(file.SourceRpm, file.Architecture, file.FileName)
            ?? throw new ReproGetException($"{file.FileName}: the {file.Repository} repodata names no source rpm for it, so it has no lock name",
                "lock it inside a Fedora system with `hash generate` instead");
        return new LockedFile(file.Sha256, name);
    }

    private static string Request(PrivateDnfState state, ResolveRequest request, string release)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("installroot", request.BaseRoot ?? state.EmptyRoot);
            json.WriteString("cachedir", state.CacheDirectory);
            json.WriteString("persistdir", state.PersistDirectory);
            json.WriteString("logdir", state.LogDirectory);
            json.WriteString("reposdir", state.ReposDirectory);
            json.WriteString("releasever", release);
            json.WriteString("arch", request.Architecture);
            json.WriteBoolean("weak", request.Recommends);
            // dnf checks repomd.xml again once the metadata is older than this (0: every run).
            json.WriteNumber("metadata_expire", request.Refresh ? 0 : (long)request.MaxIndexAge.TotalSeconds);
            json.WriteStartArray("packages");
            foreach (var package in request.Packages)
            {
                // The project file writes NAME=VERSION (as apt does); dnf's spec is NAME-VERSION.
                json.WriteStringValue(package.Replace('=', '-'));
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // dnf 4 is a Python program: its own #! line names the interpreter that has its modules (not a pyenv shim's).
    private static string Interpreter()
    {
        var dnf = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':')
            .Select(d => Path.Combine(d, Dnf)).FirstOrDefault(File.Exists)
            ?? throw new ToolMissingException("dnf (Fedora's solver, needed to resolve a Fedora project file)",
                "install dnf (Debian: `apt-get install dnf`, listed in scripts/bootstrap-packages.txt)");
        using var reader = new StreamReader(dnf);
        var first = reader.ReadLine() ?? "";
        return first.StartsWith("#!", StringComparison.Ordinal) && first[2..].Trim().Split(' ')[0] is { Length: > 0 } interpreter
            ? interpreter
            : throw new ReproGetException($"{dnf} is not the Python program dnf 4 is (no #! line)", "install dnf 4 (Debian's dnf package)");
    }

    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = typeof(DnfResolver).Assembly.GetManifestResourceStream("ReproGet.Distros.Fedora.Resolving.DnfResolve")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static string Last(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no error output)";
}
