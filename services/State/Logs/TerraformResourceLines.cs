using IacPlatform.State.Tfstate;

namespace IacPlatform.State.Logs;

/// <summary>
/// The text lines that name a resource instance: the plan's <c># ADDRESS will be ...</c> headers and the
/// <c>ADDRESS: Creating...</c> / <c>ADDRESS: Creation complete after 2s [id=...]</c> progress lines.
/// </summary>
internal static class TerraformResourceLines
{
    private static readonly (string Phrase, string Action)[] PlanHeaders =
    [
        (" will be created", "create"),
        (" will be updated in-place", "update"),
        (" will be destroyed", "delete"),
        (" must be replaced", "replace"),
        (" will be replaced", "replace"),
        (" will be read during apply", "read"),
        (" will be imported", "import"),
        (" will no longer be managed by Terraform", "forget"),
    ];

    /// <summary>Whether the line has the <c>ADDRESS: </c> shape of a progress line (used to end a diagnostic).</summary>
    public static bool IsProgress(string text) => SplitProgress(text, out _, out _);

    public static bool TryPlanHeader(string text, TerraformRunTally tally)
    {
        if (!text.StartsWith("# ", StringComparison.Ordinal))
        {
            return false;
        }

        var moved = text.IndexOf(" has moved to ", StringComparison.Ordinal);
        if (moved > 2 && IsAddress(text[(moved + " has moved to ".Length)..], out var target))
        {
            tally.Planned(target, null, "no-op");
            return true;
        }

        foreach (var (phrase, action) in PlanHeaders)
        {
            var at = text.IndexOf(phrase, StringComparison.Ordinal);
            if (at > 2 && IsAddress(text[2..at], out var address))
            {
                tally.Planned(address, null, action);
                return true;
            }
        }

        return false;
    }

    public static bool TryProgress(string text, TerraformRunTally tally)
    {
        if (!SplitProgress(text, out var address, out var verb))
        {
            return false;
        }

        if (verb.StartsWith("Creating...", StringComparison.Ordinal))
        {
            tally.ApplyStarted(address, null, "create");
        }
        else if (verb.StartsWith("Creation complete", StringComparison.Ordinal))
        {
            tally.ApplyCompleted(address, null, "create");
        }
        else if (verb.StartsWith("Modifying...", StringComparison.Ordinal))
        {
            tally.ApplyStarted(address, null, "update");
        }
        else if (verb.StartsWith("Modifications complete", StringComparison.Ordinal))
        {
            tally.ApplyCompleted(address, null, "update");
        }
        else if (verb.StartsWith("Destroying...", StringComparison.Ordinal))
        {
            tally.ApplyStarted(address, null, "delete");
        }
        else if (verb.StartsWith("Destruction complete", StringComparison.Ordinal))
        {
            tally.ApplyCompleted(address, null, "delete");
        }
        else if (verb.StartsWith("Importing", StringComparison.Ordinal) || verb.StartsWith("Import ", StringComparison.Ordinal))
        {
            tally.ApplyStarted(address, null, "import");
        }
        else if (verb.StartsWith("Reading...", StringComparison.Ordinal) || verb.StartsWith("Read complete", StringComparison.Ordinal))
        {
            tally.ApplyStarted(address, null, "read");
        }
        else if (verb.StartsWith("Refreshing state...", StringComparison.Ordinal))
        {
            tally.Refreshed(address, null);
        }
        else if (verb.EndsWith("errored", StringComparison.Ordinal))
        {
            tally.ApplyFailed();
        }
        else
        {
            // "Still creating... [10s elapsed]", "Provisioning with 'local-exec'..." only show the run is alive;
            // anything else after "name.name: " is not Terraform's.
            return verb.StartsWith("Still ", StringComparison.Ordinal)
                || verb.StartsWith("Provisioning with ", StringComparison.Ordinal);
        }

        return true;
    }

    /// <summary>Splits <c>ADDRESS: rest</c> at the first <c>": "</c> outside brackets and quotes.</summary>
    private static bool SplitProgress(string text, out string address, out string verb)
    {
        address = verb = "";
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                depth--;
            }
            else if (depth == 0 && c == ':' && text[i + 1] == ' ')
            {
                verb = text[(i + 2)..];
                return IsAddress(text[..i], out address);
            }
        }

        return false;
    }

    /// <summary>A resource instance address, without a <c> (deposed object ...)</c> suffix.</summary>
    private static bool IsAddress(string candidate, out string address)
    {
        var deposed = candidate.IndexOf(" (deposed object ", StringComparison.Ordinal);
        address = (deposed > 0 ? candidate[..deposed] : candidate).Trim();
        return address.Length > 0 && address.Contains('.', StringComparison.Ordinal)
            && ResourceAddress.TryParse(address, out _, out _);
    }
}
