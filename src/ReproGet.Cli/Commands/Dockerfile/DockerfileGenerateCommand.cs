using System.CommandLine;
using System.Runtime.InteropServices;
using ReproGet.Core.Distros;
using ReproGet.Core.Errors;
using ReproGet.Core.Files;
using ReproGet.Core.Hashing;

namespace ReproGet.Cli.Commands.Dockerfile;

internal static class DockerfileGenerateCommand
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "Directory to write the Dockerfiles and the repro-get binary into (the build context)" };
        var baseImage = new Argument<string>("BASEIMAGE") { Description = "Base image, e.g. docker.io/library/debian:bookworm-20231009 or a local image" };
        var packages = new Argument<string[]>("PKG") { Description = "Packages Dockerfile.generate-hash installs and locks", Arity = ArgumentArity.ZeroOrMore };
        var binary = new Option<string?>("--binary") { Description = "The self-contained linux repro-get to copy into DIR (default: this one)" };
        var binaryFrom = new Option<string>("--binary-from")
        {
            Description = "Where the image gets repro-get: 'context' (copied into DIR, its sha256 checked by the Dockerfile; no release download)",
            DefaultValueFactory = _ => "context",
        };
        binaryFrom.AcceptOnlyFromAmong("context");
        var architecture = new Option<string>("--arch")
        {
            Description = "The image's architecture, the suffix of SHA256SUMS-<arch> (default: this machine's)",
            DefaultValueFactory = _ => HostArchitecture(),
        };
        var installer = new Option<string>("--installer")
        {
            Description = "'tool': repro-get installs in the image; 'bundle': fetch in a separate stage and install with the bundle's "
                + "install.sh, for a base where repro-get cannot run",
            DefaultValueFactory = _ => "tool",
        };
        installer.AcceptOnlyFromAmong("tool", "bundle");
        var command = new Command("generate", """
            Write Dockerfiles that install exactly the locked packages into BASEIMAGE, reproducibly:
            Dockerfile.generate-hash (only with PKG: installs them once against the distro's snapshot archive at
            SOURCE_DATE_EPOCH and outputs SHA256SUMS-<arch> and SOURCE_DATE_EPOCH) and Dockerfile (installs from
            SHA256SUMS-<arch>, cache on a mount, logs and caches removed, mtimes clamped, one layer). The base image
            is pinned by digest when it carries one or `buildah inspect` knows it.

            Example:
              repro-get --distro debian dockerfile generate ctx debian:bookworm hello
              cd ctx && buildah build --output type=local,dest=. -f Dockerfile.generate-hash .
              buildah build --timestamp "$(cat SOURCE_DATE_EPOCH)" -t hello-image .
            """);
        command.Arguments.Add(directory);
        command.Arguments.Add(baseImage);
        command.Arguments.Add(packages);
        command.Options.Add(binary);
        command.Options.Add(binaryFrom);
        command.Options.Add(architecture);
        command.Options.Add(installer);
        command.SetAction(async (context, cancellationToken) =>
        {
            var result = context.ParseResult;
            if (result.GetResult(GlobalOptions.Distro) is null or { Implicit: true })
            {
                context.Log.Warn($"No image distro was explicitly specified (--distro=...), assuming \"{context.Distro.Name}\"");
            }
            var renderer = context.Distro.Dockerfiles
                ?? throw new NotSupportedByDistroException(context.Distro.Name, "dockerfile generate");
            var output = result.GetValue(directory)!;
            var image = result.GetValue(baseImage)!;
            var arch = result.GetValue(architecture)!;
            var packageList = string.Join(' ', result.GetValue(packages) ?? []);
            var binaryName = $"repro-get.linux-{arch}";
            // Every input is checked before anything is written: it reaches shell lines and the name of a file.
            renderer.Check(new DockerfileParameters(image, image, packageList, arch, binaryName, "", context.Distro.Name, SourceCatalog.Version));
            var pinned = await BaseImageDigest.PinAsync(image, cancellationToken).ConfigureAwait(false);
            if (pinned is null)
            {
                context.Log.Warn($"could not find the digest of \"{image}\" (not local to buildah and not name@sha256:…): the Dockerfiles use the tag");
            }
            // Staged, then renamed in only when everything rendered: a failure leaves no 33 MB binary behind, and
            // nothing is written through a link already in DIR.
            using var folder = SafeOutputFolder.Begin(output);
            var sha256 = await ContextBinary.CopyAsync(result.GetValue(binary) ?? Environment.ProcessPath ?? "",
                folder, binaryName, cancellationToken).ConfigureAwait(false);
            var parameters = new DockerfileParameters(pinned ?? image, image, packageList,
                arch, binaryName, sha256.Hex, context.Distro.Name, SourceCatalog.Version);
            var kinds = new List<(DockerfileKind Kind, string File)>();
            if (parameters.Packages.Length > 0)
            {
                kinds.Add((DockerfileKind.GenerateHash, "Dockerfile.generate-hash"));
            }
            kinds.Add((result.GetValue(installer) == "bundle" ? DockerfileKind.InstallFromBundle : DockerfileKind.Install, "Dockerfile"));
            foreach (var (kind, file) in kinds)
            {
                var text = renderer.RenderDockerfile(kind, parameters)
                    ?? throw new NotSupportedByDistroException(context.Distro.Name, $"a {kind} Dockerfile template");
                context.Log.Info($"Generating \"{Path.Combine(folder.Target, file)}\"");
                await using var stream = folder.Create(file);
                await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
            }
            folder.Commit(replace: true);
            context.Log.Info("Next steps:");
            context.Output.WriteLine("-----");
            context.Output.WriteLine($"cd {output}");
            if (parameters.Packages.Length > 0)
            {
                context.Output.WriteLine("buildah build --output type=local,dest=. -f Dockerfile.generate-hash .");
            }
            context.Output.WriteLine("buildah build --timestamp \"$(cat SOURCE_DATE_EPOCH)\" -t IMAGE .");
            context.Output.WriteLine("-----");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string HostArchitecture() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.Arm64 => "arm64",
        Architecture.X86 => "386",
        Architecture.Arm => "arm-v7",
        Architecture.RiscV64 => "riscv64",
        var other => other.ToString().ToLowerInvariant(),
    };
}
