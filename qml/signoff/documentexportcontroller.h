#pragma once

#include "screencontroller.h"

#include <QtQml/qqmlregistration.h>

namespace careround {

/**
 * Saves what a coordinator hands out or keeps, offline, into the app's documents folder (a
 * `documents` folder beside the store): the PDF of a signed assessment, care plan or visit
 * record (the same renderer as the server's `admin export pdf`), the client's handout (the
 * plan in plain words, the next appointments, who to call; large print) and the client's
 * upcoming appointments as an .ics file to give the client. `savedPath` says where the last
 * file went; a failure sets errorText and writes nothing.
 */
class DocumentExportController : public ScreenController {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordChanged)
    Q_PROPERTY(QString clientId READ clientId WRITE setClientId NOTIFY recordChanged)
    Q_PROPERTY(bool signedDocument READ isSignedDocument NOTIFY changed)
    Q_PROPERTY(QString savedPath READ savedPath NOTIFY savedPathChanged)
    Q_PROPERTY(QString documentsFolder READ documentsFolder NOTIFY sessionChanged)

public:
    explicit DocumentExportController(QObject *parent = nullptr);

    /** The signed assessment, care plan or visit record to save as PDF. */
    QString recordId() const { return m_recordId; }
    void setRecordId(const QString &id);
    /** The client whose handout or appointments to save. */
    QString clientId() const { return m_clientId; }
    void setClientId(const QString &id);
    /** True when recordId names a signed document. */
    bool isSignedDocument() const { return m_signed; }
    QString savedPath() const { return m_savedPath; }
    /** Where files are saved: `documents` beside the store. */
    QString documentsFolder() const;

    /** Saves the PDF of the signed record; false (errorText set) when it cannot. */
    Q_INVOKABLE bool savePdf();
    /** Saves the client's handout as PDF. */
    Q_INVOKABLE bool saveHandout();
    /** Saves the client's upcoming appointments as an .ics file for the client. */
    Q_INVOKABLE bool saveAppointments();

    /** The agency's name as the documents print it: as the server said it at the last sync
        (DeviceStore::agencyName), "CareRound" on a store that never synced. */
    QString agencyName() const;

signals:
    void recordChanged();
    void changed();
    void savedPathChanged();

protected:
    void load() override;

private:
    bool write(const QByteArray &data, const QString &fileName);
    /** Upcoming means from the start of the session's today on. */
    QDateTime startOfToday() const;
    QString m_recordId, m_clientId, m_savedPath;
    bool m_signed = false;
};

} // namespace careround
