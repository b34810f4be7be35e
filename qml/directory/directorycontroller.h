#pragma once

#include "directoryrepository.h"
#include "keyedlistmodel.h"
#include "screencontroller.h"

#include <QObject>
#include <QPointer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * Backs the resource directory: providers matching the search text and the filters (service
 * type, language, area, funding), discontinued ones last and marked, each with its average
 * rating; the chosen provider's details and ratings; adding a rating.
 */
class DirectoryController : public ScreenController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY queryChanged)
    Q_PROPERTY(QString serviceType READ serviceType WRITE setServiceType NOTIFY queryChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY queryChanged)
    Q_PROPERTY(QString area READ area WRITE setArea NOTIFY queryChanged)
    Q_PROPERTY(QString funding READ funding WRITE setFunding NOTIFY queryChanged)
    Q_PROPERTY(bool includeDiscontinued READ includeDiscontinued WRITE setIncludeDiscontinued NOTIFY
                   queryChanged)
    Q_PROPERTY(QAbstractItemModel *providers READ providers CONSTANT)
    Q_PROPERTY(QString summaryText READ summaryText NOTIFY changed)
    Q_PROPERTY(QStringList serviceTypes READ serviceTypes NOTIFY changed)
    Q_PROPERTY(QStringList languages READ languages NOTIFY changed)
    Q_PROPERTY(QStringList areas READ areas NOTIFY changed)
    Q_PROPERTY(QStringList fundingSources READ fundingSources NOTIFY changed)
    Q_PROPERTY(QString selectedId READ selectedId WRITE setSelectedId NOTIFY selectedChanged)
    Q_PROPERTY(QVariantMap selected READ selected NOTIFY selectedChanged)
    Q_PROPERTY(QAbstractItemModel *ratings READ ratings CONSTANT)

public:
    explicit DirectoryController(QObject *parent = nullptr);

    QString searchText() const { return m_query.text; }
    void setSearchText(const QString &text);
    QString serviceType() const { return m_query.serviceType; }
    void setServiceType(const QString &value);
    QString language() const { return m_query.language; }
    void setLanguage(const QString &value);
    QString area() const { return m_query.area; }
    void setArea(const QString &value);
    QString funding() const { return m_query.funding; }
    void setFunding(const QString &value);
    bool includeDiscontinued() const { return m_query.includeDiscontinued; }
    void setIncludeDiscontinued(bool include);

    /** Rows: rowId, name, serviceTypes, area, languages, funding, eligibility, phone,
        address, notes, discontinued, ratingAverage, ratingCount, ratingText. */
    QAbstractItemModel *providers() const { return m_providers; }
    QString summaryText() const { return m_summary; }
    QStringList serviceTypes() const { return m_facets.serviceTypes; }
    QStringList languages() const { return m_facets.languages; }
    QStringList areas() const { return m_facets.areas; }
    QStringList fundingSources() const { return m_facets.funding; }
    QString selectedId() const { return m_selectedId; }
    void setSelectedId(const QString &id);
    /** The selected provider: the same keys as a row of providers (empty when none). */
    QVariantMap selected() const { return m_selected; }
    /** Ratings of the selected provider, newest first. Rows: rowId, score, comment, byText. */
    QAbstractItemModel *ratings() const { return m_ratings; }

    /** Rates a provider 1 to 5 with an optional comment. */
    Q_INVOKABLE bool addRating(const QString &providerId, int score, const QString &comment);

signals:
    void queryChanged();
    void changed();
    void selectedChanged();

protected:
    void load() override;

private:
    void setQueryField(QString &member, const QString &value);
    void reloadSelected();

    DirectoryQuery m_query;
    DirectoryFacets m_facets;
    QString m_summary, m_selectedId;
    QVariantMap m_selected;
    KeyedListModel *m_providers;
    KeyedListModel *m_ratings;
};

} // namespace careround
