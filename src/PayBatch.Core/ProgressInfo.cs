namespace PayBatch.Core;

/// <summary>How far a long step is: rows done and, when known, the percentage of the whole.</summary>
public readonly record struct ProgressInfo(string Stage, long Count, int? Percent);
