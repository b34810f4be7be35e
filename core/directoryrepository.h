#pragma once

#include "sqlitedatabase.h"

#include <QStringList>
#include <QVector>

#include <optional>

namespace careround {

/** One provider of the resource directory with its quality rating. */
struct ProviderEntry {
    QString id;
    QString name;
    QStringList serviceTypes;
    QString area;
    QString eligibility;
    QStringList languages;
    QStringList funding;
    QString phone;
    QString address;
    QString status; ///< "active" or "discontinued"
    QString notes;
    double ratingAverage = 0; ///< 0 when not rated
    int ratingCount = 0;

    bool isDiscontinued() const { return status == QLatin1String("discontinued"); }
};

/** What to look for in the directory; empty members match everything. */
struct DirectoryQuery {
    /** As typed: every word must appear in the name, a service type, a language, the area,
        a funding source or the eligibility (case-insensitive). */
    QString text;
    QString serviceType; ///< exact service type
    QString language;    ///< exact language
    QString area;        ///< exact area
    QString funding;     ///< exact funding source
    bool includeDiscontinued = true;
};

/** The values the directory's filters can take (sorted). */
struct DirectoryFacets {
    QStringList serviceTypes, languages, areas, funding;
};

/** One quality rating of a provider. */
struct RatingEntry {
    QString id;
    int score = 0;
    QString comment;
    QString ratedAt; ///< UTC ISO
    QString raterName;
};

/**
 * The SQL behind the resource directory: search and filters over providers (list fields are
 * JSON arrays in their columns: this SQLCipher has no JSON1, so an element is matched as its
 * quoted JSON text), average ratings, and the ratings of one provider. Active providers come
 * first, then by name.
 */
class DirectoryRepository {
public:
    explicit DirectoryRepository(SqliteDatabase &db) : m_db(db) {}

    QVector<ProviderEntry> search(const DirectoryQuery &query);
    std::optional<ProviderEntry> provider(const QString &id);
    DirectoryFacets facets();
    /** Newest first. */
    QVector<RatingEntry> ratings(const QString &providerId);

private:
    QVector<ProviderEntry> select(const QString &where, const QVariantList &params);
    SqliteDatabase &m_db;
};

} // namespace careround
