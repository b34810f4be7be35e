#include "directorycontroller.h"

#include "devicestore.h"
#include "localeditor.h"
#include "recordinput.h"
#include "recordvalidator.h"

#include <QDateTime>
#include <QLocale>

namespace careround {

namespace {

QVariantMap rowOf(const ProviderEntry &p)
{
    const QString rating = p.ratingCount == 0 ? DirectoryController::tr("Not rated yet")
                           : p.ratingCount == 1
                               ? DirectoryController::tr("Rated %1 of 5 (1 rating)")
                                     .arg(QLocale().toString(p.ratingAverage, 'f', 1))
                               : DirectoryController::tr("Rated %1 of 5 (%2 ratings)")
                                     .arg(QLocale().toString(p.ratingAverage, 'f', 1))
                                     .arg(p.ratingCount);
    return {{"rowId", p.id},
            {"name", p.name},
            {"serviceTypes", p.serviceTypes.join(QStringLiteral(", "))},
            {"area", p.area},
            {"languages", p.languages.join(QStringLiteral(", "))},
            {"funding", p.funding.join(QStringLiteral(", "))},
            {"eligibility", p.eligibility},
            {"phone", p.phone},
            {"address", p.address},
            {"notes", p.notes},
            {"discontinued", p.isDiscontinued()},
            {"ratingAverage", p.ratingAverage},
            {"ratingCount", p.ratingCount},
            {"ratingText", rating}};
}

} // namespace

DirectoryController::DirectoryController(QObject *parent)
    : ScreenController({"provider", "providerRating"}, parent),
      m_providers(new KeyedListModel({"name", "serviceTypes", "area", "languages", "funding",
                                      "eligibility", "phone", "address", "notes", "discontinued",
                                      "ratingAverage", "ratingCount", "ratingText"},
                                     this)),
      m_ratings(new KeyedListModel({"score", "comment", "byText"}, this))
{}

void DirectoryController::setQueryField(QString &member, const QString &value)
{
    if (member == value)
        return;
    member = value;
    emit queryChanged();
    reload();
}

void DirectoryController::setSearchText(const QString &text)
{
    setQueryField(m_query.text, text);
}

void DirectoryController::setServiceType(const QString &value)
{
    setQueryField(m_query.serviceType, value);
}

void DirectoryController::setLanguage(const QString &value)
{
    setQueryField(m_query.language, value);
}

void DirectoryController::setArea(const QString &value)
{
    setQueryField(m_query.area, value);
}

void DirectoryController::setFunding(const QString &value)
{
    setQueryField(m_query.funding, value);
}

void DirectoryController::setIncludeDiscontinued(bool include)
{
    if (m_query.includeDiscontinued == include)
        return;
    m_query.includeDiscontinued = include;
    emit queryChanged();
    reload();
}

void DirectoryController::setSelectedId(const QString &id)
{
    if (m_selectedId == id)
        return;
    m_selectedId = id;
    reloadSelected();
}

void DirectoryController::load()
{
    DeviceStore *store = ScreenController::store();
    QVector<QVariantMap> rows;
    int discontinued = 0;
    if (store) {
        DirectoryRepository &directory = store->directory();
        m_facets = directory.facets();
        for (const ProviderEntry &p : directory.search(m_query)) {
            rows.append(rowOf(p));
            discontinued += p.isDiscontinued() ? 1 : 0;
        }
    } else {
        m_facets = {};
    }
    m_providers->setRows(rows);
    const QString matching =
        rows.size() == 1 ? tr("1 provider matches") : tr("%1 providers match").arg(rows.size());
    m_summary = discontinued > 0
                    ? tr("%1, %2 of them discontinued", "providers match, n discontinued")
                          .arg(matching)
                          .arg(discontinued)
                    : matching;
    emit changed();
    reloadSelected();
}

void DirectoryController::reloadSelected()
{
    DeviceStore *store = ScreenController::store();
    m_selected.clear();
    QVector<QVariantMap> ratings;
    if (store && !m_selectedId.isEmpty()) {
        DirectoryRepository &directory = store->directory();
        if (const auto p = directory.provider(m_selectedId)) {
            m_selected = rowOf(*p);
            for (const RatingEntry &r : directory.ratings(p->id)) {
                const QString when = RecordInput::dateText(r.ratedAt);
                ratings.append(
                    {{"rowId", r.id},
                     {"score", r.score},
                     {"comment", r.comment},
                     {"byText",
                      r.raterName.isEmpty() ? when : tr("%1, %2").arg(r.raterName, when)}});
            }
        }
    }
    m_ratings->setRows(ratings);
    emit selectedChanged();
}

bool DirectoryController::addRating(const QString &providerId, int score, const QString &comment)
{
    LocalEditor *editor = session() ? session()->editor() : nullptr;
    if (!editor) {
        setError(tr("The store is locked: unlock it to make changes"));
        return false;
    }
    QJsonObject values{{"providerId", providerId},
                       {"score", score},
                       {"ratedAt", QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    if (!comment.trimmed().isEmpty())
        values.insert("comment", comment.trimmed());
    if (RecordValidator::isUuid(editor->actorId()))
        values.insert("coordinatorId", editor->actorId());
    return edit([&](LocalEditor &e) { e.create(QStringLiteral("providerRating"), values); });
}

} // namespace careround
