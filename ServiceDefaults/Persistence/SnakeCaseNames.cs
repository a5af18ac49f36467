using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace IacPlatform.ServiceDefaults.Persistence;

/// <summary>
/// Names every table, column, key and index in snake_case, like the outbox tables, so the schema reads
/// the same whichever library (ASP.NET Identity, OpenIddict, ours) declared the entity. Call it last in
/// <c>OnModelCreating</c>; <c>tableNames</c> renames tables a library named (e.g. AspNetUsers).
/// </summary>
public static class SnakeCaseNames
{
    public static void UseSnakeCaseNames(this ModelBuilder builder, IReadOnlyDictionary<string, string>? tableNames = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null || entity.IsOwned())
            {
                continue;
            }

            entity.SetTableName(tableNames is not null && tableNames.TryGetValue(table, out var mapped) ? mapped : ToSnakeCase(table));
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.GetColumnName()));
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(ToSnakeCase(key.GetName() ?? ""));
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(ToSnakeCase(foreignKey.GetConstraintName() ?? ""));
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(ToSnakeCase(index.GetDatabaseName() ?? ""));
            }
        }
    }

    public static string ToSnakeCase(string name)
    {
        var result = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (i > 0 && name[i - 1] != '_' && (previousIsLowerOrDigit || (nextIsLower && char.IsUpper(name[i - 1]))))
                {
                    result.Append('_');
                }

                result.Append(char.ToLowerInvariant(c));
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
