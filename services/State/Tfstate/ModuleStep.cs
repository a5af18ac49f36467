namespace IacPlatform.State.Tfstate;

/// <summary>One <c>module.name[key]</c> step of a module instance path.</summary>
internal readonly record struct ModuleStep(string Name, InstanceKey Key)
{
    public override string ToString() => "module." + Name + Key;
}
