namespace IacPlatform.State.Tfstate;

/// <summary>Why an edit was refused; the HTTP layer maps these to 404, 409 and 400.</summary>
internal enum StateEditError
{
    /// <summary>The source address matches nothing in the state.</summary>
    NotFound,

    /// <summary>The destination address already exists.</summary>
    Conflict,

    /// <summary>The request or the stored state is malformed, or the edit makes no sense (types differ, a module moved into itself).</summary>
    Invalid,
}
