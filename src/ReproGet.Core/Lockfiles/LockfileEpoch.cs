using System.Globalization;
using ReproGet.Core.Errors;

namespace ReproGet.Core.Lockfiles;

/// <summary>
/// The time a lockfile pins: <c>SOURCE_DATE_EPOCH</c> when set, else the file's modification time.
/// Unlike the Go tool, an invalid <c>SOURCE_DATE_EPOCH</c> is an error rather than silently ignored.
/// </summary>
public static class LockfileEpoch
{
    public const string EnvironmentVariable = "SOURCE_DATE_EPOCH";

    public static DateTimeOffset Resolve(string lockfilePath, string? sourceDateEpoch)
    {
        if (!string.IsNullOrEmpty(sourceDateEpoch))
        {
            return Parse(sourceDateEpoch);
        }
        return new DateTimeOffset(File.GetLastWriteTimeUtc(lockfilePath), TimeSpan.Zero);
    }

    public static DateTimeOffset Parse(string sourceDateEpoch)
    {
        if (!long.TryParse(sourceDateEpoch, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            || seconds < -62135596800 || seconds > 253402300799)
        {
            throw new ReproGetException($"invalid {EnvironmentVariable} \"{sourceDateEpoch}\": want whole seconds since 1970-01-01 UTC",
                $"unset {EnvironmentVariable} to use the lockfile's modification time");
        }
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }
}
