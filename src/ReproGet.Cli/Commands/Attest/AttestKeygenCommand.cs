using System.CommandLine;
using ReproGet.Core.Attestations;
using ReproGet.Core.Errors;

namespace ReproGet.Cli.Commands.Attest;

internal static class AttestKeygenCommand
{
    public static Command Create()
    {
        var prefix = new Argument<string>("PREFIX") { Description = "Writes PREFIX.key (private, mode 0600) and PREFIX.pub (PEM SubjectPublicKeyInfo)" };
        var command = new Command("keygen", """
            Make an Ed25519 key pair for `attest build`: PREFIX.key (PKCS#8 PEM, private) and PREFIX.pub (PEM public key).

            Example:
              repro-get attest keygen worker1 && repro-get attest build out.tar --lock SHA256SUMS-amd64 --key worker1.key
            """);
        command.Arguments.Add(prefix);
        command.SetAction((context, _) =>
        {
            var path = context.ParseResult.GetValue(prefix)!;
            var key = Ed25519PrivateKey.Generate();
            foreach (var existing in new[] { path + ".key", path + ".pub" }.Where(File.Exists))
            {
                throw new ReproGetException($"\"{existing}\" exists: not overwriting a key", "choose another PREFIX or remove the old pair");
            }
            using (var stream = new FileStream(path + ".key", new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(key.ToPem());
            }
            File.WriteAllText(path + ".pub", key.PublicKey.ToPem());
            context.Output.WriteLine(key.PublicKey.KeyId);
            context.Log.Info($"wrote {path}.key and {path}.pub (key id {key.PublicKey.KeyId})");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
