// The resource directory offscreen over a real encrypted store (demo agency): search as you
// type, filter by service type and language with the chips, discontinued providers marked,
// average ratings, and adding a rating.
#include "directorycontroller.h"
#include "directoryrepository.h"
#include "pageharness.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <numeric>

Q_IMPORT_QML_PLUGIN(CareRound_SessionPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_ControlsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_FormsPlugin)
Q_IMPORT_QML_PLUGIN(CareRound_DirectoryPlugin)

using namespace careround;
using namespace careround::test;

namespace {

bool listHas(const Record &r, const char *field, const QString &value)
{
    return r.values.value(QLatin1String(field)).toArray().contains(value);
}

} // namespace

class TestDirectoryUi : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private slots:
    void initTestCase() { QQuickStyle::setStyle(QStringLiteral("Basic")); }

    void searchAndFilterByServiceTypeAndLanguage()
    {
        const QString path = m_dir.filePath("directory.db");
        createDemoStore(path, "directory key", 40);
        Session session(path);
        session.setToday(kPageToday);
        session.open("directory key");
        const EntityDef &providerDef = *Schema::instance().entity("provider");
        const QVector<Record> providers = session.store()->records().all(providerDef);
        QVERIFY(providers.size() >= 18);

        PageHarness w(&session, "CareRound.Directory", "ResourceDirectoryPage", QString());
        QVERIFY(w.window && w.page);
        auto *directory = w.page->findChild<DirectoryController *>();
        QVERIFY(directory);
        QAbstractItemModelTester providersTester(directory->providers());
        QAbstractItemModelTester ratingsTester(directory->ratings());
        QQuickItem *list = item(w.page, "providerList");
        QVERIFY(list);
        QTRY_COMPARE(list->property("count").toInt(), int(providers.size()));

        // Discontinued providers are marked (and listed last), with their average rating.
        QAbstractItemModel *model = directory->providers();
        const auto role = [model](const char *name) { return model->roleNames().key(name); };
        bool seenDiscontinued = false;
        for (int i = 0; i < model->rowCount(); ++i) {
            const QModelIndex index = model->index(i, 0);
            const Record r =
                *session.store()->records().find(providerDef, index.data(role("rowId")).toString());
            const bool discontinued = r.values.value("status").toString() == "discontinued";
            QCOMPARE(index.data(role("discontinued")).toBool(), discontinued);
            QVERIFY(!seenDiscontinued || discontinued);
            seenDiscontinued = seenDiscontinued || discontinued;
            QVector<int> scores;
            for (const Record &rating : session.store()->records().findBy(
                     *Schema::instance().entity("providerRating"), "providerId", r.id))
                scores.append(rating.values.value("score").toInt());
            QCOMPARE(index.data(role("ratingCount")).toInt(), scores.size());
            if (!scores.isEmpty())
                QCOMPARE(index.data(role("ratingAverage")).toDouble(),
                         std::accumulate(scores.begin(), scores.end(), 0.0) / scores.size());
        }

        // Search as you type: by service type.
        item(w.page, "directorySearch")->setProperty("text", "meals");
        int meals = 0;
        for (const Record &p : providers)
            meals += listHas(p, "serviceTypes", "home-delivered meals") ||
                             p.values.value("name").toString().contains("Meals")
                         ? 1
                         : 0;
        QVERIFY(meals > 0);
        QTRY_COMPARE(list->property("count").toInt(), meals);
        item(w.page, "directorySearch")->setProperty("text", QString());
        QTRY_COMPARE(list->property("count").toInt(), int(providers.size()));

        // Filter chips (folded away until asked for): service type, then language.
        QVERIFY(!itemWithText(w.page, "filterChip", "transportation"));
        click(item(w.page, "toggleFilters"));
        QQuickItem *transportChip = nullptr;
        QTRY_VERIFY((transportChip = itemWithText(w.page, "filterChip", "transportation")));
        click(transportChip);
        int expected = 0;
        for (const Record &p : providers)
            expected += listHas(p, "serviceTypes", "transportation") ? 1 : 0;
        QVERIFY(expected > 0);
        QTRY_COMPARE(list->property("count").toInt(), expected);
        QCOMPARE(directory->serviceType(), QString("transportation"));

        click(itemWithText(w.page, "filterChip", "Spanish"));
        QCOMPARE(directory->language(), QString("Spanish"));
        expected = 0;
        for (const Record &p : providers)
            expected +=
                listHas(p, "serviceTypes", "transportation") && listHas(p, "languages", "Spanish")
                    ? 1
                    : 0;
        QTRY_COMPARE(list->property("count").toInt(), expected);
        // Tapping a chosen chip again lifts the filter.
        click(itemWithText(w.page, "filterChip", "Spanish"));
        QTRY_VERIFY(directory->language().isEmpty());
        click(itemWithText(w.page, "filterChip", "transportation"));
        QTRY_COMPARE(list->property("count").toInt(), int(providers.size()));

        // The repository agrees for every language (exact elements, not substrings).
        DirectoryRepository repository(session.store()->db());
        for (const QString &language : directory->languages()) {
            DirectoryQuery query;
            query.language = language;
            int n = 0;
            for (const Record &p : providers)
                n += listHas(p, "languages", language) ? 1 : 0;
            QCOMPARE(repository.search(query).size(), n);
        }

        // Choose a provider and rate it.
        QQuickItem *row = nullptr;
        QTRY_VERIFY((row = item(w.page, "providerRow")));
        const QString providerId = row->property("rowId").toString();
        const int ratingsBefore =
            directory->providers()->index(0, 0).data(role("ratingCount")).toInt();
        click(row);
        QTRY_COMPARE(directory->selectedId(), providerId);
        QTRY_VERIFY(item(w.page, "selectedProviderName"));
        click(itemWithText(w.page, "ratingScore", "4"));
        item(w.page, "ratingComment")->setProperty("text", "Picked up on time");
        click(item(w.page, "addRating"));
        QTRY_COMPARE(directory->ratings()->rowCount(), ratingsBefore + 1);
        QTRY_COMPARE(directory->providers()->index(0, 0).data(role("ratingCount")).toInt(),
                     ratingsBefore + 1);
        QVERIFY(directory->errorText().isEmpty());
        saveScreenshot(w.window, "ResourceDirectory");

        w.window->resize(800, 1280);
        QTRY_COMPARE(w.page->width(), 800.0);
        saveScreenshot(w.window, "ResourceDirectory-portrait");
    }
};

QTEST_MAIN(TestDirectoryUi)
#include "tst_directoryui.moc"
