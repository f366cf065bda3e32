using System.Runtime.InteropServices;
using ReproGet.Core.Errors;

namespace ReproGet.Core.Hashing;

public enum Sha256BackendKind
{
    OpenSsl,
    Gcrypt,
}

/// <summary>
/// Chooses how SHA-256 is computed, once per process. <c>REPRO_GET_SHA256_BACKEND=openssl|gcrypt</c> forces one
/// (tests use it to exercise both on one machine).
/// </summary>
public static class Sha256Backend
{
    public const string EnvironmentVariable = "REPRO_GET_SHA256_BACKEND";

    // The names .NET's OpenSSL shim itself tries; if none loads, touching System.Security.Cryptography aborts.
    private static readonly string[] LibSslNames = ["libssl.so.3", "libssl.so.1.1", "libssl.so.1.0.2", "libssl.so.10"];

    private static readonly Lazy<Sha256BackendKind> Chosen = new(Choose);

    public static Sha256BackendKind Current => Chosen.Value;

    public static bool IsOpenSslAvailable { get; } = LibSslNames.Any(CanLoad);

    private static Sha256BackendKind Choose()
    {
        var forced = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.Equals(forced, "gcrypt", StringComparison.OrdinalIgnoreCase))
        {
            return RequireGcrypt();
        }
        if (string.Equals(forced, "openssl", StringComparison.OrdinalIgnoreCase) || IsOpenSslAvailable)
        {
            return Sha256BackendKind.OpenSsl;
        }
        return RequireGcrypt();
    }

    private static Sha256BackendKind RequireGcrypt() =>
        CanLoad(GcryptSha256.Library)
            ? Sha256BackendKind.Gcrypt
            : throw new ToolMissingException("SHA-256 (neither libssl nor libgcrypt.so.20 could be loaded)",
                "install libssl3 or libgcrypt20 into this root");

    private static bool CanLoad(string name)
    {
        if (!NativeLibrary.TryLoad(name, out var handle))
        {
            return false;
        }
        NativeLibrary.Free(handle);
        return true;
    }
}
