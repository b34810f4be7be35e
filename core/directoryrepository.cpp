#include "directoryrepository.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace careround {

namespace {

QStringList listFrom(const QString &json)
{
    QStringList out;
    for (const auto &v : QJsonDocument::fromJson(json.toUtf8()).array())
        out.append(v.toString());
    out.removeDuplicates();
    return out;
}

/** A LIKE pattern (escape character '\') matching text anywhere. */
QString containsPattern(QString text)
{
    text.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + text + QLatin1Char('%');
}

/** A LIKE pattern matching one element of a JSON array of strings stored compactly. */
QString elementPattern(const QString &value)
{
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return containsPattern(QString::fromUtf8(json.mid(1, json.size() - 2)));
}

void addUnique(QStringList &into, const QStringList &values)
{
    for (const QString &v : values)
        if (!v.isEmpty() && !into.contains(v))
            into.append(v);
}

} // namespace

QVector<ProviderEntry> DirectoryRepository::select(const QString &where, const QVariantList &params)
{
    SqliteStatement &st = m_db.prepare(
        QStringLiteral(
            "SELECT p.id, p.name, p.serviceTypes, p.area, p.eligibility, p.languages, p.funding, "
            "p.phone, p.address, p.status, p.notes, ifnull(r.average, 0), ifnull(r.n, 0) "
            "FROM provider p LEFT JOIN (SELECT providerId, avg(score) AS average, count(*) AS n "
            "FROM providerRating GROUP BY providerId) r ON r.providerId = p.id "
            "WHERE ifnull(p.voided,0)=0 AND %1 "
            "ORDER BY p.status = 'discontinued', p.name COLLATE NOCASE, p.id")
            .arg(where));
    st.bindAll(params);
    QVector<ProviderEntry> out;
    while (st.step()) {
        ProviderEntry e;
        e.id = st.text(0);
        e.name = st.text(1);
        e.serviceTypes = listFrom(st.text(2));
        e.area = st.text(3);
        e.eligibility = st.text(4);
        e.languages = listFrom(st.text(5));
        e.funding = listFrom(st.text(6));
        e.phone = st.text(7);
        e.address = st.text(8);
        e.status = st.text(9);
        e.notes = st.text(10);
        e.ratingAverage = st.value(11).toDouble();
        e.ratingCount = int(st.int64(12));
        out.append(e);
    }
    st.reset();
    return out;
}

QVector<ProviderEntry> DirectoryRepository::search(const DirectoryQuery &query)
{
    QStringList where{QStringLiteral("1")};
    QVariantList params;
    const auto param = [&params](const QVariant &v) {
        params.append(v);
        return QStringLiteral("?%1").arg(params.size());
    };
    const QStringList words = query.text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const QString p = param(containsPattern(word));
        QStringList any;
        for (const char *column :
             {"name", "serviceTypes", "languages", "area", "funding", "eligibility"})
            any.append(QStringLiteral("p.%1 LIKE %2 ESCAPE '\\'").arg(QLatin1String(column), p));
        where.append(QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')'));
    }
    if (!query.serviceType.isEmpty())
        where.append(QStringLiteral("p.serviceTypes LIKE %1 ESCAPE '\\'")
                         .arg(param(elementPattern(query.serviceType))));
    if (!query.language.isEmpty())
        where.append(QStringLiteral("p.languages LIKE %1 ESCAPE '\\'")
                         .arg(param(elementPattern(query.language))));
    if (!query.funding.isEmpty())
        where.append(QStringLiteral("p.funding LIKE %1 ESCAPE '\\'")
                         .arg(param(elementPattern(query.funding))));
    if (!query.area.isEmpty())
        where.append(QStringLiteral("p.area = %1").arg(param(query.area)));
    if (!query.includeDiscontinued)
        where.append(QStringLiteral("p.status <> 'discontinued'"));
    return select(where.join(QStringLiteral(" AND ")), params);
}

std::optional<ProviderEntry> DirectoryRepository::provider(const QString &id)
{
    const QVector<ProviderEntry> found = select(QStringLiteral("p.id = ?1"), {id});
    if (found.isEmpty())
        return std::nullopt;
    return found.first();
}

DirectoryFacets DirectoryRepository::facets()
{
    SqliteStatement &st = m_db.prepare(QStringLiteral(
        "SELECT serviceTypes, languages, area, funding FROM provider WHERE ifnull(voided,0)=0"));
    st.bindAll({});
    DirectoryFacets f;
    while (st.step()) {
        addUnique(f.serviceTypes, listFrom(st.text(0)));
        addUnique(f.languages, listFrom(st.text(1)));
        addUnique(f.areas, {st.text(2)});
        addUnique(f.funding, listFrom(st.text(3)));
    }
    st.reset();
    for (QStringList *list : {&f.serviceTypes, &f.languages, &f.areas, &f.funding})
        std::sort(list->begin(), list->end(), [](const QString &a, const QString &b) {
            return a.compare(b, Qt::CaseInsensitive) < 0;
        });
    return f;
}

QVector<RatingEntry> DirectoryRepository::ratings(const QString &providerId)
{
    SqliteStatement &st = m_db.prepare(QStringLiteral(
        "SELECT r.id, r.score, ifnull(r.comment,''), r.ratedAt, ifnull(c.name,'') FROM "
        "providerRating r LEFT JOIN coordinator c ON c.id = r.coordinatorId WHERE r.providerId "
        "= ? ORDER BY r.ratedAt DESC, r.id DESC"));
    st.bindAll({providerId});
    QVector<RatingEntry> out;
    while (st.step())
        out.append({st.text(0), int(st.int64(1)), st.text(2), st.text(3), st.text(4)});
    st.reset();
    return out;
}

} // namespace careround
