namespace PayBatch.Core.Domain;

/// <summary>Why a batch was created: the quarter's run, or the re-issue of rejected payments.</summary>
public enum BatchKind
{
    Run,
    Reissue,
}
