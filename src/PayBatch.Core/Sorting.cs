namespace PayBatch.Core;

internal static class Sorting
{
    /// <summary>
    /// Sorts unless the list is in order already: cases are read back in the order the registry was imported,
    /// usually the case id's, and sorting a million rows that are in order still costs a second (issue 15).
    /// For keys that are unique, as case ids are, the result is the same either way.
    /// </summary>
    public static void SortUnlessSorted<T>(this List<T> list, Comparison<T> comparison)
    {
        for (var i = 1; i < list.Count; i++)
        {
            if (comparison(list[i - 1], list[i]) <= 0) continue;
            list.Sort(comparison);
            return;
        }
    }
}
