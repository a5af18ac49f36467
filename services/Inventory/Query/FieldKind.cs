namespace IacPlatform.Inventory.Query;

internal enum FieldKind
{
    /// <summary>A column of <c>resources</c> (through a fixed whitelist).</summary>
    Column,

    /// <summary><c>tags.&lt;key&gt;</c>: one tag's value.</summary>
    Tag,

    /// <summary><c>attributes.&lt;dot.path&gt;</c>: a value inside the attributes document.</summary>
    Attribute,

    /// <summary><c>tag</c>: any tag key or value (seed 004).</summary>
    AnyTag,
}
