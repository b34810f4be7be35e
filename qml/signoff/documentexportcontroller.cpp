#include "documentexportcontroller.h"

#include "calendarevents.h"
#include "devicestore.h"
#include "documentpdf.h"
#include "exportfile.h"
#include "exporttext.h"
#include "planrepository.h"
#include "recordfields.h"
#include "recordsource.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace careround {

using RecordFields::kind;

DocumentExportController::DocumentExportController(QObject *parent)
    : ScreenController({QStringLiteral("signature"), QStringLiteral("assessment"),
                        QStringLiteral("carePlan"), QStringLiteral("visit")},
                       parent)
{}

void DocumentExportController::setRecordId(const QString &id)
{
    if (m_recordId == id)
        return;
    m_recordId = id;
    emit recordChanged();
    reload();
}

void DocumentExportController::setClientId(const QString &id)
{
    if (m_clientId == id)
        return;
    m_clientId = id;
    emit recordChanged();
}

QString DocumentExportController::documentsFolder() const
{
    return session() ? DeviceStore::documentsFolderOf(session()->storePath()) : QString();
}

QString DocumentExportController::agencyName() const
{
    DeviceStore *store = session() ? session()->store() : nullptr;
    const QString name = store ? store->agencyName() : QString();
    return name.isEmpty() ? QStringLiteral("CareRound") : name;
}

QDateTime DocumentExportController::startOfToday() const
{
    return today().startOfDay().toUTC();
}

void DocumentExportController::load()
{
    DeviceStore *store = ScreenController::store();
    bool isSigned = false;
    if (store && !m_recordId.isEmpty())
        isSigned = !store->records()
                        .findBy(kind("signature"), QStringLiteral("recordId"), m_recordId)
                        .isEmpty();
    if (isSigned != m_signed) {
        m_signed = isSigned;
        emit changed();
    }
}

bool DocumentExportController::write(const QByteArray &data, const QString &fileName)
{
    const QString folder = documentsFolder();
    QString error;
    if (!QDir().mkpath(folder) ||
        !ExportFile::save(data, QDir(folder).filePath(fileName), &error)) {
        setError(error.isEmpty()
                     ? QCoreApplication::translate("careround::DocumentExportController",
                                                   "Cannot make the folder %1")
                           .arg(folder)
                     : error);
        return false;
    }
    m_savedPath = QDir(folder).filePath(fileName);
    clearError();
    emit savedPathChanged();
    return true;
}

bool DocumentExportController::savePdf()
{
    DeviceStore *store = ScreenController::store();
    if (!store)
        return false;
    RepositoryRecordSource source(store->records());
    QString error;
    std::optional<SignedDocument> doc = SignedDocument::load(source, m_recordId, &error);
    if (!doc) {
        setError(error);
        return false;
    }
    doc->agencyName = agencyName();
    const QString day = doc->signatures.constFirst().signedAt.left(10);
    return write(DocumentPdf::render(*doc),
                 QStringLiteral("%1-%2-%3.pdf").arg(doc->def->name, day, doc->record.id.right(8)));
}

bool DocumentExportController::saveHandout()
{
    DeviceStore *store = ScreenController::store();
    if (!store)
        return false;
    RepositoryRecordSource source(store->records());
    QString error;
    std::optional<ClientHandout> handout = ClientHandout::load(
        source, m_clientId, store->plans().currentPlanId(m_clientId), startOfToday(), &error);
    if (!handout) {
        setError(error);
        return false;
    }
    handout->agencyName = agencyName();
    return write(DocumentPdf::render(*handout),
                 QStringLiteral("handout-%1-%2.pdf")
                     .arg(QDate::currentDate().toString(Qt::ISODate), m_clientId.right(8)));
}

bool DocumentExportController::saveAppointments()
{
    DeviceStore *store = ScreenController::store();
    if (!store)
        return false;
    const auto client = store->records().find(kind("client"), m_clientId);
    if (!client) {
        setError(QCoreApplication::translate("careround::DocumentExportController",
                                             "No client has the id %1")
                     .arg(m_clientId));
        return false;
    }
    IcsWriter ics(
        QCoreApplication::translate("careround::DocumentExportController", "Appointments of %1")
            .arg(ExportText::personName(*client)),
        QTimeZone::systemTimeZone());
    const QDateTime now = startOfToday();
    for (const Record &a :
         store->records().findBy(kind("appointment"), QStringLiteral("clientId"), m_clientId)) {
        if (a.isVoided() || a.text("status") != QLatin1String("scheduled") ||
            QDateTime::fromString(a.text("startsAt"), Qt::ISODate) < now)
            continue;
        QString phone;
        if (const auto p = store->records().find(kind("provider"), a.text("providerId")))
            phone = p->text("phone");
        ics.add(CalendarEvents::clientAppointment(a, phone));
    }
    return write(ics.data(), QStringLiteral("appointments-%1.ics").arg(m_clientId.right(8)));
}

} // namespace careround
