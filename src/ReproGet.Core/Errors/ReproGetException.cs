namespace ReproGet.Core.Errors;

/// <summary>
/// Base of every error the tool reports to the user: the message says what failed and for which file or URL;
/// <see cref="Hint"/> says what to try.
/// </summary>
public class ReproGetException : Exception
{
    public ReproGetException(string message, string? hint = null, Exception? inner = null)
        : base(message, inner)
    {
        Hint = hint;
    }

    public string? Hint { get; }
}
