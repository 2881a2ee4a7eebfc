using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PayBatch.Core.Persistence;

/// <summary>
/// A table's columns as the EF model defines them, with how to read each one's stored value from a
/// row: the one definition the bulk paths (<see cref="RowWriter{TRow}"/>, <see cref="UpsertSink{TRow}"/>)
/// write by, so a column list and its values cannot fall out of step. Store-generated keys are left
/// to the database; enums are written as their codes, through the model's converters.
/// </summary>
public sealed class TableMap<TRow> where TRow : class
{
    private static readonly ConcurrentDictionary<IModel, TableMap<TRow>> Maps = new();

    private readonly Func<TRow, object?>[] _read;

    private TableMap(string table, IReadOnlyList<Column> columns, Func<TRow, object?>[] read, IReadOnlyList<string> key)
    {
        Table = table;
        Columns = columns;
        _read = read;
        Key = key;
    }

    public string Table { get; }
    public IReadOnlyList<Column> Columns { get; }

    /// <summary>What an upsert matches on: the primary key when the program assigns it, else the table's unique index.</summary>
    public IReadOnlyList<string> Key { get; }

    /// <summary>The row's values in <see cref="Columns"/> order, as the database stores them.</summary>
    public object?[] Values(TRow row)
    {
        var values = new object?[_read.Length];
        for (var i = 0; i < _read.Length; i++) values[i] = _read[i](row);
        return values;
    }

    public static TableMap<TRow> Of(PayBatchDb db) => Maps.GetOrAdd(db.Model, Build);

    private static TableMap<TRow> Build(IModel model)
    {
        var entity = model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not in the model");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd).ToList();
        var primary = entity.FindPrimaryKey()!.Properties;
        var key = primary.All(p => p.ValueGenerated != ValueGenerated.OnAdd) ? primary
            : entity.GetIndexes().Where(i => i.IsUnique && i.GetFilter() is null).Select(i => i.Properties).SingleOrDefault() ?? [];
        return new TableMap<TRow>(table,
            properties.Select(p => new Column(p.GetColumnName(store)!, ColumnTypes.Of(Stored(p)))).ToList(),
            properties.Select(Reader).ToArray(),
            key.Select(p => p.GetColumnName(store)!).ToList());
    }

    private static Type Stored(IProperty p)
    {
        var type = p.GetValueConverter()?.ProviderClrType ?? p.ClrType;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static Func<TRow, object?> Reader(IProperty p)
    {
        var row = Expression.Parameter(typeof(TRow));
        var get = Expression.Lambda<Func<TRow, object?>>(Expression.Convert(Expression.Property(row, p.PropertyInfo!), typeof(object)), row).Compile();
        var converter = p.GetValueConverter();
        return converter is null ? get : r => get(r) is { } v ? converter.ConvertToProvider(v) : null;
    }
}
