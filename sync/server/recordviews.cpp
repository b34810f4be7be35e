#include "recordviews.h"

#include <algorithm>
#include <cstring>

namespace careround {

namespace {

/** Short texts repeat across records (states, dates, the ids of the records they belong
    to): the views keep one copy of each, and a record refers to it by number. */
constexpr qsizetype kSharedTextMax = 40;
constexpr quint32 kNoText = 0xffffffffu;

enum Tag : char { Null, SharedText, Text, Integer, Real, True, False };

template <typename T> void put(QByteArray &out, T value)
{
    out.append(reinterpret_cast<const char *>(&value), sizeof value);
}

/** The first byte of a packed record (never empty: an id length comes first). Not
    constData(): it may point at a shared one-byte empty text, and the compiler warns of
    reading four bytes there. data_ptr() only reads the pointer: nothing is detached. */
const char *bytesOf(const QByteArray &packed)
{
    return const_cast<QByteArray &>(packed).data_ptr().data();
}

template <typename T> T take(const char *&at)
{
    T value;
    std::memcpy(&value, at, sizeof value);
    at += sizeof value;
    return value;
}

QString keyOf(const ServerStore::FieldQuery &q)
{
    return QStringList{q.entity, q.fields.join(u','), q.stampFields.join(u','), q.whereField,
                       q.whereValue}
        .join(QChar(0));
}

} // namespace

/**
 * The records of one query, in sequence order, each packed in one byte array (its id with
 * its length, its client and its values; short texts by number in RecordViews' table): a few
 * hundred bytes a record. Rows only ever come at the end (a write takes the next number); a record
 * written again leaves a hole where it was, and the holes are closed when they are half the rows.
 */
struct RecordViews::View {
    explicit View(const ServerStore::FieldQuery &query) : matcher(query) {}

    struct Row {
        qint64 seq = 0; ///< 0: a hole
        QByteArray packed;
    };
    ServerStore::FieldMatcher matcher;
    QVector<Row> rows;
    QHash<QByteArray, qsizetype> rowOf; ///< record id (its bytes in the row) -> row
    qsizetype holes = 0;

    /** The id's bytes at the start of a packed row, without a copy. */
    static QByteArray idOf(const QByteArray &packed)
    {
        const char *at = bytesOf(packed);
        const auto bytes = take<quint32>(at);
        return QByteArray::fromRawData(at, qsizetype(bytes));
    }
    void remove(const QByteArray &id)
    {
        const auto it = rowOf.constFind(id);
        if (it == rowOf.cend())
            return;
        Row &row = rows[*it];
        rowOf.erase(it); // before the row's bytes, which its key points into, go
        row = Row{};
        ++holes;
    }
    void append(qint64 seq, QByteArray packed)
    {
        rows.append(Row{seq, std::move(packed)});
        rowOf.insert(idOf(rows.last().packed), rows.size() - 1);
        if (holes > 1024 && holes * 2 > rows.size())
            compact();
    }
    void compact()
    {
        QVector<Row> kept;
        kept.reserve(rows.size() - holes);
        for (Row &row : rows)
            if (row.seq)
                kept.append(std::move(row)); // the bytes stay where they are
        rows = std::move(kept);
        reindex();
    }
    /** rowOf anew from rows (which have no holes). */
    void reindex()
    {
        rowOf.clear();
        rowOf.reserve(rows.size());
        for (qsizetype i = 0; i < rows.size(); ++i)
            rowOf.insert(idOf(rows[i].packed), i);
        holes = 0;
    }
};

RecordViews::RecordViews(ServerStore &store) : m_store(store) {}

RecordViews::~RecordViews() = default;

quint32 RecordViews::textNumber(const QString &text)
{
    const auto it = m_textNumbers.constFind(text);
    if (it != m_textNumbers.cend())
        return *it;
    m_texts.append(text);
    const auto n = quint32(m_texts.size() - 1);
    m_textNumbers.insert(text, n);
    return n;
}

QByteArray RecordViews::pack(QByteArrayView id, const QString &clientId, const QVariantList &values)
{
    QByteArray out;
    put<quint32>(out, quint32(id.size()));
    out.append(id);
    put<quint32>(out, clientId.isEmpty() ? kNoText : textNumber(clientId));
    for (const QVariant &v : values) {
        switch (v.typeId()) {
        case QMetaType::QString: {
            const QString text = v.toString();
            if (text.size() <= kSharedTextMax) {
                out.append(SharedText);
                put<quint32>(out, textNumber(text));
            } else {
                const QByteArray utf8 = text.toUtf8();
                out.append(Text);
                put<quint32>(out, quint32(utf8.size()));
                out.append(utf8);
            }
            break;
        }
        case QMetaType::LongLong:
            out.append(Integer);
            put<qint64>(out, v.toLongLong());
            break;
        case QMetaType::Double:
            out.append(Real);
            put<double>(out, v.toDouble());
            break;
        case QMetaType::Bool:
            out.append(v.toBool() ? True : False);
            break;
        default:
            out.append(Null);
        }
    }
    out.squeeze();
    return out;
}

RecordFields RecordViews::unpack(qint64 seq, const QByteArray &packed, qsizetype fields) const
{
    RecordFields r;
    r.seq = seq;
    const char *at = bytesOf(packed);
    const auto idBytes = take<quint32>(at);
    r.id = QString::fromUtf8(at, idBytes);
    at += idBytes;
    const auto client = take<quint32>(at);
    if (client != kNoText)
        r.clientId = m_texts.at(client);
    r.values.reserve(fields);
    for (qsizetype i = 0; i < fields; ++i) {
        switch (Tag(*at++)) {
        case SharedText:
            r.values.append(m_texts.at(take<quint32>(at)));
            break;
        case Text: {
            const auto bytes = take<quint32>(at);
            r.values.append(QString::fromUtf8(at, bytes));
            at += bytes;
            break;
        }
        case Integer:
            r.values.append(take<qint64>(at));
            break;
        case Real:
            r.values.append(take<double>(at));
            break;
        case True:
            r.values.append(true);
            break;
        case False:
            r.values.append(false);
            break;
        case Null:
            r.values.append(QVariant());
            break;
        }
    }
    return r;
}

qsizetype RecordViews::heldRecords() const
{
    qsizetype n = 0;
    for (const auto &[key, view] : m_views)
        n += view->rows.size() - view->holes;
    return n;
}

void RecordViews::catchUp()
{
    const qint64 max = m_store.maxSeq();
    const QString epoch = m_store.epoch();
    if (max < m_seq || epoch != m_epoch) {
        // Not the records the views were read from (a restore from a backup, a new epoch):
        // read them anew.
        m_views.clear();
        m_texts.clear();
        m_textNumbers.clear();
        m_epoch = epoch;
    }
    if (m_views.empty() || max == m_seq) {
        m_seq = max;
        return;
    }
    QHash<QString, QVector<View *>> byEntity;
    for (const auto &[key, view] : m_views)
        byEntity[view->matcher.query().entity].append(view.get());
    QVariantList values;
    m_store.forEachWrittenAfter(m_seq, [&](const ServerDatabase::RowView &row) {
        const auto views = byEntity.constFind(row.text(5));
        if (views == byEntity.cend())
            return;
        const QByteArray id = row.utf8(0).toByteArray();
        for (View *view : *views) {
            view->remove(id);
            if (view->matcher.match(row.utf8(3), row.utf8(4), values))
                view->append(row.integer(2), pack(id, row.text(1), values));
        }
    });
    m_seq = max;
}

RecordViews::View &RecordViews::viewOf(const ServerStore::FieldQuery &query)
{
    const QString key = keyOf(query);
    auto it = m_views.find(key);
    if (it != m_views.end())
        return *it->second;
    auto view = std::make_unique<View>(query);
    // Read in the database's order (sorting them there would hold every record of the kind,
    // values and all), then put in sequence order here.
    m_store.forEachOf(
        query, ReadScope{}, false,
        [&](const ServerDatabase::RowView &row, const QVariantList &values) {
            view->rows.append(View::Row{row.integer(2), pack(row.utf8(0), row.text(1), values)});
        },
        true);
    std::sort(view->rows.begin(), view->rows.end(),
              [](const View::Row &a, const View::Row &b) { return a.seq < b.seq; });
    view->reindex();
    return *m_views.emplace(key, std::move(view)).first->second;
}

QVector<RecordFields> RecordViews::fieldsOf(const ServerStore::FieldQuery &query,
                                            const ReadScope &scope)
{
    if (query.afterSeq > 0 || query.limit > 0)
        return m_store.fieldsOf(query, scope);
    catchUp();
    const View &view = viewOf(query);
    // The scope of ServerStore::scopeSql: the caseload's records and, unless the kind is
    // hidden from the caller, the records of no client.
    QSet<quint32> caseload;
    if (!scope.coordinatorId.isEmpty())
        for (const QString &client : m_store.caseload(scope.coordinatorId))
            if (const auto n = m_textNumbers.constFind(client); n != m_textNumbers.cend())
                caseload.insert(*n);
    const bool clientlessHidden = scope.hiddenKinds.contains(query.entity);
    const qsizetype fields = query.fields.size() + query.stampFields.size();
    QVector<RecordFields> out;
    for (const View::Row &row : view.rows) {
        if (!row.seq)
            continue;
        if (!scope.coordinatorId.isEmpty()) {
            const char *at = bytesOf(row.packed);
            at += take<quint32>(at); // past the id
            const auto client = take<quint32>(at);
            if (client == kNoText ? clientlessHidden : !caseload.contains(client))
                continue;
        }
        out.append(unpack(row.seq, row.packed, fields));
    }
    return out;
}

} // namespace careround
