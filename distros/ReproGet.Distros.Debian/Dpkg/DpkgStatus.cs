using System.Runtime.InteropServices;
using ReproGet.Core.Distros;
using ReproGet.Formats.Deb822;

namespace ReproGet.Distros.Debian.Dpkg;

/// <summary>dpkg's database of installed packages (<c>/var/lib/dpkg/status</c> under the root), read directly.</summary>
public sealed class DpkgStatus
{
    public const string StatusPath = "/var/lib/dpkg/status";

    private DpkgStatus(IReadOnlyList<InstalledPackage> packages, string nativeArchitecture)
    {
        Packages = packages;
        NativeArchitecture = nativeArchitecture;
    }

    /// <summary>Every package dpkg knows, in file order, whatever its state.</summary>
    public IReadOnlyList<InstalledPackage> Packages { get; }

    /// <summary>dpkg's own architecture (that of the installed <c>dpkg</c> package), else this machine's.</summary>
    public string NativeArchitecture { get; }

    /// <summary>Reads the root's status file; a root without one has nothing installed.</summary>
    public static DpkgStatus Read(DistroContext context)
    {
        var path = context.RootPath(StatusPath);
        if (!File.Exists(path))
        {
            return new DpkgStatus([], MachineArchitecture());
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Parse(stream, path);
    }

    public static DpkgStatus Parse(Stream stream, string source)
    {
        var packages = new List<InstalledPackage>();
        using var reader = new Deb822Reader(stream, source, leaveOpen: true);
        while (reader.TryRead(out var paragraph))
        {
            var status = paragraph["Status"]?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (paragraph["Package"] is { } name && paragraph["Version"] is { } version
                && paragraph["Architecture"] is { } architecture && status is { Length: 3 })
            {
                packages.Add(new InstalledPackage(name, architecture, version, status[2]));
            }
        }
        var dpkg = packages.FirstOrDefault(p => p.Name == "dpkg" && p.HasFiles);
        return new DpkgStatus(packages, dpkg?.Architecture ?? MachineArchitecture());
    }

    /// <summary>The Debian name of the architecture this process runs on.</summary>
    public static string MachineArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        Architecture.Arm => "armhf",
        Architecture.X86 => "i386",
        Architecture.S390x => "s390x",
        Architecture.Ppc64le => "ppc64el",
        Architecture.RiscV64 => "riscv64",
        Architecture.LoongArch64 => "loong64",
        var other => other.ToString().ToLowerInvariant(),
    };
}
