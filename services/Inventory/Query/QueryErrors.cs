using IacPlatform.ServiceDefaults.Errors;

namespace IacPlatform.Inventory.Query;

/// <summary>
/// The problems found in a query, each tied to where it is in the request (a JSON path such as
/// <c>filter.and[1].operator</c>, or a query parameter name). Becomes one 400 VALIDATION_ERROR.
/// </summary>
internal sealed class QueryErrors
{
    private const int MaxReported = 20;
    private readonly List<FieldError> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<FieldError> Items => _errors;

    public void Add(string path, string message)
    {
        if (_errors.Count < MaxReported)
        {
            _errors.Add(new FieldError(path, message));
        }
    }

    public ApiErrorResult ToResult()
    {
        if (_errors.Count == 0)
        {
            throw new InvalidOperationException("There is no error to report.");
        }

        var first = _errors[0];
        var message = $"Invalid query at '{first.Field}': {first.Message}";
        if (_errors.Count > 1)
        {
            message += $" ({_errors.Count - 1} more problem(s) in details)";
        }

        return ApiErrors.Validation(message, _errors);
    }
}
