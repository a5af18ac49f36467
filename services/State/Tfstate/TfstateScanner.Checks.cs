using System.Text.Json;

namespace IacPlatform.State.Tfstate;

internal static partial class TfstateScanner
{
    /// <summary>
    /// <c>check_results</c> (Terraform 1.3+): aggregates with a status and per-object statuses. Only failures matter
    /// here; anything unexpected is skipped because check results never decide whether a state is usable.
    /// </summary>
    private static void ReadCheckResults(ref Utf8JsonReader reader, Collector found)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("status"u8))
                {
                    found.ChecksFailed |= ReadFailedStatus(ref reader);
                }
                else if (reader.ValueTextEquals("objects"u8))
                {
                    ReadLegacyChecks(ref reader, found);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }

    /// <summary>An array of objects with a <c>status</c>: the older <c>checks</c> key, and the objects of a check result.</summary>
    private static void ReadLegacyChecks(ref Utf8JsonReader reader, Collector found)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("status"u8))
                {
                    found.ChecksFailed |= ReadFailedStatus(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }
    }

    private static bool ReadFailedStatus(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.String
            && (reader.ValueIsEscaped ? CheckStatus.IsFailure(reader.GetString()) : CheckStatus.IsFailure(reader.ValueSpan));
    }
}
