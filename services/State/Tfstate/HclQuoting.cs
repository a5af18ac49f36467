using System.Globalization;
using System.Text;

namespace IacPlatform.State.Tfstate;

/// <summary>
/// HCL's quoted-string syntax, which Terraform uses for string keys in addresses (<c>aws_instance.web["a\"b"]</c>).
/// Template sequences are doubled (<c>$${</c>) as Terraform does, so an address stays a valid HCL traversal.
/// </summary>
internal static class HclQuoting
{
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '$' or '%' when i + 1 < value.Length && value[i + 1] == '{':
                    builder.Append(c).Append(c);
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// Reads a quoted string starting at <paramref name="start"/> (the opening quote). Returns the index just past the
    /// closing quote, or -1 with <paramref name="error"/> set.
    /// </summary>
    public static int Unquote(string text, int start, out string value, out string error)
    {
        var builder = new StringBuilder();
        value = "";
        error = "";
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                value = builder.ToString();
                return i + 1;
            }

            if (c is '$' or '%' && i + 2 < text.Length && text[i + 1] == c && text[i + 2] == '{')
            {
                builder.Append(c);
                i++;
                continue;
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (++i >= text.Length)
            {
                break;
            }

            switch (text[i])
            {
                case '"' or '\\':
                    builder.Append(text[i]);
                    break;
                case 'n':
                    builder.Append('\n');
                    break;
                case 'r':
                    builder.Append('\r');
                    break;
                case 't':
                    builder.Append('\t');
                    break;
                case 'u' or 'U':
                    var digits = text[i] == 'u' ? 4 : 8;
                    if (i + digits >= text.Length
                        || !int.TryParse(text.AsSpan(i + 1, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                        || code is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
                    {
                        error = $"invalid \\{text[i]} escape at character {i}";
                        return -1;
                    }

                    builder.Append(char.ConvertFromUtf32(code));
                    i += digits;
                    break;
                default:
                    error = $"unknown escape \\{text[i]} at character {i}";
                    return -1;
            }
        }

        error = $"the quoted key starting at character {start + 1} is not closed";
        return -1;
    }
}
