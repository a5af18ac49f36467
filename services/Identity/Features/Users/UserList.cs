using IacPlatform.Identity.Features.Auth;

namespace IacPlatform.Identity.Features.Users;

public sealed record UserList(IReadOnlyList<UserResponse> Users, int Total, int Limit, int Offset);
