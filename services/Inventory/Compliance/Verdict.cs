using System.Text.Json;

namespace IacPlatform.Inventory.Compliance;

/// <summary>Builds check outcomes with descriptions that name the deciding attribute.</summary>
internal static class Verdict
{
    public static ComplianceCheck Pass(string name, string description) => new(name, ComplianceStatuses.Pass, description);

    public static ComplianceCheck Fail(string name, string description) => new(name, ComplianceStatuses.Fail, description);

    public static ComplianceCheck NotApplicable(string name, string description) =>
        new(name, ComplianceStatuses.NotApplicable, description);

    /// <summary>
    /// An attribute the provider always reports for the type is absent: the posture is unknown, and unknown is not
    /// compliant (absence of evidence must not raise the score).
    /// </summary>
    public static ComplianceCheck NotReported(string name, string attribute) =>
        Fail(name, $"{attribute} is not reported by the provider, so it cannot be shown to be compliant.");

    public static ComplianceCheck Unexpected(string name, string attribute, JsonElement value) =>
        Fail(name, $"{attribute} has an unexpected value ({AttributeReader.Describe(value)}).");

    /// <summary>
    /// The common shape: a boolean attribute decides; <paramref name="compliantWhen"/> is the compliant value;
    /// absent fails as not reported. Several values (blocks) must all be compliant.
    /// </summary>
    public static ComplianceCheck Flag(
        string name, AttributeReader attributes, string path, string passText, string failText, bool compliantWhen = true)
    {
        var values = attributes.Items(path);
        if (values.Count == 0 || values.All(v => v.ValueKind == JsonValueKind.Null))
        {
            // An empty block ("versioning": []) is Terraform saying "not configured"; a missing key is silence.
            return path.Contains('.', StringComparison.Ordinal) && attributes.Has(path)
                ? Fail(name, $"{path} is not set: {failText}.")
                : NotReported(name, path);
        }

        foreach (var value in values)
        {
            switch (AttributeReader.AsBool(value))
            {
                case null:
                    return Unexpected(name, path, value);
                case var flag when flag != compliantWhen:
                    return Fail(name, $"{path} is {Lower(flag.Value)}: {failText}.");
            }
        }

        return Pass(name, $"{path} is {Lower(compliantWhen)}: {passText}.");
    }

    /// <summary>
    /// Backups of machines and disks are configured outside the resource (AWS Backup plans, Recovery Services,
    /// snapshot policies), usually selected by a tag: a backup tag decides, and without one the check does not apply.
    /// </summary>
    public static ComplianceCheck BackupTag(JsonElement tags, string type)
    {
        if (tags.ValueKind == JsonValueKind.Object)
        {
            foreach (var tag in tags.EnumerateObject())
            {
                if (!tag.Name.Contains("backup", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var value = AttributeReader.AsString(tag.Value)?.Trim() ?? "";
                return value.ToLowerInvariant() is "" or "false" or "no" or "none" or "off" or "disabled" or "0"
                    ? Fail(CheckNames.BackupEnabled, $"tag {tag.Name}=\"{value}\" opts the resource out of backup plans.")
                    : Pass(CheckNames.BackupEnabled, $"tag {tag.Name}=\"{value}\" selects the resource for a backup plan.");
            }
        }

        return NotApplicable(CheckNames.BackupEnabled,
            $"backups of {type} are configured outside the resource and no backup tag selects it.");
    }

    /// <summary>A block or list that counts when configured: absent fails as not reported, [] or null fails as off.</summary>
    public static ComplianceCheck Configured(
        string name, AttributeReader a, string path, string detailPath, string passText, string failText)
    {
        if (!a.Has(path))
        {
            return NotReported(name, path);
        }

        var detail = a.Values(detailPath).Where(AttributeReader.IsConfigured)
            .Select(v => v.ValueKind == JsonValueKind.Array ? string.Join(", ", v.EnumerateArray().Select(AttributeReader.Describe)) : AttributeReader.Describe(v))
            .FirstOrDefault();
        return detail is not null
            ? Pass(name, $"{detailPath} is {detail}: {passText}.")
            : Fail(name, $"{path} is not configured: {failText}.");
    }

    /// <summary><see cref="Verdict.Flag"/> on the first of several names (a renamed attribute) that is present.</summary>
    public static ComplianceCheck FirstPresentFlag(
        AttributeReader a, string name, string[] paths, string passText, string failText, bool compliantWhen = true) =>
        Flag(name, a, paths.FirstOrDefault(a.Has) ?? paths[0], passText, failText, compliantWhen);

    public static string Lower(bool value) => value ? "true" : "false";
}
