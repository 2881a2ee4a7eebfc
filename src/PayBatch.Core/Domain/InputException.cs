namespace PayBatch.Core.Domain;

/// <summary>
/// Bad input or a missing fact: the user can fix it, nothing was changed. The CLI maps it to exit 2.
/// </summary>
public class InputException(string message) : Exception(message);

/// <summary>
/// A failure the program can state exactly (exit 1): what happened, what was kept and what to do next.
/// The CLI prints its message as it is, instead of the generic "unexpected failure".
/// </summary>
public class StatedFailureException(string message, Exception? inner = null) : Exception(message, inner);
