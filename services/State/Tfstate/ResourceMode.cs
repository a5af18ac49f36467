namespace IacPlatform.State.Tfstate;

/// <summary>A managed resource (<c>resource</c> block) or a data source (<c>data</c> block).</summary>
internal enum ResourceMode
{
    Managed,
    Data,
}
