using ReproGet.Core.Errors;

namespace ReproGet.Core.Providers;

/// <summary>Splits a provider string into literal text and <c>{{ … }}</c> actions, rejecting what it cannot render.</summary>
internal static class TemplateParser
{
    public static IReadOnlyList<TemplatePart> Parse(string raw)
    {
        var parts = new List<TemplatePart>();
        var position = 0;
        while (position < raw.Length)
        {
            var open = raw.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new LiteralPart(raw[position..]));
                break;
            }
            if (open > position)
            {
                parts.Add(new LiteralPart(raw[position..open]));
            }
            var close = raw.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw Invalid(raw, "unclosed \"{{\"");
            }
            parts.Add(ParseAction(raw, raw[(open + 2)..close]));
            position = close + 2;
        }
        return parts;
    }

    private static ActionPart ParseAction(string raw, string action)
    {
        var words = action.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 2)
        {
            throw Invalid(raw, $"cannot understand \"{{{{{action}}}}}\"");
        }
        var function = words.Length == 2 ? words[0] : null;
        var field = words[^1];
        if (!field.StartsWith('.') || field.Length < 2)
        {
            throw Invalid(raw, $"want a field such as .Name in \"{{{{{action}}}}}\"");
        }
        var path = field[1..].Split('.');
        var problem = ActionPart.Validate(function, path);
        return problem is null ? new ActionPart(function, path) : throw Invalid(raw, problem);
    }

    private static ReproGetException Invalid(string raw, string reason) => new($"invalid provider \"{raw}\": {reason}");
}
