namespace PayBatch.Core.Domain;

/// <summary>
/// Bad input or a missing fact: the user can fix it, nothing was changed. The CLI maps it to exit 2.
/// </summary>
public class InputException(string message) : Exception(message);
